"""salvo_lock, salvo_board, salvo_trail and pytest-mp's names for them, in every mode."""
import threading

from fake_coordinator import finished

SUITE = """
import threading
import pytest

def test_a_named_lock_excludes_other_threads(salvo_lock):
    lock = salvo_lock("db")
    assert lock is salvo_lock("db")
    with lock:
        tries = []
        other = threading.Thread(target=lambda: tries.append(lock.acquire(timeout=0.2)))
        other.start()
        other.join()
        assert tries == [False]
    assert lock.acquire(timeout=1)
    lock.release()

def test_mp_lock_is_the_default_named_lock(mp_lock, salvo_lock):
    assert mp_lock is salvo_lock()
    with mp_lock:
        pass

def test_the_board_is_dict_like_and_json_only(salvo_board, mp_message_board):
    assert mp_message_board is salvo_board
    salvo_board["a"] = {"x": (1, 2)}
    assert salvo_board["a"] == {"x": [1, 2]}
    assert salvo_board.get("missing") is None
    assert salvo_board.get("missing", 5) == 5
    with pytest.raises(KeyError):
        salvo_board["missing"]
    assert salvo_board.setdefault("b", 1) == 1
    assert salvo_board.setdefault("b", 2) == 1
    assert "b" in salvo_board
    del salvo_board["b"]
    assert "b" not in salvo_board
    salvo_board["nothing"] = None
    assert salvo_board["nothing"] is None
    assert {"a", "nothing"} <= set(salvo_board) and len(salvo_board) == len(salvo_board.keys())
    with pytest.raises(TypeError, match="JSON"):
        salvo_board["bad"] = object()
    with pytest.raises(TypeError, match="strings"):
        salvo_board[1] = 1

def test_a_trail_knows_its_first_starter_and_last_finisher(salvo_trail, mp_trail):
    assert mp_trail is salvo_trail
    with mp_trail("setup") as first:
        assert first
    with mp_trail("setup", "start") as first:
        assert not first
    with mp_trail("setup", "finish") as last:
        assert not last
    with mp_trail("setup", "finish") as last:
        assert last
    with pytest.raises(ValueError):
        with mp_trail("setup", "middle"):
            pass
"""

PYTEST_MP_EXAMPLE = """
import pytest

@pytest.fixture(scope="session")
def must_be_idempotent(mp_trail, mp_message_board):
    with mp_trail("resource", "start") as start:
        if start:
            mp_message_board["made"] = mp_message_board.get("made", 0) + 1
    yield mp_message_board["made"]
    with mp_trail("resource", "finish") as finish:
        assert finish

def test_one(must_be_idempotent):
    assert must_be_idempotent == 1

def test_two(must_be_idempotent, mp_message_board):
    assert mp_message_board["made"] == 1
"""


def test_fixtures_work_in_process_under_plain_pytest(pytester):
    pytester.makepyfile(test_suite=SUITE, test_pytest_mp=PYTEST_MP_EXAMPLE)
    result = pytester.runpytest_subprocess("-p", "salvo_pytest.plugin")
    result.assert_outcomes(passed=6)


def test_fixtures_stay_in_process_in_file_mode(pytester, worker):
    # The fake coordinator answers no call: any that reached it would fail its test.
    pytester.makepyfile(test_suite=SUITE)
    worker.start_worker("test_suite.py", worker_mode=False)
    events = worker.until("session_finished")
    assert {nodeid: e["outcome"] for nodeid, e in finished(events).items()} == {
        "test_suite.py::test_a_named_lock_excludes_other_threads": "PASSED",
        "test_suite.py::test_mp_lock_is_the_default_named_lock": "PASSED",
        "test_suite.py::test_the_board_is_dict_like_and_json_only": "PASSED",
        "test_suite.py::test_a_trail_knows_its_first_starter_and_last_finisher": "PASSED",
    }
    assert worker.calls == []


def test_in_worker_mode_the_coordinator_serves_them(pytester, coordinator):
    board = {"from-another-worker": "hi"}
    held = threading.Lock()
    fake = coordinator({
        "board.get": lambda key: board.get(key),
        "board.set": lambda key, value: board.__setitem__(key, value) or True,
        "board.keys": lambda: list(board),
        "lock.acquire": lambda name, timeout=None: held.acquire(timeout=-1 if timeout is None else timeout),
        "lock.release": lambda name: held.release() or True,
        "trail.enter": lambda name: False,  # another worker started the trail first
        "trail.leave": lambda name: True,
    })
    pytester.makepyfile(test_worker_state="""
        def test_it(salvo_board, mp_lock, salvo_trail):
            assert salvo_board["from-another-worker"] == "hi"
            with mp_lock:
                salvo_board["mine"] = [1, 2]
            with salvo_trail("t") as first:
                assert not first
            with salvo_trail("t", "finish") as last:
                assert last
    """)
    fake.start_worker()
    fake.until("idle")
    events = fake.run("test_worker_state.py", ["test_worker_state.py::test_it"])
    assert finished(events)["test_worker_state.py::test_it"]["outcome"] == "PASSED", events
    assert board["mine"] == [1, 2]
    methods = [method for method, _ in fake.calls]
    assert methods == ["board.get", "lock.acquire", "board.set", "lock.release",
                       "lock.acquire", "trail.enter", "lock.release",
                       "lock.acquire", "trail.leave", "lock.release"]
    assert fake.calls[1] == ("lock.acquire", {"name": "default"})
    assert fake.calls[4] == ("lock.acquire", {"name": "salvo-trail:t"})
