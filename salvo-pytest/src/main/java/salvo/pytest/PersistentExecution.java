package salvo.pytest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import salvo.event.OutputChunk;
import salvo.event.RunListener;
import salvo.event.TestFinished;
import salvo.event.TestStarted;
import salvo.event.UnitFinished;
import salvo.event.UnitStarted;
import salvo.event.WorkerLost;
import salvo.execute.Execution;
import salvo.execute.RunControl;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.TestUnit;
import salvo.model.UnitResult;
import salvo.schedule.DistMode;
import salvo.schedule.Group;
import salvo.schedule.GroupStrategy;
import salvo.schedule.Scheduler;
import salvo.schedule.Schedulers;
import salvo.schedule.TestItem;
import salvo.schedule.Work;
import salvo.shared.SharedState;

/**
 * Persistent pytest workers fed test by test: pytest's start-up and imports are paid once per
 * worker, each file is collected once, lazily, by the worker that first needs it, and the
 * scheduler decides the rest. One coordinator thread owns all the run's state and handles the
 * workers' messages from one inbox, in order, so the scheduler stays a plain state machine.
 */
public final class PersistentExecution implements Execution {
    /** The plugin's exit status when a test could not be interrupted at its timeout. */
    private static final int EXIT_HARD_TIMEOUT = 71;
    private static final long POLL_MILLIS = 100;

    private final PersistentOptions options;
    private final PytestOptions pytest;
    private final WorkerPool pool;
    private final Map<String, Duration> fileHistory;
    private final Estimates estimates;

    /** @param pool workers already started (see {@link WorkerPool}), {@link #workers} of them */
    public PersistentExecution(PersistentOptions options, PytestOptions pytest, WorkerPool pool,
                               Map<String, Duration> fileHistory, Map<String, Duration> testHistory) {
        this.options = options;
        this.pytest = pytest;
        this.pool = pool;
        this.fileHistory = fileHistory;
        this.estimates = new Estimates(testHistory);
    }

    /** How many workers to start for a plan of {@code units} files: never more than there are files, except for --dist each. */
    public static int workersFor(PersistentOptions options, int units) {
        return Math.max(1, options.dist() == DistMode.EACH ? options.workers() : Math.min(options.workers(), units));
    }

    @Override
    public int workers(int units) {
        return pool.workers().size();
    }

    @Override
    public List<UnitResult> execute(List<TestUnit> plan, RunListener events, RunControl control) {
        try (SharedState shared = new SharedState()) {
            return new Coordinator(plan, events, control, shared).run();
        }
    }

    /** One run's mutable state, touched only by the coordinator thread. */
    private final class Coordinator {
        private final List<TestUnit> plan;
        private final RunListener events;
        private final RunControl control;
        private final SharedState shared;
        private final BlockingQueue<WorkerProcess.Inbound> inbox = pool.inbox();
        private final Map<String, WorkerProcess> workers = new LinkedHashMap<>();
        private final Map<String, FileProgress> files = new LinkedHashMap<>();
        private final Scheduler scheduler;
        private final int workerCount;
        private int restarts;
        private String abandoned;

        Coordinator(List<TestUnit> plan, RunListener events, RunControl control, SharedState shared) {
            this.plan = plan;
            this.events = events;
            this.control = control;
            this.shared = shared;
            plan.forEach(u -> files.put(u.id(), new FileProgress(u)));
            this.workerCount = pool.workers().size();
            this.scheduler = Schedulers.create(options.dist(), plan.stream().map(TestUnit::id).toList(), fileHistory,
                    workerCount);
        }

        List<UnitResult> run() {
            pool.onOutput(o -> events.on(new OutputChunk(o.worker(), "", o.line())));
            try {
                for (WorkerProcess w : pool.workers()) {
                    adopt(w);
                }
                loop();
            } finally {
                workers.values().forEach(w -> {
                    w.kill();
                    control.unregister(w.process());
                });
            }
            Outcome ifUnfinished = control.isInterrupted() ? Outcome.SKIPPED : Outcome.ERROR;
            String unfinished = control.isInterrupted() ? "interrupted before all its tests ran"
                    : abandoned != null ? abandoned : "not all of its tests ran";
            List<UnitResult> results = new ArrayList<>();
            for (FileProgress f : files.values()) {
                if (f.started || abandoned != null) {
                    UnitResult r = f.result(ifUnfinished, unfinished);
                    results.add(r);
                    if (!f.announcedDone) {
                        events.on(new UnitFinished(r.worker(), r, false));
                    }
                }
            }
            return results;
        }

