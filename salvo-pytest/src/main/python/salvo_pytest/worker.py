"""Worker mode (`--salvo-worker`): one pytest session that serves the coordinator's ops.

pytest starts once, pays for its start-up and the root conftests once, and then, instead of
collecting the rootdir and running everything, waits for `collect`, `run` and `shutdown`.
Tests run through pytest's own runtest protocol, so every plugin, fixture and report hook
behaves as in a normal session, Salvo's reporter included. Fixture lifetimes follow the
protocol: between tests of one `run` pytest's usual `nextitem` rule; at the end of a run,
everything below the session is torn down; session fixtures live until `shutdown`.
"""
import ctypes
import functools
import gc
import os
import sys

import pytest

from .classify import MAX_DETAIL, detail_of_exception, one_line, safe_text
from .collection import FileCatalog


class WorkerSession:
    """The pytest plugin that replaces collection and the run loop in worker mode."""

    def __init__(self, channel, reporter, fork=None):
        """fork: None (tests run here), "file" (a child per run op) or "test" (a child per test)."""
        self._channel = channel
        self._reporter = reporter
        self._fork = fork

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection(self, session):
        session.items = []  # collected per file, on demand, by the run loop
        return True

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session):
        with _ProgressUnwritten(session.config):
            self._serve(session, FileCatalog(session, self._channel, self._reporter))
        self._channel.flush()
        self._tear_down_session(session)
        if session.shouldfail:
            raise session.Failed(session.shouldfail)
        if session.shouldstop:
            raise session.Interrupted(session.shouldstop)
        return True

    def _serve(self, session, catalog):
        self._channel.send({"ev": "idle"})
        while True:
            op = self._channel.ops.get()
            name = op.get("op")
            if name == "shutdown":
                return
            if name not in ("collect", "run") or "file" not in op or (name == "run" and "tests" not in op):
                sys.stderr.write("salvo: ignoring an op this worker does not understand: %r\n" % (op,))
                continue
            # Collection (the import of the file and all it pulls in) happens here, in the warm worker,
            # so that a forked child only pays for running the tests: import side effects stay here.
            collected = catalog.get(op["file"])
            if name == "run":
                if self._fork == "test":
                    self._run_each_in_child(session, collected, op["tests"])
                elif self._fork == "file" or not collected.own_process.isdisjoint(op["tests"]):
                    self._in_child(session, lambda: self._run(session, collected, op["tests"]))
                else:
                    self._run(session, collected, op["tests"])
            if session.shouldfail or session.shouldstop:
                return  # -x, --maxfail or a plugin said stop: end the session as pytest would
            self._channel.send({"ev": "idle"})

    def _run_each_in_child(self, session, collected, test_ids):
        """Fork-per-test isolation (xdist's --boxed): every test in a child of its own, torn down whole."""
        for nodeid in test_ids:
            self._in_child(session, lambda nodeid=nodeid: self._run(session, collected, [nodeid], alone=True))
            if session.shouldfail or session.shouldstop:
                return

    def _in_child(self, session, work):
        """Fork isolation: the work runs in a child of this warmed-up process, which stays pristine.

        The child imports the test file, runs, reports on the shared channel and exits; this
        process only waits, and reports a child that died so its running test counts as crashed.
        Where this process had not set up the session (fork modes: it runs no test itself), the
        child's session fixtures are all its own and end with it, as at the end of a pytest
        session: a test database is destroyed, a teardown's error is reported. Where it had (a
        group's child, from a persistent worker), they are this process's, which ends them.
        """
        parent_set_up_session = session in session._setupstate.stack
        self._channel.flush()  # what is held for the next write must not be sent by both processes
        sys.stdout.flush()
        sys.stderr.flush()
        replies_in, replies_out = os.pipe()
        _prctl()  # looked up here, once, so that every child finds it
        worker_pid = os.getpid()
        # Objects alive now are the warm worker's: frozen, the child's garbage collector never
        # walks them, so it does not touch (and copy) every page it shares with this process.
        gc.freeze()
        pid = os.fork()
        if pid != 0:
            gc.unfreeze()
        if pid == 0:
            os.close(replies_out)
            _die_with_parent(worker_pid)
            self._channel.serve_replies_from(replies_in)
            code = 0
            try:
                work()
                if not parent_set_up_session:
                    self._tear_down_session(session)
            except BaseException:  # noqa: B036 - the child must always end here, never return
                import traceback
                traceback.print_exc()
                code = 1
            finally:
                _run_exit_handlers()  # atexit work such as coverage's data file, as a normal exit would
                self._channel.flush()
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        os.close(replies_in)
        self._channel.forward_replies_to(replies_out)
        try:
            _, status = os.waitpid(pid, 0)
        finally:
            self._channel.forward_replies_to(None)
            os.close(replies_out)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            self._channel.send({"ev": "child_lost", "exit": code if code > 0 else 128 - code})

    def _run(self, session, collected, test_ids, alone=False):
        """alone: the test's child ends after it, so everything it set up is torn down after it."""
        plan = [(nodeid, collected.items.get(nodeid)) for nodeid in test_ids]
        for index, (nodeid, item) in enumerate(plan):
            if item is None:
                self._channel.send(collected.missing(nodeid))
                continue
            later = None if alone else next((other for _, other in plan[index + 1:] if other is not None), None)
            item._report_sections = []  # a test run again (a retry) reports only its new output
            item.ihook.pytest_runtest_protocol(item=item, nextitem=_next_for_teardown(item, later, session))
            if session.shouldfail or session.shouldstop:
                return

    def _tear_down_session(self, session):
        """Session fixtures end here, not in pytest_sessionfinish, where an error would escape."""
        call = pytest.CallInfo.from_call(lambda: session._setupstate.teardown_exact(None),
                                         when="teardown", reraise=(pytest.exit.Exception, KeyboardInterrupt))
        if call.excinfo is None:
            return
        session.testsfailed += 1
        self._channel.send({"ev": "teardown_error", "kind": "FIXTURE",
                            "message": safe_text(one_line(call.excinfo, None)),
                            "detail": safe_text(detail_of_exception(call.excinfo, MAX_DETAIL))})


