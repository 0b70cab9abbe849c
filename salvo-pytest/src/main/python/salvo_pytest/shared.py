"""Shared state for tests in different workers: named locks, a message board and trails.

Each object here is a thin client over a `state` with one method, `call(method, args)`:
in worker mode the channel to the coordinator, which serves every worker; otherwise a
LocalState for this process alone. The API follows pytest-mp's `mp_lock`,
`mp_message_board` and `mp_trail`, so suites move over unchanged.
"""
import contextlib
import json
import threading
import time

import pytest

from .local_state import LocalState

DEFAULT_LOCK = "default"
TRAIL_STATES = ("start", "finish")


class NamedLock:
    """A lock shared by every worker of the run: `with lock:`, or acquire()/release().

    Threads of one worker queue on a local lock first, so the coordinator only ever sees
    one request per worker and name.
    """

    def __init__(self, state, name):
        self._state = state
        self.name = name
        self._local = threading.Lock()

    def acquire(self, timeout=None):
        """True once held; False if `timeout` seconds passed first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self._local.acquire(timeout=-1 if timeout is None else max(timeout, 0)):
            return False
        args = {"name": self.name}
        if deadline is not None:
            args["timeout"] = max(deadline - time.monotonic(), 0)
        try:
            held = self._state.call("lock.acquire", args, if_abandoned=self._release_if_granted)
        except BaseException:
            self._local.release()
            raise
        if not held:
            self._local.release()
        return bool(held)

    def release(self):
        try:
            self._state.call("lock.release", {"name": self.name})
        finally:
            self._local.release()

    def _release_if_granted(self, held):
        # The waiter gave up (its test timed out) but the coordinator granted the lock after
        # all: hand it back, or every other worker would wait for it forever.
        if held:
            self._state.call_without_waiting("lock.release", {"name": self.name})

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()
        return False

    def __repr__(self):
        return "<salvo lock %r>" % self.name


class SharedLocks:
    """The `salvo_lock` fixture's value: `salvo_lock("name")` is that lock, one object per name."""

    def __init__(self, state):
        self._state = state
        self._guard = threading.Lock()
        self._locks = {}

    def __call__(self, name=DEFAULT_LOCK):
        with self._guard:
            if name not in self._locks:
                self._locks[name] = NamedLock(self._state, name)
            return self._locks[name]


class Board:
    """A dict shared by every worker; keys are strings, values must be JSON-serialisable.

    Deleting a missing key is not an error: another worker may have deleted it first.
    """

    def __init__(self, state):
        self._state = state

    def get(self, key, default=None):
        value = self._state.call("board.get", {"key": _checked_key(key)})
        if value is None and default is not None and key not in self:
            return default
        return value

    def __getitem__(self, key):
        value = self.get(key)
        if value is None and key not in self:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self._state.call("board.set", {"key": _checked_key(key), "value": _checked_value(value)})

    def setdefault(self, key, default=None):
        return self._state.call("board.setdefault",
                                {"key": _checked_key(key), "value": _checked_value(default)})

    def __delitem__(self, key):
        self._state.call("board.delete", {"key": _checked_key(key)})

    def keys(self):
        return list(self._state.call("board.keys", {}))

    def __contains__(self, key):
        return key in self.keys()

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())


class Trails:
    """pytest-mp's `mp_trail(name, 'start'|'finish')`: a context manager whose value is True
    for the first worker to start the trail and for the last one to finish it.

    The body runs under the trail's lock, so a worker that is not first waits until the
    first one has finished its setup.
    """

    def __init__(self, state, locks):
        self._state = state
        self._locks = locks

    @contextlib.contextmanager
    def __call__(self, name, state="start"):
        if state not in TRAIL_STATES:
            raise ValueError("a trail's state is 'start' or 'finish', not %r" % (state,))
        with self._locks("salvo-trail:" + name):
            method = "trail.enter" if state == "start" else "trail.leave"
            yield bool(self._state.call(method, {"name": name}))


class Shared:
    """Everything one pytest process shares with the others, built once per config."""

    def __init__(self, state):
        self.state = state
        self.distributed = getattr(state, "distributed", True)
        self.locks = SharedLocks(state)
        self.board = Board(state)
        self.trails = Trails(state, self.locks)


_SHARED = pytest.StashKey()


def use_coordinator(config, channel):
    """Worker mode: shared state is served by the coordinator, to every worker."""
    config.stash[_SHARED] = Shared(channel)


def shared_for(config):
    if _SHARED not in config.stash:
        config.stash[_SHARED] = Shared(LocalState())
    return config.stash[_SHARED]


def _checked_key(key):
    if not isinstance(key, str):
        raise TypeError("salvo_board keys are strings, not %s" % type(key).__name__)
    return key


def _checked_value(value):
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError) as error:
        raise TypeError("salvo_board values must be JSON-serialisable: %s" % error) from None
