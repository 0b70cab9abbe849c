"""Worker mode end to end: a real pytest worker process driven over the protocol."""
import textwrap

from fake_coordinator import finished


def test_collects_runs_and_shuts_down(pytester, worker):
    pytester.makepyfile(test_basic="""
        import pytest
        def test_pass(): pass
        def test_fail(): assert 1 == 2
        def test_skip(): pytest.skip("not today")
    """)
    hello = worker.start_worker()
    assert hello["mode"] == "worker"
    assert worker.until("idle") == [{"ev": "idle"}]

    collected = worker.collect("test_basic.py")
    assert [e["ev"] for e in collected] == ["collected", "idle"]
    ids = ["test_basic.py::test_pass", "test_basic.py::test_fail", "test_basic.py::test_skip"]
    assert collected[0]["file"] == "test_basic.py"
    assert collected[0]["ids"] == ids
    assert collected[0]["deselected"] == 0
    assert [item["id"] for item in collected[0]["items"]] == ids

    events = worker.run("test_basic.py", reversed(ids))
    assert [(e["ev"], e.get("nodeid")) for e in events] == [
        ("test_started", ids[2]), ("test_finished", ids[2]),
        ("test_started", ids[1]), ("test_finished", ids[1]),
        ("test_started", ids[0]), ("test_finished", ids[0]),
        ("idle", None)]
    results = finished(events)
    assert results[ids[0]]["outcome"] == "PASSED"
    assert results[ids[1]]["outcome"] == "FAILED" and results[ids[1]]["kind"] == "ASSERTION"
    assert results[ids[2]]["outcome"] == "SKIPPED"

    events, exit_status = worker.shutdown()
    assert events[-1]["ev"] == "session_finished"
    assert events[-1]["exitstatus"] == 1 == exit_status


def test_never_imports_a_file_nobody_asked_for(pytester, worker):
    pytester.makepyfile(
        test_wanted="def test_it(): pass",
        test_unwanted="""
            open("unwanted-was-imported", "w").close()
            raise RuntimeError("this file must not be imported")
        """)
    worker.start_worker()
    worker.until("idle")
    events = worker.run("test_wanted.py", ["test_wanted.py::test_it"])  # no `collect` first
    assert events[0]["ev"] == "collected" and events[0]["ids"] == ["test_wanted.py::test_it"]
    assert finished(events)["test_wanted.py::test_it"]["outcome"] == "PASSED"
    events, exit_status = worker.shutdown()
    assert exit_status == 0
    assert not any(e["ev"] == "collect_error" for e in worker.events)
    assert not (pytester.path / "unwanted-was-imported").exists()


def test_module_fixtures_end_with_each_run_and_session_fixtures_with_shutdown(pytester, worker):
    pytester.makeconftest("""
        import pytest
        def log(what):
            with open("fixture-log", "a") as f:
                f.write(what + "\\n")
        @pytest.fixture(scope="session")
        def session_thing():
            log("session up")
            yield
            log("session down")
        @pytest.fixture(scope="module")
        def module_thing(session_thing):
            log("module up")
            yield
            log("module down")
        @pytest.fixture(scope="class")
        def class_thing(module_thing):
            log("class up")
            yield
            log("class down")
    """)
    pytester.makepyfile(test_scopes="""
        import pytest
        from conftest import log
        @pytest.mark.usefixtures("class_thing")
        class TestK:
            def test_a(self): log("a")
            def test_b(self): log("b")
        def test_c(module_thing): log("c")
    """)
    log = pytester.path / "fixture-log"
    worker.start_worker()
    worker.until("idle")

    worker.run("test_scopes.py", ["test_scopes.py::TestK::test_a", "test_scopes.py::TestK::test_b",
                                  "test_scopes.py::test_c"])
    assert log.read_text().split("\n") == [
        "session up", "module up", "class up", "a", "b", "class down", "c", "module down", ""]

    log.write_text("")
    events = worker.run("test_scopes.py", ["test_scopes.py::test_c"])
    assert finished(events)["test_scopes.py::test_c"]["outcome"] == "PASSED"
    assert log.read_text().split("\n") == ["module up", "c", "module down", ""]

    log.write_text("")
    worker.shutdown()
    assert log.read_text().split("\n") == ["session down", ""]


