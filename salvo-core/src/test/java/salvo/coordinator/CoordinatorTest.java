package salvo.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import salvo.adapter.History;
import salvo.event.RunEvent;
import salvo.event.RunEvents;
import salvo.event.UnitFinished;
import salvo.event.WorkerLost;
import salvo.execute.PlannedUnit;
import salvo.execute.RetryRounds;
import salvo.execute.RunControl;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.schedule.DistMode;
import salvo.worker.NodeNames;
import salvo.worker.WorkerSpec;

/** The coordinator driven by fake workers: every rule of a round, without a process. */
class CoordinatorTest {
    private static final NodeNames NAMES = id -> NodeId.test(id.substring(0, id.indexOf('#')), id,
            id.substring(id.indexOf('#') + 1));
    private static final WorkerSpec SPEC = new WorkerSpec(List.of("fake"), Map.of(), Path.of("."), "fake", true,
            WorkerSpec.Io.CAPTURED);

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    private static Map<String, List<String>> suite(int units, int tests) {
        Map<String, List<String>> suite = new LinkedHashMap<>();
        for (int u = 0; u < units; u++) {
            List<String> ids = new java.util.ArrayList<>();
            for (int t = 0; t < tests; t++) {
                ids.add("u" + u + "#t" + t);
            }
            suite.put("u" + u, ids);
        }
        return suite;
    }

    private List<UnitResult> run(FakeTransport transport, Map<String, List<String>> suite, int workers,
                                 Duration jobTimeout, int retries) {
        PersistentSettings settings = new PersistentSettings(workers, DistMode.LOAD, 0, 4, jobTimeout,
                Duration.ofSeconds(1));
        WorkerPool pool = WorkerPool.start(transport, SPEC, "gw", settings.workersFor(suite.size()), "");
        List<PlannedUnit> plan = suite.keySet().stream()
                .map(u -> PlannedUnit.whole(new TestUnit(u, Path.of(u), "fake"))).toList();
        try (var execution = new RetryRounds(new PersistentExecution(pool, settings, WorkerKind.of(NAMES), () -> History.NONE), retries)) {
            return execution.execute(plan, new RunEvents("run-1", events::add), new RunControl());
        }
    }

    private static Map<String, Outcome> outcomes(List<UnitResult> results) {
        return results.stream().flatMap(u -> u.tests().stream())
                .collect(Collectors.toMap(TestResult::testId, TestResult::outcome, (a, b) -> b, LinkedHashMap::new));
    }

    @Test
    void everyTestRunsOnceAndEachUnitEndsOnce() {
        Map<String, List<String>> suite = suite(3, 4);
        List<UnitResult> results = run(new FakeTransport(suite), suite, 2, Duration.ofSeconds(30), 0);
        assertEquals(12, outcomes(results).size());
        assertTrue(outcomes(results).values().stream().allMatch(o -> o == Outcome.PASSED));
        assertEquals(3, events.stream().filter(e -> e instanceof UnitFinished f && !f.willRetry()).count());
        assertTrue(events.stream().allMatch(e -> e.runId().equals("run-1")), "every event carries the run id");
    }

    @Test
    void theEndOfEveryJobIsAwaitedBeforeTheWorkerIsGivenMore() {
        Map<String, List<String>> suite = suite(3, WorkerJob.ENDING_TESTS * 3);
        FakeTransport transport = new FakeTransport(suite);
        run(transport, suite, 1, Duration.ofSeconds(30), 0);
        // Ops and the coordinator's calls in its order: after each job, "awaited" before the next op.
        List<String> log = transport.launched.get(0).opsAndAwaits;
        List<String> jobs = List.of("collect", "run");
        assertTrue(log.containsAll(jobs), log.toString());
        for (int i = 0; i < log.size(); i++) {
            if (jobs.contains(log.get(i))) {
                String after = i + 1 < log.size() ? log.get(i + 1) : "nothing";
                assertEquals("awaited", after, "job " + i + " (" + log.get(i) + ") ended unannounced: " + log);
            }
        }
    }

