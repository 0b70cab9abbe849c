"""The shared-state fixtures, under Salvo's names and pytest-mp's.

Session-scoped: one client per worker process, whatever the mode, and the state behind it
is the coordinator's in worker mode, this process's own otherwise.
"""
import pytest

from .shared import DEFAULT_LOCK, shared_for


@pytest.fixture(scope="session")
def salvo_lock(request):
    """`with salvo_lock("name"):` holds that lock across all workers of the run."""
    return shared_for(request.config).locks


@pytest.fixture(scope="session")
def mp_lock(salvo_lock):
    """pytest-mp's single lock: `with mp_lock:`; the same lock as `salvo_lock()`."""
    return salvo_lock(DEFAULT_LOCK)


@pytest.fixture(scope="session")
def salvo_board(request):
    """A dict every worker of the run sees; values must be JSON-serialisable."""
    return shared_for(request.config).board


@pytest.fixture(scope="session")
def mp_message_board(salvo_board):
    return salvo_board


@pytest.fixture(scope="session")
def salvo_trail(request):
    """`with salvo_trail(name, 'start') as first:` / `with salvo_trail(name, 'finish') as last:`."""
    return shared_for(request.config).trails


@pytest.fixture(scope="session")
def mp_trail(salvo_trail):
    return salvo_trail
