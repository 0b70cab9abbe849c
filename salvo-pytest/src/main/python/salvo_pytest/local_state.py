"""An in-process stand-in for the coordinator's shared-state server.

In file mode (and under plain pytest) there is no server, but suites written for workers
must still run: this answers the same `call` methods for one process. Values go through
JSON here too, so a suite that stores something unserialisable fails the same way in
every mode.
"""
import json
import threading


class LocalState:
    distributed = False

    def __init__(self):
        self._guard = threading.Lock()
        self._board = {}
        self._trails = {}

    def call(self, method, args, if_abandoned=None):
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            raise ValueError("unknown shared-state method %r" % method)
        with self._guard:
            return handler(**args)

    # Exclusion within the process is the client's per-name threading lock: nothing to add.
    def _lock_acquire(self, name, timeout=None):
        return True

    def _lock_release(self, name):
        return True

    def _board_get(self, key):
        return self._board.get(key)

    def _board_set(self, key, value):
        self._board[key] = _through_json(value)
        return True

    def _board_setdefault(self, key, value):
        return self._board.setdefault(key, _through_json(value))

    def _board_delete(self, key):
        self._board.pop(key, None)
        return True

    def _board_keys(self):
        return list(self._board)

    def _trail_enter(self, name):
        inside = self._trails.get(name, 0) + 1
        self._trails[name] = inside
        return inside == 1

    def _trail_leave(self, name):
        inside = max(self._trails.get(name, 0) - 1, 0)
        self._trails[name] = inside
        return inside == 0

    # One process is every worker there is: it always owns its session-once fixtures.
    def _once_setup(self, name):
        return {"role": "owner"}

    def _once_publish(self, name, value=None, error=None):
        return True

    def _once_release(self, name):
        return True

    def _once_await_last(self, name):
        return True


def _through_json(value):
    return json.loads(json.dumps(value))
