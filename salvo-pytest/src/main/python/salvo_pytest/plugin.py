"""Loaded into pytest with `-p salvo_pytest.plugin` by Salvo.

Inert unless SALVO_CHANNEL is set (but for the group markers and the shared-state fixtures,
which work everywhere so suites run under plain pytest too). Then it reports collection
errors, each test's start and its combined result (outcome, kind, message, detail, output),
and the end of the session together with any non-daemon thread that would keep the process
alive. It also enforces --salvo-test-timeout, and pytest-timeout's limits, in the test's own
thread, so one slow test does not cost the file. With --salvo-worker the process is a persistent worker (see worker.py);
without, pytest runs the files it was given ("file mode").
"""
import gc
import os
import signal
import sys
import threading
import time

import pytest

from . import groups
from .channel import Channel, reserve_standard_streams
from .classify import (MAX_OUTPUT, SalvoTestTimeout, detail, failure_kind, middle, one_line,
                       safe_text)
from .shared import use_coordinator
from .warning_tally import WarningTally
from .worker import WorkerSession
from . import django_compat, xdist_compat
from .coverage_data import CoverageReport, use_private_data_file
from .plugin_failure import report_plugin_failures

xdist_compat.export_environment()
use_private_data_file()
if os.environ.get("SALVO_CHANNEL"):
    report_plugin_failures()
reserve_standard_streams()

pytest_plugins = ["salvo_pytest.fixtures"]

EXIT_HARD_TIMEOUT = 71
HARD_TIMEOUT_GRACE = 5.0


def pytest_addoption(parser):
    group = parser.getgroup("salvo")
    group.addoption("--salvo-test-timeout", type=float, default=0.0, metavar="SECONDS",
                    help="fail a test that runs longer than this (setup, call and teardown)")
    group.addoption("--salvo-worker", action="store_true", default=False,
                    help="serve Salvo's coordinator: collect and run the files and tests it asks for")
    group.addoption("--salvo-fork", action="store_true", default=False,
                    help="with --salvo-worker: import each file here, then run its tests in a forked child")
    group.addoption("--salvo-fork-test", action="store_true", default=False,
                    help="with --salvo-worker: import each file here, then run each test in a forked child of its own")
    group.addoption("--salvo-coverage-report", metavar="DIR", default=None,
                    help="run no test: combine the coverage data in DIR and report it as pytest-cov does")


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    """A --basetemp given to a distributed run: each worker gets a directory of its own under it
    (basetemp/gw0, ...), as xdist's workers do. pytest empties its basetemp when it first uses it,
    so one shared by the workers would be emptied under the others' running tests; it creates
    only the last directory, so the basetemp itself is made here (a path on the worker's own
    machine). Before pytest_configure, where pytest reads the option."""
    worker = xdist_compat.worker_name()
    if config.option.basetemp and worker and not hasattr(config, "workerinput"):
        try:
            os.makedirs(config.option.basetemp, exist_ok=True)
        except OSError as e:
            raise pytest.UsageError("--basetemp %s: %s" % (config.option.basetemp, e.strerror or e))
        config.option.basetemp = os.path.join(str(config.option.basetemp), worker)


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    for line in groups.MARKERS:
        config.addinivalue_line("markers", line)
    # In every process but xdist's own workers, Salvo's xdist conventions: registered later, its
    # fixtures override xdist's worker_id (which would say "master") and pytest-django's suffix.
    if not hasattr(config, "workerinput") and not config.pluginmanager.has_plugin("salvo-xdist-compat"):
        config.pluginmanager.register(xdist_compat, "salvo-xdist-compat")
        if config.pluginmanager.has_plugin("django"):
            config.pluginmanager.register(django_compat, "salvo-django-compat")
    if config.getoption("salvo_coverage_report"):
        config.pluginmanager.register(CoverageReport(config.getoption("salvo_coverage_report")), "salvo-coverage")
        return
    worker_mode = config.getoption("salvo_worker")
    spec = os.environ.get("SALVO_CHANNEL")
    if worker_mode and not spec:
        raise pytest.UsageError("--salvo-worker needs SALVO_CHANNEL=<port>:<token>: Salvo starts workers itself")
    if spec and not config.pluginmanager.has_plugin("salvo-reporter"):
        channel = Channel.connect(spec, "worker" if worker_mode else "file")
        reporter = Reporter(config, channel, config.getoption("salvo_test_timeout"), worker_mode)
        config.pluginmanager.register(reporter, "salvo-reporter")
        if reporter.timeout > 0 or any(config.pluginmanager.has_plugin(name) for name in ("timeout", "pytest_timeout")):
            config.pluginmanager.register(TimeLimits(reporter), "salvo-time-limits")
        if worker_mode:
            use_coordinator(config, channel)
            fork = "test" if config.getoption("salvo_fork_test") else "file" if config.getoption("salvo_fork") else None
            config.pluginmanager.register(WorkerSession(channel, reporter, fork), "salvo-worker")