def test_the_same_test_twice_in_one_run_gets_fresh_function_fixtures(pytester, worker):
    pytester.makepyfile(test_twice="""
        import pytest
        calls = []
        @pytest.fixture
        def fresh():
            calls.append("setup")
            yield calls.count("setup")
            calls.append("teardown")
        def test_it(fresh):
            assert calls[-1] == "setup"
            print("fixture number", fresh)
    """)
    worker.start_worker()
    worker.until("idle")
    events = worker.run("test_twice.py", ["test_twice.py::test_it", "test_twice.py::test_it"])
    results = [e for e in events if e["ev"] == "test_finished"]
    assert [r["outcome"] for r in results] == ["PASSED", "PASSED"]
    assert "fixture number 1" in results[0]["output"]
    assert "fixture number 1" not in results[1]["output"]  # each run's output is its own
    assert "fixture number 2" in results[1]["output"]


def test_unknown_test_ids_are_errors_and_the_worker_goes_on(pytester, worker):
    pytester.makepyfile(test_known="def test_here(): pass")
    worker.start_worker()
    worker.until("idle")
    events = worker.run("test_known.py", ["test_known.py::test_gone", "test_known.py::test_here"])
    results = finished(events)
    assert results["test_known.py::test_gone"]["outcome"] == "ERROR"
    assert results["test_known.py::test_gone"]["kind"] == "COLLECTION"
    assert results["test_known.py::test_gone"]["message"] == "not found"
    assert results["test_known.py::test_here"]["outcome"] == "PASSED"
    assert events[-1]["ev"] == "idle"


def test_collect_errors_are_reported_per_file(pytester, worker):
    pytester.makepyfile(
        test_syntax="def test_x(:\n    pass\n",
        test_imports="import no_such_module_anywhere\ndef test_x(): pass\n",
        test_fine="def test_x(): pass\n")
    worker.start_worker()
    worker.until("idle")

    syntax = worker.collect("test_syntax.py")
    assert [e["ev"] for e in syntax] == ["collect_error", "idle"]
    assert syntax[0]["file"] == "test_syntax.py" and syntax[0]["kind"] == "SYNTAX"

    imports = worker.collect("test_imports.py")
    assert [e["ev"] for e in imports] == ["collect_error", "idle"]
    assert imports[0]["kind"] == "IMPORT" and "no_such_module_anywhere" in imports[0]["message"]

    missing = worker.collect("test_missing.py")
    assert [e["ev"] for e in missing] == ["collect_error", "idle"]
    assert missing[0]["file"] == "test_missing.py" and missing[0]["kind"] == "COLLECTION"
    assert "not found" in missing[0]["message"]

    # A run of a file that failed to collect says why for each test, without collecting again.
    events = worker.run("test_imports.py", ["test_imports.py::test_x"])
    assert [e["ev"] for e in events] == ["test_finished", "idle"]
    assert events[0]["outcome"] == "ERROR" and events[0]["kind"] == "IMPORT"
    assert "failed to collect" in events[0]["message"]

    fine = worker.run("test_fine.py", ["test_fine.py::test_x"])
    assert finished(fine)["test_fine.py::test_x"]["outcome"] == "PASSED"
    _, exit_status = worker.shutdown()
    assert exit_status == 1


def test_marker_and_keyword_deselection_apply_per_file(pytester, worker):
    pytester.makeini("[pytest]\nmarkers =\n    slow: slow tests\n")
    pytester.makepyfile(test_marked="""
        import pytest
        @pytest.mark.slow
        def test_slow(): pass
        def test_quick(): pass
        def test_quick_too(): pass
    """)
    worker.start_worker("-m", "not slow", "-k", "not too")
    worker.until("idle")
    collected = worker.collect("test_marked.py")[0]
    assert collected["ids"] == ["test_marked.py::test_quick"]
    assert collected["deselected"] == 2
    events = worker.run("test_marked.py", ["test_marked.py::test_slow", "test_marked.py::test_quick"])
    results = finished(events)
    assert results["test_marked.py::test_slow"]["message"] == "not found"
    assert results["test_marked.py::test_quick"]["outcome"] == "PASSED"


def test_the_closest_salvo_group_marker_wins(pytester, worker):
    pytester.makepyfile(test_groups="""
        import pytest
        pytestmark = pytest.mark.salvo_group("module-group", "serial")

        def test_module_level(): pass

        @pytest.mark.salvo_group("db", "isolated_serial")
        def test_salvo(): pass

        class TestInClass:
            @pytest.mark.mp_group("mp", "free")
            def test_mp(self): pass
    """)
    worker.start_worker("--strict-markers")
    worker.until("idle")
    collected = worker.collect("test_groups.py")[0]
    items = {item["id"].split("::")[-1]: item for item in collected["items"]}
    assert {name: (i["group"], i["strategy"], i["scope"]) for name, i in items.items()} == {
        "test_module_level": ("module-group", "serial", "test_groups.py"),
        "test_salvo": ("db", "isolated_serial", "test_groups.py"),
        "test_mp": ("module-group", "serial", "test_groups.py::TestInClass"),
    }


