"""Tests of Salvo's pytest plugin, run against real pytest processes.

The plugin's source goes on sys.path and PYTHONPATH, so these tests and the pytest processes
they start load the plugin from the source tree, not from an installed copy.
"""
import os
import sys
from pathlib import Path

import pytest

from fake_coordinator import FakeCoordinator

pytest_plugins = ["pytester"]

PLUGIN_SOURCE = str(Path(__file__).resolve().parents[2] / "main" / "python")
if PLUGIN_SOURCE not in sys.path:
    sys.path.insert(0, PLUGIN_SOURCE)
os.environ["PYTHONPATH"] = os.pathsep.join(
    [PLUGIN_SOURCE] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != PLUGIN_SOURCE])
# Should Salvo itself run these tests, the pytest processes they start must not report to it.
os.environ.pop("SALVO_CHANNEL", None)


@pytest.fixture
def coordinator(pytester):
    """Makes fake coordinators for worker processes rooted in pytester's directory."""
    made = []

    def make(handlers=None):
        made.append(FakeCoordinator(pytester.path, handlers))
        return made[-1]
    yield make
    for fake in made:
        fake.close()


@pytest.fixture
def worker(coordinator):
    """A fake coordinator with no shared-state handlers; call .start_worker() to begin."""
    return coordinator()
