"""pytest's warnings count ("5 passed, 7 warnings"), reported with the results it belongs to.

pytest records each warning once, with when it came: while configuring ("config"), while
collecting ("collect") or while running a test ("runtest", with its node id). Salvo sends a
test's count with its result, a file's collection count with its collected tests, and the
configuration's warnings (by text, since every worker process configures itself and the run
counts them once) with the first file a process collects.
"""
from _pytest.warnings import catch_warnings_for_item


class WarningTally:
    def __init__(self):
        self._by_test = {}
        self._collect = 0
        self._config = []
        self._config_sent = False

    def record(self, warning_message, when, nodeid):
        if when == "runtest":
            self._by_test[nodeid] = self._by_test.get(nodeid, 0) + 1
        elif when == "collect":
            self._collect += 1
        else:
            self._config.append("%s: %s" % (warning_message.category.__name__, warning_message.message))

    def take_test(self, nodeid):
        return self._by_test.pop(nodeid, 0)

    def collected(self, message):
        """Adds what collection recorded since the last file to a `collected` message."""
        message["warnings"] = self._collect
        self._collect = 0
        if not self._config_sent:
            message["config_warnings"] = self._config
            self._config_sent = True
        return message


def recording_collection(config):
    """pytest records collection warnings only inside its own collection hook; a worker collects a file at a time."""
    return catch_warnings_for_item(config=config, ihook=config.hook, when="collect", item=None)