def _next_for_teardown(item, later, session):
    """What pytest's teardown should keep set up after `item`.

    SetupState.teardown_exact keeps the nodes that `nextitem.listchain()` starts with, so the
    session as `nextitem` tears down everything but the session (end of a run), and the
    item's parent does the same below it when the same test runs twice in a row.
    """
    if later is None:
        return session
    if later is item:
        return item.parent
    return later


class _ProgressUnwritten:
    """pytest's terminal reporter writes a letter per test, and progress, to the worker's output,
    which nobody reads (results travel on the channel): a write per test here, a read in Salvo.
    While the worker serves, what the reporter writes goes nowhere; the reporter itself stays,
    counting as ever, for the plugins that ask it. With -v its lines are what the user asked to
    see (Salvo streams them, as pytest would print them); a pytest whose writer differs is left
    alone."""

    def __init__(self, config):
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        self._writer = getattr(reporter, "_tw", None)
        self._file = getattr(self._writer, "_file", None) if config.option.verbose <= 0 else None

    def __enter__(self):
        if self._file is not None:
            self._writer._file = _Nowhere()

    def __exit__(self, *exc):
        if self._file is not None:
            self._writer._file = self._file
        return False


class _Nowhere:
    def write(self, text):
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False


def _die_with_parent(worker_pid):
    """A forked child must not outlive its worker (Linux: the kernel kills it when the parent dies)."""
    prctl = _prctl()
    if prctl is not None:
        pr_set_pdeathsig, sigkill = 1, 9
        prctl(pr_set_pdeathsig, sigkill)
    if os.getppid() != worker_pid:
        os._exit(1)  # the worker died before the kernel was told: nobody would end this child


@functools.lru_cache(maxsize=None)
def _prctl():
    """libc's prctl, looked up once in the worker: in each child it cost a third of a millisecond."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _run_exit_handlers():
    """A forked child ends with os._exit (it must never return into the worker's loop), which skips atexit."""
    try:
        import atexit
        atexit._run_exitfuncs()
    except Exception:  # noqa: BLE001 - an exit handler's failure must not cost the child's results
        pass