class Reporter:
    def __init__(self, config, channel, timeout, worker_mode=False):
        self.config = config
        self.channel = channel
        self.timeout = timeout
        self.worker_mode = worker_mode
        self.collecting_file = None
        self.collect_errors = []
        self.module_skips = []  # files that skipped themselves at import (importorskip, skip(allow_module_level))
        self.phases = {}
        self.kinds = {}
        self.current = None
        self.deadline = None
        self.limit = timeout  # the running test's limit: Salvo's own, or the one pytest-timeout gives it
        self._limits = {}  # pytest-timeout's limits of the tests about to start, by node id
        self._call_only = False  # pytest-timeout's func_only: its limit covers the call phase alone
        self._watchdog_pid = None
        self.deselected = 0
        self.exitstatus = -1
        self.warnings = WarningTally()
        self.unsent = None  # a test's result, held until pytest has recorded its warnings
        if timeout > 0:
            self._watch()

    # ---- collection ------------------------------------------------------------------

    @pytest.hookimpl(hookwrapper=True)
    def pytest_make_collect_report(self, collector):
        outcome = yield
        report = outcome.get_result()
        if report.skipped and isinstance(collector, pytest.Module):
            # pytest counts such a file as one skipped test, with the reason: so does Salvo.
            self.module_skips.append({"nodeid": report.nodeid, "message": safe_text(_skip_reason(report))})
        if report.failed:
            call = getattr(report, "call", None)
            excinfo = call.excinfo if call is not None else None
            error = {
                "ev": "collect_error",
                "nodeid": report.nodeid,
                "kind": failure_kind(excinfo, "collect"),
                "message": safe_text(self._collect_message(excinfo, report)),
                "detail": safe_text(detail(report)),
            }
            if self.collecting_file is not None:
                error["file"] = self.collecting_file
            self.collect_errors.append(error)
            self.channel.send(error)

    @staticmethod
    def _collect_message(excinfo, report):
        error = excinfo.value if excinfo is not None else None
        cause = getattr(error, "__cause__", None)
        if cause is not None:
            text = "%s: %s" % (type(cause).__name__, cause)
            return text.splitlines()[0] if text.strip() else type(cause).__name__
        return one_line(excinfo, report)

    def pytest_deselected(self, items):
        self.deselected += len(items)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session):
        # Not at collection_finish: pytest records collection's warnings (and the configuration's,
        # which it checks once collection is done) only as its collection hook returns.
        if self.worker_mode:
            return  # the worker reports each file it collects, with more detail
        self.channel.send(self.warnings.collected({"ev": "collected", "ids": [item.nodeid for item in session.items],
                                                   "deselected": self.deselected, "skipped": self.module_skips}))

    def pytest_warning_recorded(self, warning_message, when, nodeid, location):
        self.warnings.record(warning_message, when, nodeid)

    # ---- running ---------------------------------------------------------------------

    def pytest_runtest_logstart(self, nodeid, location):
        self.current = nodeid
        self.phases[nodeid] = {}
        self._limit_to(self._limits.pop(nodeid, self.timeout))
        self.channel.send({"ev": "test_started", "nodeid": nodeid})

    # ---- pytest-timeout: its limits are enforced as Salvo's own -------------------------

    @pytest.hookimpl(optionalhook=True, tryfirst=True)
    def pytest_timeout_set_timer(self, item, settings):
        """Replaces pytest-timeout's timer (the hook it offers for that), so a test past its
        --timeout or timeout marker is TIMEOUT, and one stuck in C code still ends."""
        if self.timeout > 0 and item.get_closest_marker("timeout") is None:
            return True  # --test-timeout, given on the command line, beats pytest-timeout's ini and environment
        if settings.func_only:
            self._call_only = True
            self._limit_to(settings.timeout)  # called as the call phase begins
        else:
            self._limits[item.nodeid] = settings.timeout  # called before the test starts
        return True

    @pytest.hookimpl(optionalhook=True, tryfirst=True)
    def pytest_timeout_cancel_timer(self, item):
        if self._call_only:
            self._call_only = False
            # Teardown: Salvo's own limit again; self.limit still names the call's, for the message.
            self.deadline = time.monotonic() + self.timeout if self.timeout > 0 else None
        return True

    def _limit_to(self, seconds):
        self.limit = seconds
        self.deadline = time.monotonic() + seconds if seconds > 0 else None
        if self.deadline is not None:
            self._watch()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        if report.failed:
            self.kinds[(item.nodeid, call.when)] = (failure_kind(call.excinfo, call.when),
                                                   one_line(call.excinfo, report))

    def pytest_runtest_logreport(self, report):
        self.phases.setdefault(report.nodeid, {})[report.when] = report

    @pytest.hookimpl(hookwrapper=True, tryfirst=True)
    def pytest_runtest_protocol(self, item, nextitem):
        # Registered after pytest's warnings plugin, so this wraps it: its recording ends first.
        self.unsent = {}
        try:
            yield
        finally:
            held, self.unsent = self.unsent, None
            for message in held.values():
                message["warnings"] = self.warnings.take_test(message["nodeid"])
                if nextitem is None:
                    self.channel.send(message)  # the session's end, and other plugins' code, come next
                else:
                    self.channel.send_with_next(message)  # with the next test's start, or the worker's idle

    def pytest_runtest_logfinish(self, nodeid, location):
        phases = self.phases.pop(nodeid, {})
        message = self._result(nodeid, phases)
        self.current = None
        self.deadline = None
        self._call_only = False
        if self.unsent is not None:
            self.unsent[nodeid] = message
        else:
            self.channel.send(message)

    def _result(self, nodeid, phases):
        outcome, failing = _outcome(phases)
        result = {
            "ev": "test_finished",
            "nodeid": nodeid,
            "outcome": outcome,
            "duration": sum(getattr(r, "duration", 0.0) for r in phases.values()),
            "output": safe_text(middle(_output(phases), MAX_OUTPUT)),
        }
        if failing is not None:
            kind, message = self.kinds.pop((nodeid, failing.when), ("OTHER", one_line(None, failing)))
            if kind == "TIMEOUT":
                result["outcome"] = "TIMEOUT"
                message = "test exceeded the per-test timeout of %gs (in %s)" % (self.limit, failing.when)
            result.update(kind=kind, message=safe_text(message), detail=safe_text(detail(failing)))
        for when in ("setup", "call", "teardown"):
            self.kinds.pop((nodeid, when), None)
        return result

    # ---- end of session --------------------------------------------------------------

    def pytest_sessionfinish(self, session, exitstatus):
        self.exitstatus = int(exitstatus)

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config):
        # Sent last, after pytest printed its summary: from here only interpreter shutdown
        # remains, so a process still alive after the grace period is truly lingering.
        self.channel.send({"ev": "session_finished", "exitstatus": self.exitstatus,
                           "threads": _lingering_threads(str(self.config.rootpath))})
        self.channel.closing = True
        # pytest's cleanup, still to come, collects garbage five times over (to surface unraisable
        # exceptions, which nobody reports from here on): frozen, the session's objects are not
        # walked each time, so a worker that held 50 000 tests exits in a moment, not seconds.
        gc.freeze()

    # ---- per-test timeout ------------------------------------------------------------

    def time_limit(self):
        return _Alarm(self.deadline) if self.deadline is not None else _NoAlarm()

    def _watch(self):
        """Starts the last resort once per process (a forked child has none of its parent's threads)."""
        if self._watchdog_pid != os.getpid():
            self._watchdog_pid = os.getpid()
            threading.Thread(target=self._hard_timeout_watch, name="salvo-watchdog", daemon=True).start()

    def _hard_timeout_watch(self):
        """Last resort when the alarm cannot interrupt the test (stuck in C code, signals blocked)."""
        while True:
            time.sleep(0.5)
            nodeid, deadline, limit = self.current, self.deadline, self.limit
            if nodeid is None or deadline is None:
                continue
            if time.monotonic() > deadline + HARD_TIMEOUT_GRACE and nodeid == self.current:
                self.channel.send({
                    "ev": "test_finished", "nodeid": nodeid, "outcome": "TIMEOUT", "duration": limit,
                    "kind": "TIMEOUT", "output": "",
                    "message": "test exceeded the per-test timeout of %gs and could not be interrupted; "
                               "its process was ended" % limit,
                    "detail": _stack_of(threading.main_thread()),
                })
                self.channel.closing = True
                os._exit(EXIT_HARD_TIMEOUT)


