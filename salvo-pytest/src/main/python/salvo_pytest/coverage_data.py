"""pytest-cov under Salvo: one report, as serial `pytest --cov` gives, from many processes.

Every pytest process of the run (a file's process, a worker, and through them forked children
and subprocesses) writes its coverage data into the run's private directory (SALVO_COVERAGE_DATA),
under a name of its own, so that none erases or combines what another wrote. After the run Salvo
starts one more pytest session with the user's options (`--salvo-coverage-report DIR`): it runs
no test, moves that data beside the user's data file, and lets pytest-cov combine it and report
exactly as it would at the end of a serial run (its formats, --cov-append, --cov-fail-under).

Salvo does not present itself to pytest-cov as xdist (config.workerinput): pytest-cov picks its
role when it loads, before any plugin could set workerinput, and its controller side (DistMaster)
works through xdist's own node objects (node.workeroutput, node.gateway), which Salvo has not.
"""
import glob
import os
import shutil

import pytest

DATA_DIR = "SALVO_COVERAGE_DATA"


def use_private_data_file():
    """Called when the plugin is imported, before pytest-cov creates its Coverage objects.

    COVERAGE_FILE is coverage.py's own variable: pytest-cov's Coverage objects, those it starts
    in forked children and subprocesses (COV_CORE_DATAFILE, derived from it) all read it.
    """
    directory = os.environ.get(DATA_DIR)
    if directory:
        os.environ["COVERAGE_FILE"] = os.path.join(directory, "process-%d" % os.getpid())


class CoverageReport:
    """The session after the run: no tests, only pytest-cov's combination and report."""

    def __init__(self, directory):
        self._directory = directory

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection(self, session):
        session.items = []
        return True

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session):
        # Runs inside pytest-cov's own wrapper of the loop, which combines and reports after it.
        cov = session.config.pluginmanager.getplugin("_cov")
        controller = getattr(cov, "cov_controller", None)
        if controller is None:
            return True  # --no-cov: nothing to report, as serial pytest
        controller.cov._warn_no_data = False  # this session runs nothing: its own data is empty by design
        target = os.path.join(controller.topdir, controller.cov.config.data_file)
        # coverage.py combines every "<data file>.*" beside the data file, and deletes what it combined.
        for path in glob.glob(os.path.join(self._directory, "*")):
            shutil.move(path, "%s.salvo-%s" % (target, os.path.basename(path)))
        return True
