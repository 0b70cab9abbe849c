"""@salvo_pytest.once: one setup and one teardown per run, the fake coordinator playing the others."""
from fake_coordinator import finished

CONFTEST = """
from salvo_pytest import once

def log(what):
    with open("once-log", "a") as f:
        f.write(what + "\\n")

@once
def database(tmp_path_factory):
    log("setup")
    {setup_body}
    yield {{"url": "db://here"}}
    log("teardown")
"""

TESTS = """
def test_one(database):
    print("value", database)

def test_two(database):
    print("value", database)
"""

TESTS_IDS = ["test_uses.py::test_one", "test_uses.py::test_two"]


def _log(pytester):
    path = pytester.path / "once-log"
    return path.read_text().split() if path.exists() else []


def _suite(pytester, setup_body="pass"):
    pytester.makeconftest(CONFTEST.format(setup_body=setup_body))
    pytester.makepyfile(test_uses=TESTS)


def test_without_a_coordinator_it_is_a_session_fixture(pytester):
    pytester.makeconftest("""
        from salvo_pytest import once

        def log(what):
            with open("once-log", "a") as f:
                f.write(what + "\\n")

        @once
        def plain():
            log("plain")
            return {"n": 1}

        @once(name="the-resource")
        def generated(plain, request):
            assert request.scope == "session"
            log("setup")
            yield ("not", "json", "needed", object)
            log("teardown")
    """)
    pytester.makepyfile(test_plain="""
        def test_one(plain, generated): assert plain == {"n": 1}
        def test_two(plain, generated): assert generated[-1] is object
    """, test_other="""
        def test_three(generated): pass
    """)
    result = pytester.runpytest_subprocess("-p", "salvo_pytest.plugin")
    result.assert_outcomes(passed=3)
    assert _log(pytester) == ["plain", "setup", "teardown"]


def test_the_owner_sets_up_publishes_and_tears_down_after_the_last_user(pytester, coordinator):
    _suite(pytester)
    log_at_await_last = []
    fake = coordinator({
        "once.setup": lambda name: {"role": "owner"},
        "once.publish": lambda name, value=None, error=None: True,
        "once.release": lambda name: True,
        "once.await_last": lambda name: log_at_await_last.extend(_log(pytester)) or True,
    })
    fake.start_worker()
    fake.until("idle")
    results = finished(fake.run("test_uses.py", TESTS_IDS))
    assert [r["outcome"] for r in results.values()] == ["PASSED", "PASSED"]
    assert "value {'url': 'db://here'}" in results[TESTS_IDS[1]]["output"]
    assert fake.calls == [("once.setup", {"name": "conftest.py::database"}),
                          ("once.publish", {"name": "conftest.py::database", "value": {"url": "db://here"}})]
    assert _log(pytester) == ["setup"]

    fake.shutdown()
    assert [method for method, _ in fake.calls[2:]] == ["once.release", "once.await_last"]
    assert log_at_await_last == ["setup"]  # teardown waited for the last user
    assert _log(pytester) == ["setup", "teardown"]


def test_a_user_gets_the_owners_value_and_only_releases(pytester, coordinator):
    _suite(pytester)
    fake = coordinator({
        "once.setup": lambda name: {"role": "user", "value": {"url": "db://owner"}},
        "once.release": lambda name: True,
    })
    fake.start_worker()
    fake.until("idle")
    results = finished(fake.run("test_uses.py", TESTS_IDS))
    assert all(r["outcome"] == "PASSED" for r in results.values())
    assert "value {'url': 'db://owner'}" in results[TESTS_IDS[0]]["output"]
    assert [method for method, _ in fake.calls] == ["once.setup"]  # held until the session ends

    fake.shutdown()
    assert [method for method, _ in fake.calls] == ["once.setup", "once.release"]
    assert _log(pytester) == []


def test_when_the_owners_setup_failed_every_user_errors_with_its_exception(pytester, coordinator):
    _suite(pytester)
    fake = coordinator({
        "once.setup": lambda name: {"role": "user", "error": "ValueError: no database today"},
        "once.release": lambda name: True,
    })
    fake.start_worker()
    fake.until("idle")
    results = finished(fake.run("test_uses.py", TESTS_IDS))
    for result in results.values():
        assert result["outcome"] == "ERROR" and result["kind"] == "FIXTURE"
        assert "ValueError: no database today" in result["message"]
        assert "conftest.py::database" in result["message"]
    assert [method for method, _ in fake.calls] == ["once.setup", "once.release"]
    assert _log(pytester) == []


def test_an_owner_whose_setup_fails_publishes_the_error(pytester, coordinator):
    _suite(pytester, setup_body='raise RuntimeError("disk full")')
    fake = coordinator({
        "once.setup": lambda name: {"role": "owner"},
        "once.publish": lambda name, value=None, error=None: True,
        "once.release": lambda name: True,
    })
    fake.start_worker()
    fake.until("idle")
    results = finished(fake.run("test_uses.py", TESTS_IDS))
    assert all(r["outcome"] == "ERROR" and "disk full" in r["message"] for r in results.values())
    assert fake.calls == [("once.setup", {"name": "conftest.py::database"}),
                          ("once.publish", {"name": "conftest.py::database", "error": "RuntimeError: disk full"}),
                          ("once.release", {"name": "conftest.py::database"})]
    fake.shutdown()
    assert len(fake.calls) == 3  # nothing to tear down, nothing left to release


def test_an_owner_with_an_unserialisable_value_fails_and_still_cleans_up(pytester, coordinator):
    pytester.makeconftest(CONFTEST.format(setup_body="pass").replace('{"url": "db://here"}', "object()"))
    pytester.makepyfile(test_uses=TESTS)
    fake = coordinator({
        "once.setup": lambda name: {"role": "owner"},
        "once.publish": lambda name, value=None, error=None: True,
        "once.release": lambda name: True,
    })
    fake.start_worker()
    fake.until("idle")
    results = finished(fake.run("test_uses.py", TESTS_IDS[:1]))
    assert results[TESTS_IDS[0]]["outcome"] == "ERROR"
    assert "JSON-serialisable" in results[TESTS_IDS[0]]["message"]
    published = fake.calls[1]
    assert published[0] == "once.publish" and "JSON-serialisable" in published[1]["error"]
    assert _log(pytester) == ["setup", "teardown"]
