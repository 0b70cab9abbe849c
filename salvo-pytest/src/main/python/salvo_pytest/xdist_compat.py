"""pytest-xdist's per-worker conventions, for suites written for xdist: the `worker_id` and
`testrun_uid` fixtures and the PYTEST_XDIST_* environment variables, with the values xdist
would give (`gw0`, `gw1`, ...; `master` when the run is not distributed).

Salvo names its worker slots gw1..gwN; xdist counts from gw0, so slot gwN is xdist's gw(N-1).
The environment is set when this module is imported (with the plugin, by `-p`, before other
plugins configure), so a plugin or conftest that reads it at import or configure time sees it.
Registered in every process but xdist's own workers (config.workerinput), where xdist's fixtures
are the truth; where xdist is installed but idle, these override its fixtures of the same names.
"""
import os
import uuid

import pytest


def worker_name():
    """xdist's name for this Salvo worker (gw0, ...); None in the foreground run (-w 0) and plain pytest."""
    slot = os.environ.get("SALVO_WORKER", "")
    if not os.environ.get("SALVO_WORKER_COUNT") or not slot.startswith("gw") or not slot[2:].isdigit():
        return None
    return "gw%d" % (int(slot[2:]) - 1)


def export_environment():
    name = worker_name()
    if name is None:
        return  # not distributed
    os.environ.setdefault("PYTEST_XDIST_WORKER", name)
    os.environ.setdefault("PYTEST_XDIST_WORKER_COUNT", os.environ["SALVO_WORKER_COUNT"])
    os.environ.setdefault("PYTEST_XDIST_TESTRUNUID", os.environ.get("SALVO_TESTRUN_UID", uuid.uuid4().hex))


@pytest.fixture(scope="session")
def worker_id():
    """xdist's: this worker's id (gw0, gw1, ...), or "master" when the run is not distributed."""
    return os.environ.get("PYTEST_XDIST_WORKER", "master")


@pytest.fixture(scope="session")
def testrun_uid():
    """xdist's: one id for the whole run, the same on every worker."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or _LOCAL_UID


_LOCAL_UID = uuid.uuid4().hex
