package salvo.cli.tui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import salvo.cli.progress.TestProgress;
import salvo.event.OutputChunk;
import salvo.event.RunEvent;
import salvo.event.RunFinished;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.TestStarted;
import salvo.event.UnitCollected;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.event.WorkerLost;
import salvo.model.Failure;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.RunStatus;
import salvo.model.TestResult;
import salvo.model.UnitResult;

/**
 * Folds the run's event stream into what the dashboard shows. No I/O and no clock of its own: the
 * caller passes the time each event arrived. Not thread-safe: one writer, and readers take a
 * {@link #snapshot()} under the writer's lock.
 */
final class DashboardState {
    static final int SLOWEST_KEPT = 20;
    /** Stray output kept per running unit, to explain a crash in its detail view. */
    static final int UNIT_OUTPUT_KEPT = 8000;

    private String label = "";
    private Instant started;
    private Duration estimate;
    private final Map<String, Integer> testsLastRun;
    private TestProgress progress = new TestProgress(List.of(), Map.of());
    private final Map<String, WorkerActivity> workers = new TreeMap<>(WorkerOrder.INSTANCE);
    private final Map<String, Outcome> latestOutcome = new HashMap<>();
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final Map<String, FailureEntry> failures = new LinkedHashMap<>();
    private final List<SlowTest> slowest = new ArrayList<>();
    private final Map<String, StringBuilder> unitOutput = new HashMap<>();
    private Instant finished;
    private RunStatus status;
    private boolean stopping;

    /** A run with no stored run before it. */
    DashboardState() {
        this(Map.of());
    }

    /** @param testsLastRun tests per unit in the last stored run, to estimate units not collected yet */
    DashboardState(Map<String, Integer> testsLastRun) {
        this.testsLastRun = Map.copyOf(testsLastRun);
    }

    void apply(RunEvent event, Instant now) {
        if (event instanceof RunStarted e) {
            onRunStarted(e, now);
        } else if (event instanceof UnitStarted e) {
            workers.put(e.worker().label(), WorkerActivity.running(e.worker().label(), e.unit().id(), e.attempt(), now));
            unitOutput.remove(e.unit().id());
        } else if (event instanceof UnitCollected e) {
            progress.collected(e.unitId(), e.tests());
        } else if (event instanceof TestStarted e) {
            workers.computeIfPresent(e.worker().label(), (k, w) -> w.inTest(e.node(), now));
        } else if (event instanceof TestFinished e) {
            onTestFinished(e);
        } else if (event instanceof OutputChunk e) {
            keepOutput(e.unitId(), e.text());
        } else if (event instanceof UnitFinished e) {
            onUnitFinished(e, now);
        } else if (event instanceof WorkerLost e) {
            workers.put(e.worker().label(), WorkerActivity.lost(e.worker().label(), e.reason(), now));
        } else if (event instanceof RunFinished e) {
            onRunFinished(e, now);
        }
    }

    /** The user asked to stop; the run goes on until the runner sends RunFinished. */
    void markStopping() {
        stopping = true;
    }

    int failureCount() {
        return failures.size();
    }

    DashboardSnapshot snapshot() {
        return new DashboardSnapshot(label, started, estimate, progress.progress(),
                new ArrayList<>(workers.values()), counts, new ArrayList<>(failures.values()), slowest,
                finished, status, stopping);
    }

    private void onRunStarted(RunStarted e, Instant now) {
        String round = e.info().config().get(salvo.cli.watch.Round.WATCH_ROUND);
        label = e.info().label() + (round == null ? "" : " · watch round " + round);
        started = e.info().started() != null ? e.info().started() : now;
        estimate = e.estimate();
        progress = new TestProgress(e.units(), testsLastRun);
        // Rows for every worker from the start, so the screen does not jump as they pick up work.
        e.slots().forEach(slot -> workers.putIfAbsent(slot.label(), WorkerActivity.idle(slot.label(), now)));
    }