        private void loop() {
            while (abandoned == null && !control.isInterrupted() && !(scheduler.isFinished() && workers.isEmpty())) {
                WorkerProcess.Inbound next;
                try {
                    next = inbox.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (next instanceof WorkerProcess.Message m && workers.get(m.worker().name) == m.worker()) {
                    handle(m.worker(), m.body());
                } else if (next instanceof WorkerProcess.Exited x && workers.get(x.worker().name) == x.worker()) {
                    exited(x.worker(), x.exitCode(), x.output());
                }
                enforceTimeouts();
                dispatch();
                if (workers.isEmpty() && !scheduler.isFinished() && abandoned == null && !control.isInterrupted()) {
                    replaceLastWorker();
                }
            }
        }

        /** Every worker is gone but work remains: one more worker if the restart budget allows, else give up. */
        private void replaceLastWorker() {
            if (restarts < options.maxWorkerRestarts()) {
                restarts++;
                startWorker("gw1");
            } else {
                abandoned = "no worker left to run the remaining tests: the limit of --max-worker-restart ("
                        + options.maxWorkerRestarts() + ") was reached";
            }
        }

        private void startWorker(String name) {
            try {
                adopt(pool.spawn(name));
            } catch (IOException e) {
                abandoned = "could not start a pytest worker: " + e.getMessage();
            }
        }

        private void adopt(WorkerProcess w) {
            w.deadline = Instant.now().plus(pytest.fileTimeout()); // to start up
            control.register(w.process());
            workers.put(w.name, w);
            shared.workerStarted(w.name);
            scheduler.addWorker(w.name);
        }

        private void handle(WorkerProcess w, JsonNode m) {
            if (w.timedOut) {
                return; // killed for its deadline: its exit, not a late message, says what happened
            }
            switch (m.path("ev").asText()) {
                case "idle" -> {
                    w.busy = false;
                    w.ready = true;
                    w.deadline = null;
                }
                case "teardown_error" -> teardownFailed(w, m);
                case "session_finished" -> {
                    w.lingering = lingeringThreads(m.path("threads"));
                    Instant grace = Instant.now().plus(pytest.hangGrace());
                    w.deadline = w.deadline == null || grace.isBefore(w.deadline) ? grace : w.deadline;
                }
                case "collected" -> collected(w, m);
                case "collect_error" -> collectFailed(w, m);
                case "test_started" -> {
                    w.currentTest = m.path("nodeid").asText();
                    w.currentSince = Instant.now();
                    w.deadline = w.currentSince.plus(pytest.fileTimeout());
                    events.on(new TestStarted(w.name, Protocol.fileOf(w.currentTest), w.currentTest));
                }
                case "test_finished" -> {
                    String id = m.path("nodeid").asText();
                    w.currentTest = null;
                    w.testsRun++;
                    w.lastFile = Protocol.fileOf(id);
                    w.deadline = Instant.now().plus(pytest.fileTimeout()); // module teardown, then the next test
                    record(w, Protocol.testResult(1, m));
                    scheduler.finished(w.name, id);
                }
                case "child_lost" -> childLost(w, m.path("exit").asInt());
                case "call" -> {
                    long req = m.path("req").asLong();
                    shared.call(w.name, m.path("method").asText(), m.path("args"))
                            .whenComplete((value, error) -> w.send(Protocol.reply(req, value, error)));
                }
                default -> { /* hello: nothing to do */ }
            }
        }

        /** A session fixture failed its teardown at shutdown: the run must not pass; the worker's last file carries it. */
        private void teardownFailed(WorkerProcess w, JsonNode m) {
            Failure f = Protocol.failure(m);
            String file = w.lastFile != null ? w.lastFile : plan.get(0).id();
            progress(file).ifPresent(p -> p.failedLater(new Failure(f.kind(), "a session fixture's teardown failed on "
                    + w.name + " after this file: " + f.message(), f.detail())));
        }

        private static String lingeringThreads(JsonNode threads) {
            List<String> names = new ArrayList<>();
            threads.forEach(t -> names.add("'" + t.path("name").asText() + "' (" + t.path("target").asText() + ")"));
            return names.isEmpty() ? "" : "non-daemon thread " + String.join(", ", names) + " kept it alive";
        }

        private void collectFailed(WorkerProcess w, JsonNode m) {
            String file = m.path("file").asText(Protocol.fileOf(m.path("nodeid").asText()));
            if (!file.equals(w.collecting)) {
                return; // importing it for a run: each of that run's tests reports the error as not found
            }
            w.collecting = null;
            progress(file).ifPresent(f -> {
                f.collectFailed(Protocol.failure(m), w.name);
                announceIfDone(f);
            });
            scheduler.collectFailed(w.name, file);
        }

        /**
         * Fork isolation: the child doing this worker's work died. Its running test crashed and
         * the rest of its work goes back in the queue, but the warmed-up worker itself lives on.
         */
        private void childLost(WorkerProcess w, int exitCode) {
            if (control.isInterrupted()) {
                return;
            }
            String why = "forked from " + w.name + ", " + Verdict.describeExit(exitCode).replace("was killed", "killed");
            if (w.currentTest != null) {
                Failure f = new Failure(FailureKind.CRASH, "test process (" + why + ") during "
                        + Protocol.testName(w.currentTest), w.outputTail());
                record(w, Protocol.lostTest(w.currentTest, f, Duration.between(w.currentSince, Instant.now()), 1));
                scheduler.finished(w.name, w.currentTest);
                w.currentTest = null;
            } else if (w.collecting != null) {
                String file = w.collecting;
                w.collecting = null;
                progress(file).ifPresent(f -> {
                    f.collectFailed(new Failure(FailureKind.CRASH, "test process (" + why + ") while collecting this file",
                            w.outputTail()), w.name);
                    announceIfDone(f);
                });
                scheduler.collectFailed(w.name, file);
            }
            scheduler.removeWorker(w.name); // what the child had not run yet goes back in the queue...
            scheduler.addWorker(w.name);    // ...and the worker, alive and warm, takes new work
        }

        private void collected(WorkerProcess w, JsonNode m) {
            String file = m.path("file").asText();
            if (!file.equals(w.collecting)) {
                return; // a worker importing a file to run tests another worker collected: nothing new
            }
            w.collecting = null;
            List<TestItem> items = new ArrayList<>();
            m.path("items").forEach(item -> items.add(testItem(file, item)));
            Optional<FileProgress> progress = progress(file);
            progress.ifPresent(f -> {
                f.collected(items.size() * (options.dist() == DistMode.EACH ? workerCount : 1));
                announceIfDone(f);
            });
            scheduler.collected(w.name, file, items);
        }

        private TestItem testItem(String file, JsonNode item) {
            String id = item.path("id").asText();
            Optional<Group> group = Optional.empty();
            if (item.hasNonNull("group") && !item.path("group").asText().isEmpty()) {
                GroupStrategy strategy;
                try {
                    strategy = GroupStrategy.parse(item.path("strategy").asText(null));
                } catch (IllegalArgumentException e) {
                    strategy = GroupStrategy.FREE;
                }
                group = Optional.of(new Group(item.path("group").asText(), strategy));
            }
            return new TestItem(id, file, item.path("scope").asText(file), group, estimates.of(id, file));
        }

        private void record(WorkerProcess w, TestResult result) {
            events.on(new TestFinished(w.name, result));
            progress(result.unitId()).ifPresent(f -> {
                f.add(result, w.name);
                announceIfDone(f);
            });
        }

        private void announceIfDone(FileProgress f) {
            if (f.isDone() && !f.announcedDone) {
                f.announcedDone = true;
                UnitResult r = f.result(Outcome.ERROR, "");
                events.on(new UnitFinished(r.worker(), r, false));
            }
        }

        private Optional<FileProgress> progress(String file) {
            return Optional.ofNullable(files.get(file));
        }

        private void dispatch() {
            for (WorkerProcess w : new ArrayList<>(workers.values())) {
                if (w.busy || w.stopping) {
                    continue;
                }
                if (options.maxTestsPerWorker() > 0 && w.testsRun >= options.maxTestsPerWorker()) {
                    w.recycling = true;
                    stop(w);
                    continue;
                }
                Work work = scheduler.next(w.name);
                // A worker handed work stays busy even if the send fails: it is dying, and its
                // exit (always reported) gives the work back to the scheduler.
                if (work instanceof Work.Collect c) {
                    begin(w, c.file());
                    w.collecting = c.file();
                    w.busy = true;
                    w.deadline = Instant.now().plus(pytest.fileTimeout());
                    w.send(Protocol.collect(c.file()));
                } else if (work instanceof Work.Run r) {
                    begin(w, r.file());
                    w.busy = true;
                    w.deadline = Instant.now().plus(pytest.fileTimeout());
                    w.send(Protocol.run(r.file(), r.testIds()));
                } else if (work instanceof Work.Stop) {
                    stop(w);
                }
            }
        }

        private void begin(WorkerProcess w, String file) {
            progress(file).filter(f -> !f.started).ifPresent(f -> {
                f.started = true;
                events.on(new UnitStarted(w.name, f.unit, 1));
            });
        }

        private void stop(WorkerProcess w) {
            w.stopping = true;
            w.busy = true;
            w.deadline = Instant.now().plus(pytest.fileTimeout()); // session teardown; session-once may wait for others
            w.send(Protocol.shutdown());
        }

        /** A worker past its deadline (stuck starting, importing, in a test or in its shutdown) is killed; its exit says the rest. */
        private void enforceTimeouts() {
            Instant now = Instant.now();
            for (WorkerProcess w : workers.values()) {
                if (w.deadline != null && !w.timedOut && now.isAfter(w.deadline)) {
                    w.timedOut = true;
                    w.kill();
                }
            }
        }

        private void exited(WorkerProcess w, int exitCode, String output) {
            workers.remove(w.name);
            control.unregister(w.process());
            shared.workerEnded(w.name);
            if (control.isInterrupted()) {
                scheduler.removeWorker(w.name); // stopped with the run: nothing of it is a failure
                return;
            }
            if (w.stopping && !w.recycling) {
                scheduler.removeWorker(w.name);
                if (w.timedOut) {
                    events.on(new WorkerLost(w.name, "did not exit after its session ended and was killed"
                            + (w.lingering.isEmpty() ? "" : ": " + w.lingering)));
                }
                return;
            }
            if (w.currentTest != null) {
                record(w, lostTest(w, exitCode, output));
                scheduler.finished(w.name, w.currentTest);
            } else if (w.collecting != null) {
                String file = w.collecting;
                Failure f = w.timedOut
                        ? new Failure(FailureKind.TIMEOUT, "collecting this file took longer than the "
                        + pytest.fileTimeout().toSeconds() + "s timeout; its worker was killed", output)
                        : new Failure(FailureKind.CRASH, "worker " + w.name + " " + Verdict.describeExit(exitCode)
                        + " while collecting this file", output);
                progress(file).ifPresent(p -> {
                    p.collectFailed(f, w.name);
                    announceIfDone(p);
                });
                scheduler.collectFailed(w.name, file); // its import would stop the next worker too
            }
            scheduler.removeWorker(w.name);
            if (w.recycling) {
                if (!scheduler.isFinished()) {
                    startWorker(w.name);
                }
                return;
            }
            String why = w.timedOut ? "killed: past its " + pytest.fileTimeout().toSeconds() + "s timeout"
                    : exitCode == EXIT_HARD_TIMEOUT ? "ended after a test could not be interrupted at its timeout"
                    : "process " + Verdict.describeExit(exitCode);
            events.on(new WorkerLost(w.name, why));
            if (!w.ready) {
                abandoned = w.timedOut ? "pytest workers did not start within " + pytest.fileTimeout().toSeconds() + "s"
                        : "a pytest worker could not start: " + Verdict.lastMeaningfulLine(output);
                return;
            }
            boolean counts = !w.timedOut && exitCode != EXIT_HARD_TIMEOUT;
            if (counts && restarts >= options.maxWorkerRestarts()) {
                return;
            }
            if (counts) {
                restarts++;
            }
            if (!scheduler.isFinished()) {
                startWorker(w.name);
            }
        }

        private TestResult lostTest(WorkerProcess w, int exitCode, String output) {
            Failure f = w.timedOut
                    ? new Failure(FailureKind.TIMEOUT, "test exceeded the " + pytest.fileTimeout().toSeconds()
                    + "s timeout; its worker was killed and replaced", output)
                    : new Failure(FailureKind.CRASH, "worker " + w.name + " " + Verdict.describeExit(exitCode)
                    + " during " + Protocol.testName(w.currentTest), output);
            return Protocol.lostTest(w.currentTest, f, Duration.between(w.currentSince, Instant.now()), 1);
        }
    }
}
