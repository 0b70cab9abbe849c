"""Worker mode's collection: one file at a time, when the coordinator first needs it.

Each file goes through pytest's own Session.perform_collect, so its node tree, conftests,
collection hooks and -m/-k deselection are exactly what `pytest that_file` would produce;
a file nobody asks for is never imported. The items are kept, so a file is collected at
most once per worker.
"""
import os
import traceback

import pytest

from .classify import MAX_DETAIL, safe_text, tail
from . import groups
from .directories import keep_directory_collectors
from .warning_tally import recording_collection


class CollectedFile:
    """One file's selected items by node id, or the collection error that left it none."""

    def __init__(self, file, items, failure=None, own_process=frozenset()):
        """own_process: the ids of the tests whose group asks for a process of their own."""
        self.file = file
        self.items = {item.nodeid: item for item in items}
        self.failure = failure
        self.own_process = own_process

    def missing(self, nodeid):
        """The result of a requested test this file does not have."""
        result = {"ev": "test_finished", "nodeid": nodeid, "outcome": "ERROR", "duration": 0.0,
                  "output": "", "kind": "COLLECTION", "message": "not found", "detail": ""}
        if self.failure is not None:
            result.update(kind=self.failure["kind"],
                          message="not found: %s failed to collect: %s" % (self.file, self.failure["message"]),
                          detail=self.failure["detail"])
        return result


class FileCatalog:
    def __init__(self, session, channel, reporter):
        self._session = session
        self._channel = channel
        self._reporter = reporter
        self._files = {}
        keep_directory_collectors(session)

    def get(self, file):
        """The file's collected tests; the first time, collects it and reports the result."""
        key = os.path.normpath(file)
        if key not in self._files:
            self._files[key] = self._collect(file)
        return self._files[key]

    def _collect(self, file):
        session, reporter = self._session, self._reporter
        earlier_items = list(session.items)
        deselected_before = reporter.deselected
        skips_before = len(reporter.module_skips)
        items, failure = self._collect_items(file)
        described, own_process = [], frozenset()
        if failure is None:
            try:
                own_process = groups.own_process(items)
                described = groups.describe(items)
            except ValueError as error:
                failure = self._unreadable(file, "COLLECTION", str(error), "")
        if failure is not None:
            items = []
        session.items = earlier_items + items
        session.testscollected = len(session.items)
        if failure is None:
            self._channel.send(reporter.warnings.collected({
                "ev": "collected", "file": file, "ids": [item.nodeid for item in items],
                "deselected": reporter.deselected - deselected_before, "items": described,
                "skipped": reporter.module_skips[skips_before:]}))
        return CollectedFile(file, items, failure, own_process)

    def _collect_items(self, file):
        """pytest's collection of one file: its selected items, or the first error it met."""
        reporter = self._reporter
        errors_before = len(reporter.collect_errors)
        reporter.collecting_file = file
        items, unreported = [], None
        try:
            with recording_collection(self._session.config):
                items = list(self._session.perform_collect([str(self._session.config.rootpath / file)]))
        except pytest.UsageError as error:  # not found, or no collector for it
            unreported = ("COLLECTION", " ".join(str(a) for a in error.args), "")
        except Exception as error:
            unreported = ("OTHER", "collecting %s failed: %s" % (file, error),
                          tail(traceback.format_exc(), MAX_DETAIL))
        finally:
            reporter.collecting_file = None
        errors = reporter.collect_errors[errors_before:]
        if errors:
            return [], errors[0]  # the cause; pytest may add "not found" because of it
        if unreported is not None:
            return [], self._unreadable(file, *unreported)
        return items, None

    def _unreadable(self, file, kind, message, detail):
        """A collection failure pytest's hooks did not report themselves."""
        self._session.testsfailed += 1
        failure = {"ev": "collect_error", "file": file, "nodeid": file, "kind": kind,
                   "message": safe_text(message), "detail": safe_text(detail)}
        self._channel.send(failure)
        return failure