def test_each_foreign_group_marker_is_read(pytester, worker):
    pytester.makepyfile(test_foreign="""
        import pytest

        def test_ungrouped(): pass

        @pytest.mark.mp_group("mp-free")
        def test_mp_default(): pass

        @pytest.mark.mp_group(group="mp-iso", strategy="isolated_free")
        def test_mp_keywords(): pass

        @pytest.mark.mp_group("mp-iso")
        def test_mp_inherits(): pass

        class TestInClass:
            @pytest.mark.xdist_group("xd")
            def test_xdist(self): pass

            @pytest.mark.xdist_group(name="xd2")
            def test_xdist_keyword(self): pass
    """)
    worker.start_worker("--strict-markers")  # the markers are registered, so such suites collect
    worker.until("idle")
    collected = worker.collect("test_foreign.py")[0]
    items = {item["id"].split("::")[-1]: item for item in collected["items"]}
    assert {name: (i["group"], i["strategy"], i["scope"]) for name, i in items.items()} == {
        "test_ungrouped": (None, "free", "test_foreign.py"),
        "test_mp_default": ("mp-free", "free", "test_foreign.py"),
        "test_mp_keywords": ("mp-iso", "isolated_free", "test_foreign.py"),
        "test_mp_inherits": ("mp-iso", "isolated_free", "test_foreign.py"),
        "test_xdist": ("xd", "serial", "test_foreign.py::TestInClass"),
        "test_xdist_keyword": ("xd2", "serial", "test_foreign.py::TestInClass"),
    }


def test_an_unknown_strategy_is_a_collect_error(pytester, worker):
    pytester.makepyfile(test_bad_strategy="""
        import pytest
        @pytest.mark.salvo_group("g", "sometimes")
        def test_it(): pass
    """)
    worker.start_worker()
    worker.until("idle")
    events = worker.collect("test_bad_strategy.py")
    assert events[0]["ev"] == "collect_error" and "sometimes" in events[0]["message"]


def test_test_output_is_captured_unless_capture_is_off(pytester, coordinator):
    pytester.makepyfile(test_prints="def test_it(): print('PRINTED-BY-THE-TEST')")
    for args, leaks in (((), False), (("-s",), True)):
        fake = coordinator()
        fake.start_worker(*args)
        fake.until("idle")
        result = finished(fake.run("test_prints.py", ["test_prints.py::test_it"]))["test_prints.py::test_it"]
        fake.shutdown()
        assert ("PRINTED-BY-THE-TEST" in fake.output()) is leaks
        assert ("PRINTED-BY-THE-TEST" in result["output"]) is not leaks


def test_a_test_over_its_timeout_fails_and_the_worker_goes_on(pytester, worker):
    pytester.makepyfile(test_slow="""
        import time
        def test_sleeps(): time.sleep(30)
        def test_quick(): pass
    """)
    worker.start_worker("--salvo-test-timeout=0.5")
    worker.until("idle")
    events = worker.run("test_slow.py", ["test_slow.py::test_sleeps", "test_slow.py::test_quick"])
    results = finished(events)
    assert results["test_slow.py::test_sleeps"]["outcome"] == "TIMEOUT"
    assert results["test_slow.py::test_sleeps"]["kind"] == "TIMEOUT"
    assert results["test_slow.py::test_quick"]["outcome"] == "PASSED"


def test_a_session_fixture_failing_its_teardown_is_reported_at_shutdown(pytester, worker):
    pytester.makepyfile(test_bad_teardown="""
        import pytest
        @pytest.fixture(scope="session")
        def grumpy():
            yield
            raise RuntimeError("cannot let go")
        def test_it(grumpy): pass
    """)
    worker.start_worker()
    worker.until("idle")
    events = worker.run("test_bad_teardown.py", ["test_bad_teardown.py::test_it"])
    assert finished(events)["test_bad_teardown.py::test_it"]["outcome"] == "PASSED"
    events, exit_status = worker.shutdown()
    errors = [e for e in events if e["ev"] == "teardown_error"]
    assert len(errors) == 1 and errors[0]["kind"] == "FIXTURE"
    assert "cannot let go" in errors[0]["message"] and "cannot let go" in errors[0]["detail"]
    assert events[-1]["ev"] == "session_finished" and exit_status == 1


