"""When $DATABASES_SEEN names a directory, each pytest session writes there the test database
it set up (one empty file per database name), after checking it is a file on disk: the test that
runs this project under Salvo learns which databases were created, and checks they are gone."""
import os
from pathlib import Path

import pytest
from django.db import connection


@pytest.fixture(scope="session", autouse=True)
def record_test_database(django_db_setup):
    seen = os.environ.get("DATABASES_SEEN")
    if seen:
        database = Path(connection.settings_dict["NAME"])
        assert database.is_file(), "the test database is a file: %s" % database
        (Path(seen) / database.name).touch()