    @Test
    void aWorkerDyingMidTestCostsThatTestAndAReplacementRunsTheRest() {
        Map<String, List<String>> suite = suite(1, 4);
        FakeTransport transport = new FakeTransport(suite).script("u0#t1", FakeTransport.Script.CRASH);
        List<UnitResult> results = run(transport, suite, 1, Duration.ofSeconds(30), 0);
        Map<String, Outcome> outcomes = outcomes(results);
        assertEquals(Outcome.CRASHED, outcomes.get("u0#t1"));
        assertEquals(List.of(Outcome.PASSED, Outcome.PASSED, Outcome.PASSED),
                List.of(outcomes.get("u0#t0"), outcomes.get("u0#t2"), outcomes.get("u0#t3")));
        TestResult crashed = results.get(0).tests().stream().filter(t -> t.testId().equals("u0#t1")).findFirst().orElseThrow();
        assertEquals("worker gw1 was killed by SIGSEGV during t1", crashed.failure().message());
        assertEquals(2, transport.launched.size(), "one replacement worker");
        assertTrue(events.stream().anyMatch(e -> e instanceof WorkerLost l && l.reason().contains("SIGSEGV")));
    }

    @Test
    void aTestPastItsDeadlineIsTimedOutAndALateMessageOfItsKilledWorkerDoesNotCount() {
        Map<String, List<String>> suite = suite(1, 3);
        FakeTransport transport = new FakeTransport(suite).script("u0#t0", FakeTransport.Script.HANG_THEN_LATE_PASS);
        List<UnitResult> results = run(transport, suite, 1, Duration.ofMillis(300), 0);
        Map<String, Outcome> outcomes = outcomes(results);
        assertEquals(Outcome.TIMEOUT, outcomes.get("u0#t0"), "the late PASSED said while dying is ignored");
        assertEquals(Outcome.PASSED, outcomes.get("u0#t1"));
        assertEquals(Outcome.PASSED, outcomes.get("u0#t2"));
        assertEquals(3, results.get(0).tests().size(), "every test recorded exactly once");
        assertTrue(results.get(0).tests().get(0).failure().message().contains("exceeded the 0.3s timeout"),
                results.get(0).tests().get(0).failure().message());
    }

    @Test
    void aSharedStateCallIsAnsweredAndTheTestGoesOn() {
        Map<String, List<String>> suite = suite(2, 2);
        FakeTransport transport = new FakeTransport(suite)
                .script("u0#t0", FakeTransport.Script.CALL_BOARD).script("u1#t0", FakeTransport.Script.CALL_BOARD);
        List<UnitResult> results = run(transport, suite, 2, Duration.ofSeconds(30), 0);
        assertTrue(outcomes(results).values().stream().allMatch(o -> o == Outcome.PASSED), outcomes(results).toString());
        List<com.fasterxml.jackson.databind.JsonNode> replies = transport.launched.stream()
                .flatMap(f -> f.received.stream()).filter(op -> op.path("op").asText().equals("reply")).toList();
        assertEquals(2, replies.size());
        Set<String> values = replies.stream().map(r -> r.path("value").asText()).collect(Collectors.toSet());
        assertEquals(1, values.size(), "setdefault: both workers see the first worker's value: " + values);
    }

    @Test
    void aRetryRoundRunsOnlyTheFailedTestsAndMarksThemFlaky() {
        Map<String, List<String>> suite = suite(1, 3);
        FakeTransport transport = new FakeTransport(suite).script("u0#t1", FakeTransport.Script.FAIL);
        // The second round's workers pass everything: the test is flaky.
        List<UnitResult> results;
        PersistentSettings settings = new PersistentSettings(1, DistMode.LOAD, 0, 4, Duration.ofSeconds(30),
                Duration.ofSeconds(1));
        WorkerPool pool = WorkerPool.start(transport, SPEC, "gw", 1, "");
        List<PlannedUnit> plan = List.of(PlannedUnit.whole(new TestUnit("u0", Path.of("u0"), "fake")));
        RunEvents stream = new RunEvents("run-1", e -> {
            events.add(e);
            if (e instanceof UnitFinished f && f.willRetry()) {
                transport.script("u0#t1", FakeTransport.Script.PASS);
            }
        });
        try (var execution = new RetryRounds(new PersistentExecution(pool, settings, WorkerKind.of(NAMES), () -> History.NONE), 2)) {
            results = execution.execute(plan, stream, new RunControl());
        }
        assertEquals(Outcome.FLAKY, results.get(0).outcome());
        Map<String, Outcome> outcomes = outcomes(results);
        assertEquals(Outcome.FLAKY, outcomes.get("u0#t1"));
        assertEquals(Outcome.PASSED, outcomes.get("u0#t0"));
        FakeTransport.Fake second = transport.launched.get(transport.launched.size() - 1);
        List<String> rerun = second.received.stream().filter(op -> op.path("op").asText().equals("run"))
                .flatMap(op -> java.util.stream.StreamSupport.stream(op.path("tests").spliterator(), false))
                .map(com.fasterxml.jackson.databind.JsonNode::asText).toList();
        assertEquals(List.of("u0#t1"), rerun, "only the failed test runs again");
    }
}