class TimeLimits:
    """The per-test alarm around each phase of a test, registered only where a test can have a
    limit (--test-timeout, or pytest-timeout's): three hook wrappers a test cost nothing otherwise."""

    def __init__(self, reporter):
        self._reporter = reporter

    # The alarm is the innermost wrapper (trylast), so that pytest-timeout's wrappers, which set
    # its limit through the reporter's hooks, run first.
    @pytest.hookimpl(hookwrapper=True, trylast=True)
    def pytest_runtest_setup(self, item):
        with self._reporter.time_limit():
            yield

    @pytest.hookimpl(hookwrapper=True, trylast=True)
    def pytest_runtest_call(self, item):
        with self._reporter.time_limit():
            yield

    @pytest.hookimpl(hookwrapper=True, trylast=True)
    def pytest_runtest_teardown(self, item, nextitem):
        reporter = self._reporter
        if reporter.deadline is not None and time.monotonic() >= reporter.deadline:
            # The test already used its budget: teardown gets a fresh one, so cleanup still runs.
            reporter.deadline = time.monotonic() + reporter.limit
        with reporter.time_limit():
            yield


class _Alarm:
    """Raises SalvoTestTimeout in the main thread when the deadline passes."""

    def __init__(self, deadline):
        self.deadline = deadline
        self.previous = None

    def __enter__(self):
        if threading.current_thread() is not threading.main_thread():
            return self
        self.previous = signal.signal(signal.SIGALRM, self._expire)
        signal.setitimer(signal.ITIMER_REAL, max(self.deadline - time.monotonic(), 0.001))
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False

    @staticmethod
    def _expire(signum, frame):
        raise SalvoTestTimeout("test exceeded its per-test timeout")


