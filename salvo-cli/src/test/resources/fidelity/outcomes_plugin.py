"""What plain pytest says of each test, for the fidelity test: node id -> one outcome, in
pytest's own categories (passed, failed, error, skipped, xfailed, xpassed), written as JSON
to $OUTCOMES_FILE at the end of the session. A file that fails to collect is an error, and a
file that skips itself is one skipped test, as pytest counts them. The number of warnings pytest
recorded (its summary's "N warnings") goes to $OUTCOMES_FILE.warnings."""
import json
import os

_reports = {}
_files = {}
_warnings = []


def pytest_warning_recorded(warning_message, when, nodeid, location):
    _warnings.append(when)


def pytest_collectreport(report):
    if report.failed:
        _files[report.nodeid] = "ERROR"
    elif report.skipped and report.nodeid.endswith(".py"):
        _files[report.nodeid] = "SKIPPED"


def pytest_runtest_logreport(report):
    _reports.setdefault(report.nodeid, {})[report.when] = report


def _outcome(phases):
    setup, call, teardown = phases.get("setup"), phases.get("call"), phases.get("teardown")
    if setup is not None and setup.failed:
        return "ERROR"
    if setup is not None and setup.skipped:
        return "XFAILED" if hasattr(setup, "wasxfail") else "SKIPPED"
    outcome = "PASSED"
    if call is not None:
        if call.failed:
            outcome = "FAILED"
        elif call.skipped:
            outcome = "XFAILED" if hasattr(call, "wasxfail") else "SKIPPED"
        elif hasattr(call, "wasxfail"):
            outcome = "XPASSED"
    if teardown is not None and teardown.failed and outcome == "PASSED":
        return "ERROR"
    return outcome


def pytest_sessionfinish(session):
    result = dict(_files)
    result.update({nodeid: _outcome(phases) for nodeid, phases in _reports.items()})
    with open(os.environ["OUTCOMES_FILE"], "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
    with open(os.environ["OUTCOMES_FILE"] + ".warnings", "w") as f:
        f.write(str(len(_warnings)))