    private void onTestFinished(TestFinished e) {
        TestResult t = e.result();
        workers.computeIfPresent(e.worker().label(), (k, w) -> w.betweenTests());
        record(t.testId(), t.outcome());
        progress.testFinished(t);
        noteDuration(t);
        if (t.outcome().isFailure()) {
            failures.put(t.testId(), entryFor(t, e.worker().label()));
        }
    }

    private void onUnitFinished(UnitFinished e, Instant now) {
        UnitResult u = e.result();
        if (workers.containsKey(e.worker().label())) {
            workers.put(e.worker().label(), WorkerActivity.idle(e.worker().label(), now));
        }
        if (e.willRetry()) {
            failures.replaceAll((id, f) -> f.unitId().equals(u.unit().id()) ? f.retrying(true) : f);
        } else {
            settle(u);
        }
    }

    private void onRunFinished(RunFinished e, Instant now) {
        // The record is final: it also covers units whose events never reached us.
        for (UnitResult u : e.record().units()) {
            settle(u);
        }
        finished = e.record().finished() != null ? e.record().finished() : now;
        status = e.record().status();
        workers.replaceAll((name, w) -> w.state() == WorkerActivity.State.RUNNING ? WorkerActivity.idle(name, finished) : w);
    }

    /** Applies a unit's final result: outcomes as the runner settled them (FLAKY included). */
    private void settle(UnitResult u) {
        String unitId = u.unit().id();
        if (!progress.ended(u)) {
            return;
        }
        boolean testFailed = false;
        for (TestResult t : u.tests()) {
            record(t.testId(), t.outcome());
            if (t.outcome().isFailure()) {
                testFailed = true;
                failures.put(t.testId(), entryFor(t, u.worker().label()));
            } else {
                failures.computeIfPresent(t.testId(), (id, f) -> f.withOutcome(t.outcome()));
            }
        }
        failures.replaceAll((id, f) -> f.unitId().equals(unitId) ? f.retrying(false) : f);
        if (u.outcome().isFailure() && !testFailed) {
            record(unitId, u.outcome());
            failures.put(unitId, unitEntry(u));
        }
        unitOutput.remove(unitId);
    }

    private void record(String id, Outcome outcome) {
        Outcome before = latestOutcome.put(id, outcome);
        if (before != null) {
            counts.merge(before, -1, Integer::sum);
        }
        counts.merge(outcome, 1, Integer::sum);
    }

    private void noteDuration(TestResult t) {
        slowest.removeIf(s -> s.testId().equals(t.testId()) && s.duration().compareTo(t.duration()) <= 0);
        if (slowest.stream().anyMatch(s -> s.testId().equals(t.testId()))) {
            return;
        }
        slowest.add(new SlowTest(t.node(), t.duration(), t.outcome()));
        slowest.sort(Comparator.comparing(SlowTest::duration).reversed());
        if (slowest.size() > SLOWEST_KEPT) {
            slowest.remove(slowest.size() - 1);
        }
    }

    private void keepOutput(String unitId, String text) {
        if (unitId == null || text == null) {
            return;
        }
        StringBuilder b = unitOutput.computeIfAbsent(unitId, k -> new StringBuilder());
        b.append(text);
        if (b.length() > UNIT_OUTPUT_KEPT) {
            b.delete(0, b.length() - UNIT_OUTPUT_KEPT);
        }
    }

    private static FailureEntry entryFor(TestResult t, String worker) {
        Failure f = t.failure();
        return new FailureEntry(t.node(), worker, t.outcome(), f == null ? null : f.kind(),
                f == null ? "" : f.message(), f == null ? "" : f.detail(), t.output(), t.duration(),
                t.attempt(), false);
    }

    private FailureEntry unitEntry(UnitResult u) {
        Failure f = u.failure();
        StringBuilder stray = unitOutput.get(u.unit().id());
        return new FailureEntry(NodeId.ofUnit(u.unit().id()), u.worker().label(), u.outcome(), f == null ? null : f.kind(),
                u.reason(), f == null ? "" : f.detail(), stray == null ? "" : stray.toString(), u.duration(),
                u.attempts(), false);
    }
}