class _NoAlarm:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _outcome(phases):
    """One outcome for a test from its setup, call and teardown reports, and the failing report."""
    setup, call, teardown = phases.get("setup"), phases.get("call"), phases.get("teardown")
    outcome, failing = "PASSED", None
    if setup is not None and setup.failed:
        outcome, failing = "ERROR", setup
    elif setup is not None and setup.skipped:
        outcome = "XFAILED" if hasattr(setup, "wasxfail") else "SKIPPED"
    elif call is not None:
        if call.failed:
            outcome, failing = "FAILED", call
        elif call.skipped:
            outcome = "XFAILED" if hasattr(call, "wasxfail") else "SKIPPED"
        elif hasattr(call, "wasxfail"):
            outcome = "XPASSED"
    if teardown is not None and teardown.failed and failing is None:
        outcome, failing = "ERROR", teardown
    return outcome, failing


def _output(phases):
    parts = []
    for when in ("setup", "call", "teardown"):
        report = phases.get(when)
        if report is None:
            continue
        for title, content in report.sections:
            if content and title.split()[-1] == when:
                parts.append("----- %s -----\n%s" % (title, content))
    return "\n".join(parts)


def _lingering_threads(rootdir):
    """Threads that will keep the interpreter from exiting, with where they were started and are now."""
    frames = sys._current_frames()
    found = []
    for thread in threading.enumerate():
        if thread is threading.main_thread() or thread.daemon or not thread.is_alive():
            continue
        target = getattr(thread, "_target", None)
        code = getattr(target, "__code__", None)
        frame = frames.get(thread.ident)
        found.append({
            "name": thread.name,
            "target": "%s (%s:%d)" % (target.__qualname__, _relative(code.co_filename, rootdir),
                                      code.co_firstlineno) if code is not None else type(thread).__name__,
            "where": "%s:%d" % (_relative(frame.f_code.co_filename, rootdir), frame.f_lineno) if frame else "",
        })
    return found


def _stack_of(thread):
    import traceback
    frame = sys._current_frames().get(thread.ident)
    return "".join(traceback.format_stack(frame)) if frame is not None else ""


def _relative(path, rootdir):
    try:
        return os.path.relpath(path, rootdir) if path.startswith(rootdir) else path
    except ValueError:
        return path


def _skip_reason(report):
    """A skip's reason as pytest prints it: its longrepr is (path, line, "Skipped: reason")."""
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = str(longrepr[2])
        return reason[len("Skipped: "):] if reason.startswith("Skipped: ") else reason
    return str(longrepr or "skipped")
