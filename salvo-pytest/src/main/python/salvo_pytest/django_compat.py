"""pytest-django under Salvo: each worker its own test database, as under pytest-xdist.

pytest-django suffixes the test databases' names with xdist's worker id (`test_db_gw0`), which
its fixture `django_db_modify_db_settings_xdist_suffix` reads from `config.workerinput`, the
object xdist gives its workers. Salvo does not present `workerinput` (pytest-cov would become an
xdist worker waiting for its controller, junitxml, the cache and stepwise would stand down: see
coverage_data.py). This fixture of the same name, registered after pytest-django's so that it
replaces it, reads the same id from PYTEST_XDIST_WORKER, which Salvo sets in every worker
(xdist_compat.py). A suite's own override of the fixture, in a conftest, still wins.
"""
import os

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings_xdist_suffix():
    # pytest-django's own helper (private, unchanged from 3.x to 4.x): the same names as under xdist.
    from pytest_django.fixtures import _set_suffix_to_test_databases
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        _set_suffix_to_test_databases(suffix=worker)
