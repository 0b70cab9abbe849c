"""A small Django site with two apps. The test database is a SQLite file (not in memory), so
that every pytest process's test database is a real file: pytest-django suffixes its name per
xdist worker (test_site.sqlite3_gw0, ...)."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "only-for-tests"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
INSTALLED_APPS = ["django.contrib.contenttypes", "library", "shop"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(BASE_DIR / "site.sqlite3"),
        "TEST": {"NAME": str(BASE_DIR / "test_site.sqlite3")},
    }
}