def test_exitfirst_ends_the_session_after_the_first_failure(pytester, worker):
    pytester.makepyfile(test_x="""
        import pytest
        @pytest.fixture(scope="session")
        def resource():
            yield
            open("session-torn-down", "w").close()
        def test_fails(resource): assert 0
        def test_never(): pass
    """)
    worker.start_worker("-x")
    worker.until("idle")
    worker.send({"op": "run", "file": "test_x.py", "tests": ["test_x.py::test_fails", "test_x.py::test_never"]})
    events = worker.until("session_finished")
    assert [e["ev"] for e in events] == ["collected", "test_started", "test_finished", "session_finished"]
    assert worker.wait() == 1
    assert (pytester.path / "session-torn-down").exists()


def test_worker_exits_when_the_coordinator_goes_away(pytester, worker):
    worker.start_worker()
    worker.until("idle")
    worker.disconnect()
    assert worker.wait() == 70


def test_worker_mode_needs_a_channel(pytester):
    result = pytester.runpytest_subprocess("-p", "salvo_pytest.plugin", "--salvo-worker")
    assert result.ret == 4
    result.stderr.fnmatch_lines(["*--salvo-worker needs SALVO_CHANNEL*"])


def test_file_mode_still_reports_and_says_so(pytester, worker):
    pytester.makepyfile(test_file_mode=textwrap.dedent("""
        def test_one(): pass
    """))
    hello = worker.start_worker("test_file_mode.py", worker_mode=False)
    assert hello["mode"] == "file"
    events = worker.until("session_finished")
    assert [e["ev"] for e in events] == ["collected", "test_started", "test_finished", "session_finished"]
    assert "file" not in events[0] and "items" not in events[0]
    assert worker.wait() == 0


def test_files_in_packages_and_directories_collect_as_pytest_would(pytester, worker):
    pytester.makepyfile(**{
        "pkg/__init__.py": "",
        "pkg/conftest.py": """
            import pytest
            @pytest.fixture(scope="package")
            def in_package():
                return "pkg"
        """,
        "pkg/test_p1.py": "def test_it(in_package): assert in_package == 'pkg'",
        "pkg/test_p2.py": "def test_it(in_package): assert in_package == 'pkg'",
        "pkg/sub/test_deep.py": "def test_it(in_package): assert in_package == 'pkg'",
        "plain/test_x.py": "def test_it(): pass",
        "broken/conftest.py": "import no_such_module_for_conftest",
        "broken/test_b.py": "def test_it(): pass",
        "broken/test_c.py": "def test_it(): pass",
    })
    worker.start_worker()
    worker.until("idle")
    for file in ("pkg/test_p1.py", "pkg/test_p2.py", "pkg/sub/test_deep.py", "plain/test_x.py", "pkg/test_p1.py"):
        events = worker.run(file, [file + "::test_it"])
        assert finished(events)[file + "::test_it"]["outcome"] == "PASSED", events
    assert not any(e["ev"] == "collect_error" for e in worker.events)  # broken/ was never looked at

    for file in ("broken/test_b.py", "broken/test_c.py"):
        events = worker.collect(file)
        assert [e["ev"] for e in events] == ["collect_error", "idle"], events
        assert events[0]["file"] == file and "no_such_module_for_conftest" in events[0]["message"]


def test_session_finished_names_threads_that_keep_the_worker_alive(pytester, worker):
    pytester.makepyfile(test_threads="""
        import threading, time
        def test_leaves_a_thread():
            threading.Thread(target=time.sleep, args=(1.5,), name="lingerer").start()
    """)
    worker.start_worker()
    worker.until("idle")
    worker.run("test_threads.py", ["test_threads.py::test_leaves_a_thread"])
    events, _ = worker.shutdown()
    assert [t["name"] for t in events[-1]["threads"]] == ["lingerer"]


def test_unittest_and_xunit_setups_follow_the_same_lifetimes(pytester, worker):
    pytester.makepyfile(test_legacy="""
        import unittest

        def log(what):
            with open("legacy-log", "a") as f:
                f.write(what + "\\n")

        def setup_module(module): log("setup_module")
        def teardown_module(module): log("teardown_module")

        class TestCase(unittest.TestCase):
            @classmethod
            def setUpClass(cls): log("setUpClass")
            @classmethod
            def tearDownClass(cls): log("tearDownClass")
            def test_a(self): log("a")
            def test_b(self): log("b")
    """)
    ids = ["test_legacy.py::TestCase::test_a", "test_legacy.py::TestCase::test_b"]
    worker.start_worker()
    worker.until("idle")
    for _ in range(2):
        results = finished(worker.run("test_legacy.py", ids))
        assert [r["outcome"] for r in results.values()] == ["PASSED", "PASSED"]
    one_run = ["setup_module", "setUpClass", "a", "b", "tearDownClass", "teardown_module"]
    assert (pytester.path / "legacy-log").read_text().split() == one_run * 2
