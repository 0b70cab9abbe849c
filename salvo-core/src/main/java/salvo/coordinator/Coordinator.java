package salvo.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import salvo.event.RunEvents;
import salvo.execute.PlannedUnit;
import salvo.execute.RunCannotStart;
import salvo.execute.RunControl;
import salvo.model.Failure;
import salvo.model.FailureKind;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.schedule.DistMode;
import salvo.schedule.Group;
import salvo.schedule.GroupStrategy;
import salvo.schedule.Scheduler;
import salvo.schedule.TestItem;
import salvo.schedule.Work;
import salvo.shared.SharedState;
import salvo.worker.ExitStatus;
import salvo.worker.Losses;
import salvo.worker.NodeNames;
import salvo.worker.WireMessage;
import salvo.worker.WireProtocol;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;

/**
 * One round of persistent workers: the loop that owns the round's state. Workers' signals come
 * from one inbox and are handled in order on one thread, which feeds the pure scheduler and
 * hands out its work; {@link WorkerJob} keeps each worker's job, {@link Supervisor} its
 * deadlines and restarts, {@link UnitProgress} each unit's results.
 */
final class Coordinator {
    private static final long POLL_MILLIS = 100;
    /** Bounds how long workers that went idle meanwhile wait for their next work. */
    private static final int MAX_SIGNALS_AT_ONCE = 256;

    private final WorkerPool pool;
    private final PersistentSettings settings;
    private final NodeNames names;
    private final java.util.function.Function<String, String> startupFailure;
    private final Estimates estimates;
    private final RunEvents events;
    private final RunControl control;
    private final SharedState shared;
    private final Supervisor supervisor;
    private final Scheduler scheduler;
    private final Map<String, WorkerJob> jobs = new LinkedHashMap<>();
    private final Map<String, UnitProgress> units = new LinkedHashMap<>();
    private final int workerCount;
    private final boolean perEnvironment;
    /** Tests a lost host was running, handed out once more: a second loss is the test's own doing. */
    private final java.util.Set<String> requeuedAfterLoss = new java.util.HashSet<>();
    private String abandoned;
    private RunCannotStart cannotStart;
    /** Since when the round has had no worker while it waits for one to join; null while it has one. */
    private Instant waitingSince;
    private boolean adoptedAny;

    Coordinator(WorkerPool pool, PersistentSettings settings, WorkerKind kind, Estimates estimates, Scheduler scheduler,
                List<PlannedUnit> plan, RunEvents events, RunControl control, SharedState shared, int workerCount) {
        this.pool = pool;
        this.settings = settings;
        this.names = kind.names();
        this.startupFailure = kind.startupFailure();
        this.estimates = estimates;
        this.scheduler = scheduler;
        this.events = events;
        this.control = control;
        this.shared = shared;
        this.supervisor = new Supervisor(settings);
        this.workerCount = workerCount;
        this.perEnvironment = settings.dist() == DistMode.EACH && pool.environmentCount() > 1;
        plan.forEach(u -> units.put(u.id(), new UnitProgress(u)));
    }

    List<UnitResult> run() {
        try {
            pool.claim().forEach(this::adopt); // started before the first round (or joined); later rounds start their own
            for (int i = 1; i <= workerCount && abandoned == null; i++) {
                if (!jobs.containsKey(pool.ref(i).slot())) {
                    launchAndAdopt(pool.ref(i).slot());
                }
            }
            loop();
        } finally {
            jobs.values().forEach(j -> {
                j.handle.kill();
                control.unregister(j.handle);
            });
        }
        if (cannotStart != null) {
            throw cannotStart;
        }
        return results();
    }

    private List<UnitResult> results() {
        Outcome ifUnfinished = control.isInterrupted() || control.isDraining() ? Outcome.SKIPPED : Outcome.ERROR;
        String unfinished = control.isInterrupted() ? "interrupted before all its tests ran"
                : control.isDraining() ? "not all of its tests ran: the run stopped at the first failure"
                : abandoned != null ? abandoned : "not all of its tests ran";
        List<UnitResult> results = new ArrayList<>();
        for (UnitProgress u : units.values()) {
            if (u.isStarted() || abandoned != null) {
                UnitResult r = u.result(ifUnfinished, unfinished);
                results.add(r);
                if (!u.isAnnounced()) {
                    events.unitFinished(r.worker(), r, false);
                }
            }
        }
        return results;
    }

    private void loop() {
        List<WorkerSignal> arrived = new ArrayList<>();
        while (abandoned == null && !control.isInterrupted() && !(isFinished() && jobs.isEmpty())) {
            try {
                WorkerSignal first = pool.inbox().poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    arrived.add(first);
                    // Everything else already here, handled before the next hand-out: on a stream of
                    // fast tests, one wake-up and one dispatch for many results instead of one each.
                    pool.inbox().drainTo(arrived, MAX_SIGNALS_AT_ONCE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // Workers that joined since: a worker is in the pool before anything it says is in the inbox.
            pool.claim().forEach(this::adopt);
            for (WorkerSignal next : arrived) {
                if (abandoned != null || control.isInterrupted()) {
                    break; // as when each signal was taken alone: what comes after the end is not heard
                }
                take(next);
            }
            arrived.clear();
            supervisor.enforce(jobs.values(), Instant.now());
            dispatch();
            if (jobs.isEmpty() && !isFinished() && abandoned == null && !control.isInterrupted()) {
                replaceLastWorker();
            }
        }
    }

    private void take(WorkerSignal signal) {
        if (signal instanceof WorkerSignal.Messages m) {
            for (JsonNode body : m.bodies()) {
                WorkerJob job = jobOf(signal.worker());
                if (job == null || abandoned != null || control.isInterrupted()) {
                    return; // as when each message was taken alone
                }
                handle(job, WireProtocol.decode(body));
            }
            return;
        }
        WorkerJob job = jobOf(signal.worker());
        if (job == null) {
            return;
        }
        if (signal instanceof WorkerSignal.Output o) {
            events.output(job.ref(), "", o.line());
        } else if (signal instanceof WorkerSignal.Exited x) {
            exited(job, x.exitCode(), x.output());
        }
    }

    /** The job of a worker still in the run; null for one already replaced or given up. */
    private WorkerJob jobOf(WorkerHandle worker) {
        WorkerJob job = jobs.get(worker.ref().slot());
        return job != null && job.handle == worker ? job : null;
    }

    /** Done when the scheduler has nothing left, or when the run drains and what ran has ended. */
    private boolean isFinished() {
        return scheduler.isFinished() || control.isDraining();
    }

    /** Every worker is gone but work remains: one more worker if the restart budget allows, else give up. */
    private void replaceLastWorker() {
        Optional<String> slot = pool.liveSlot();
        if (slot.isPresent() && supervisor.spendRestart()) {
            launchAndAdopt(slot.get());
        } else if (pool.serves()) {
            awaitJoiner();
        } else if (slot.isEmpty()) {
            abandoned = "no worker left to run the remaining tests: every host of the run was lost";
        } else {
            abandoned = "no worker left to run the remaining tests: the limit of --max-worker-restart ("
                    + supervisor.maxRestarts() + ") was reached";
        }
    }

    /**
     * A served run with no worker left (or none yet, with no local workers): it waits for one to
     * join, as long as a worker may take to start; then it gives up, and when nobody joined at
     * all, nothing could run.
     */
    private void awaitJoiner() {
        Instant now = Instant.now();
        if (waitingSince == null) {
            waitingSince = now;
        } else if (Duration.between(waitingSince, now).compareTo(settings.jobTimeout()) > 0) {
            abandoned = "no worker joined the run within " + supervisor.jobTimeoutSeconds() + "s (the -t timeout)";
            if (!adoptedAny) {
                cannotStart = new RunCannotStart(abandoned + ": join it with salvo worker --connect (see the line "
                        + "'serving this run' above), or give -w N for workers on this machine");
            }
        }
    }

    private void launch(String slot) {
        try {
            pool.spawn(slot);
        } catch (IOException e) {
            abandoned = "could not start a worker: " + e.getMessage();
        }
    }

    private void launchAndAdopt(String slot) {
        launch(slot);
        pool.claim().forEach(this::adopt);
    }

    private void adopt(WorkerHandle handle) {
        WorkerJob job = new WorkerJob(handle, supervisor.jobDeadline(Instant.now())); // to start up
        control.register(handle);
        waitingSince = null;
        adoptedAny = true;
        jobs.put(job.slot(), job);
        shared.workerStarted(job.slot());
        scheduler.addWorker(job.slot());
    }

    private void handle(WorkerJob job, WireMessage message) {
        if (job.isTimedOut()) {
            return; // killed for its deadline: its exit, not a late message, says what happened
        }
        Instant now = Instant.now();
        if (message instanceof WireMessage.Idle) {
            job.idle();
        } else if (message instanceof WireMessage.TeardownError t) {
            teardownFailed(job, t.failure());
        } else if (message instanceof WireMessage.SessionFinished f) {
            job.sessionEnded(lingering(f.threads()), supervisor.graceDeadline(now));
        } else if (message instanceof WireMessage.Collected c) {
            collected(job, c);
        } else if (message instanceof WireMessage.CollectError e) {
            collectFailed(job, e);
        } else if (message instanceof WireMessage.TestStarted t) {
            NodeId node = names.node(t.nodeId());
            job.testStarted(t.nodeId(), now, supervisor.jobDeadline(now));
            if (job.runEnding()) {
                job.handle.answerAwaited();
            }
            events.testStarted(job.ref(), placed(job, node), attemptOf(node.unit()));
        } else if (message instanceof WireMessage.TestFinished t) {
            NodeId node = names.node(t.nodeId());
            job.testFinished(node.unit(), supervisor.jobDeadline(now)); // module teardown, then the next test
            record(job, t.result(names, attemptOf(node.unit())));
            scheduler.finished(job.slot(), t.nodeId());
        } else if (message instanceof WireMessage.ChildLost c) {
            childLost(job, c.exitCode());
        } else if (message instanceof WireMessage.Call c) {
            shared.call(job.slot(), c.method(), c.args())
                    .whenComplete((value, error) -> job.handle.send(WireProtocol.reply(c.req(), value, error)));
        }
        // hello, and what a newer worker says that this Salvo does not know: nothing to do
    }

    private int attemptOf(String unit) {
        UnitProgress u = units.get(unit);
        return u == null ? 1 : u.planned.attempt();
    }

    /** A session fixture failed its teardown at shutdown: the run must not pass; the worker's last unit carries it. */
    private void teardownFailed(WorkerJob job, Failure f) {
        String unit = job.lastUnit() != null ? job.lastUnit() : units.keySet().iterator().next();
        progress(unit).ifPresent(p -> p.failedLater(new Failure(f.kind(), "a session fixture's teardown failed on "
                + job.slot() + " after this file: " + f.message(), f.detail())));
    }

    private static String lingering(List<WireMessage.Lingering> threads) {
        List<String> named = threads.stream().map(t -> "'" + t.name() + "' (" + t.target() + ")").toList();
        return named.isEmpty() ? "" : "non-daemon thread " + String.join(", ", named) + " kept it alive";
    }

    private void collectFailed(WorkerJob job, WireMessage.CollectError e) {
        String unit = e.file().isEmpty() ? names.node(e.nodeId()).unit() : e.file();
        if (!unit.equals(job.collecting())) {
            return; // importing it for a run: each of that run's tests reports the error as not found
        }
        settleCollection(job, unit, e.failure());
    }

    private void settleCollection(WorkerJob job, String unit, Failure failure) {
        job.collected();
        progress(unit).ifPresent(u -> {
            u.collectFailed(failure, job.ref());
            announceIfDone(u);
        });
        scheduler.collectFailed(job.slot(), unit); // its import would stop the next worker too
    }

    /**
     * Fork isolation: the child doing this worker's job died. Its running test crashed and the
     * rest of its job goes back in the queue, but the warmed-up worker itself lives on.
     */
    private void childLost(WorkerJob job, int exitCode) {
        if (control.isInterrupted()) {
            return;
        }
        String who = "test process (forked from " + job.slot() + ",";
        String how = ExitStatus.describe(exitCode).replace("was killed", "killed") + ")";
        if (job.currentTest() != null) {
            NodeId node = names.node(job.currentTest());
            Failure f = new Failure(FailureKind.CRASH, who + " " + how + " during " + node.title(), job.handle.outputTail());
            record(job, Losses.lostTest(node, f, job.inCurrentTest(Instant.now()), attemptOf(node.unit())));
            scheduler.finished(job.slot(), job.currentTest());
            job.dropTest();
        } else if (job.collecting() != null) {
            settleCollection(job, job.collecting(), new Failure(FailureKind.CRASH, who + " " + how
                    + " while collecting this file", job.handle.outputTail()));
        }
        scheduler.removeWorker(job.slot()); // what the child had not run yet goes back in the queue...
        scheduler.addWorker(job.slot());    // ...and the worker, alive and warm, takes new work
    }

    private void collected(WorkerJob job, WireMessage.Collected c) {
        UnitProgress progress = units.get(c.file());
        int configWarnings = pool.sessionWarnings().firstSeen(c.configWarnings());
        if (progress != null) {
            progress.warned(configWarnings);
        }
        if (!c.file().equals(job.collecting())) {
            return; // a worker importing a unit to run tests another worker collected: nothing new
        }
        job.collected();
        if (progress != null) {
            progress.warned(c.warnings());
        }
        List<TestItem> items = new ArrayList<>();
        for (WireMessage.Item item : c.items()) {
            if (progress == null || progress.planned.isWhole() || progress.planned.onlyTests().contains(asPlanned(job, item.id()))) {
                items.add(testItem(c.file(), item, c.items().size()));
            }
        }
        if (progress != null) {
            progress.collected((items.size() + c.skipped().size()) * (settings.dist() == DistMode.EACH ? workerCount : 1));
        }
        scheduler.collected(job.slot(), c.file(), items);
        events.unitCollected(job.ref(), c.file(), items.size() + c.skipped().size());
        c.skipped().forEach(skip -> record(job, skip.result(names, attemptOf(c.file())))); // not the scheduler's: nothing to run
        if (progress != null) {
            announceIfDone(progress);
        }
    }

    /** A wire id as a retry plans it: in this worker's environment when results are per environment. */
    private String asPlanned(WorkerJob job, String wireId) {
        return perEnvironment ? NodeId.inEnvironment(wireId, pool.environment(job.slot())) : wireId;
    }

    private TestItem testItem(String unit, WireMessage.Item item, int testsInUnit) {
        Optional<Group> group = Optional.empty();
        if (item.group() != null) {
            GroupStrategy strategy;
            try {
                strategy = GroupStrategy.parse(item.strategy());
            } catch (IllegalArgumentException e) {
                strategy = GroupStrategy.FREE;
            }
            group = Optional.of(new Group(item.group(), strategy));
        }
        return new TestItem(item.id(), unit, item.scope() == null ? unit : item.scope(), group,
                estimates.of(item.id(), unit, testsInUnit));
    }

    /**
     * Under --dist each over several environments a test runs once in each, and each run is a
     * result of its own: the environment joins its id.
     */
    private NodeId placed(WorkerJob job, NodeId node) {
        return perEnvironment ? node.in(pool.environment(job.slot())) : node;
    }

    private void record(WorkerJob job, TestResult raw) {
        TestResult ran = raw.withWorker(job.ref()); // a file's tests may spread over several workers
        TestResult result = perEnvironment ? ran.withNode(placed(job, ran.node())) : ran;
        events.testFinished(job.ref(), result);
        progress(result.unitId()).ifPresent(u -> {
            u.add(result, job.ref());
            announceIfDone(u);
        });
    }

    private void announceIfDone(UnitProgress u) {
        if (u.announce()) {
            UnitResult r = u.result(Outcome.ERROR, "");
            events.unitFinished(r.worker(), r, false);
        }
    }

    private Optional<UnitProgress> progress(String unit) {
        return Optional.ofNullable(units.get(unit));
    }

    private void dispatch() {
        for (WorkerJob job : new ArrayList<>(jobs.values())) {
            if (!job.isIdle()) {
                continue;
            }
            Instant until = supervisor.jobDeadline(Instant.now());
            if (control.isDraining()) {
                stop(job, false);
                continue;
            }
            if (supervisor.mustRecycle(job) && pool.launches(job.slot())) {
                stop(job, true);
                continue;
            }
            // A worker handed work stays busy even if the send fails: it is dying, and its exit
            // (always reported) gives the work back to the scheduler.
            Work work = scheduler.next(job.slot());
            if (work instanceof Work.Collect c) {
                begin(job, c.file());
                job.collect(c.file(), until);
                job.handle.send(WireProtocol.collect(c.file()));
                job.handle.answerAwaited();
            } else if (work instanceof Work.Run r) {
                begin(job, r.file());
                job.run(r.testIds().size(), until);
                job.handle.send(WireProtocol.run(r.file(), r.testIds()));
                if (job.runEnding()) {
                    job.handle.answerAwaited();
                }
            } else if (work instanceof Work.Stop) {
                stop(job, false);
            }
        }
    }

    private void begin(WorkerJob job, String unit) {
        progress(unit).filter(UnitProgress::start)
                .ifPresent(u -> events.unitStarted(job.ref(), u.planned.unit(), u.planned.attempt()));
    }

    private void stop(WorkerJob job, boolean recycle) {
        // Session teardown may wait for other workers (session-once fixtures): it gets a job's time.
        job.stop(recycle, supervisor.jobDeadline(Instant.now()));
        job.handle.send(WireProtocol.shutdown());
    }

    private void exited(WorkerJob job, int exitCode, String output) {
        jobs.remove(job.slot());
        control.unregister(job.handle);
        shared.workerEnded(job.slot());
        if (control.isInterrupted()) {
            scheduler.removeWorker(job.slot()); // stopped with the run: nothing of it is a failure
            return;
        }
        if (exitCode == ExitStatus.HOST_LOST && pool.isRemote(job.slot())) {
            hostLost(job, output);
            return;
        }
        if (job.isStopping() && !job.isRecycling()) {
            scheduler.removeWorker(job.slot());
            if (job.isTimedOut()) {
                events.workerLost(job.ref(), "did not exit after its session ended and was killed"
                        + (job.lingering().isEmpty() ? "" : ": " + job.lingering()));
            }
            return;
        }
        chargeLoss(job, exitCode, output);
        scheduler.removeWorker(job.slot());
        if (!pool.launches(job.slot())) {
            events.workerLost(job.ref(), job.isReady() ? lossReason(job, exitCode)
                    : "could not start there: " + startupFailure.apply(output));
            return;
        }
        if (job.isRecycling()) {
            if (!isFinished()) {
                launchAndAdopt(job.slot());
            }
            return;
        }
        events.workerLost(job.ref(), lossReason(job, exitCode));
        if (!job.isReady()) {
            abandoned = job.isTimedOut() ? "workers did not start within " + supervisor.jobTimeoutSeconds() + "s"
                    : "a worker could not start: " + startupFailure.apply(output);
            if (exitCode == ExitStatus.USAGE) {
                // It refused its own command line or configuration: every worker would, so the run stops here.
                cannotStart = new RunCannotStart(startupFailure.apply(output));
            }
            return;
        }
        boolean aCrash = !job.isTimedOut() && exitCode != ExitStatus.HARD_TIMEOUT;
        if ((!aCrash || supervisor.spendRestart()) && !isFinished()) {
            launchAndAdopt(job.slot());
        }
    }

    /**
     * A remote worker's connection dropped: its host is gone for this run. The test it was running
     * goes to another worker once (the host, not the test, is the likely cause); lost a second
     * time, it is CRASHED with "host lost". What it had queued goes back too, and no worker is
     * started on that host again.
     */
    private void hostLost(WorkerJob job, String output) {
        pool.hostLost(job.slot());
        String test = job.currentTest();
        String also = "";
        if (test != null && requeuedAfterLoss.add(test)) {
            also = "; " + names.node(test).title() + " runs again on another worker";
        } else if (test != null) {
            NodeId node = names.node(test);
            Failure f = new Failure(FailureKind.CRASH, "host lost: the connection to " + job.ref().host()
                    + " dropped during " + node.title() + ", which had lost a host before", output);
            record(job, Losses.lostTest(node, f, job.inCurrentTest(Instant.now()), attemptOf(node.unit())));
            scheduler.finished(job.slot(), test);
        }
        scheduler.removeWorker(job.slot()); // requeues what it had not finished, its collection included
        events.workerLost(job.ref(), "host lost: the connection to " + job.ref().host() + " dropped" + also);
    }

    /** What the worker was doing when it died gets the blame: its test, or the unit it was collecting. */
    private void chargeLoss(WorkerJob job, int exitCode, String output) {
        if (job.currentTest() != null) {
            NodeId node = names.node(job.currentTest());
            Failure f = job.isTimedOut()
                    ? Losses.timedOut("test", settings.jobTimeout(), "its worker was killed and replaced", output)
                    : Losses.crashed("worker " + job.slot(), exitCode, "during " + node.title(), output);
            record(job, Losses.lostTest(node, f, job.inCurrentTest(Instant.now()), attemptOf(node.unit())));
            scheduler.finished(job.slot(), job.currentTest());
        } else if (job.collecting() != null) {
            Failure f = job.isTimedOut()
                    ? new Failure(FailureKind.TIMEOUT, "collecting this file took longer than the "
                    + supervisor.jobTimeoutSeconds() + "s timeout; its worker was killed", output)
                    : Losses.crashed("worker " + job.slot(), exitCode, "while collecting this file", output);
            settleCollection(job, job.collecting(), f);
        }
    }

    private String lossReason(WorkerJob job, int exitCode) {
        return job.isTimedOut() ? "killed: past its " + supervisor.jobTimeoutSeconds() + "s timeout"
                : exitCode == ExitStatus.HARD_TIMEOUT ? "ended after a test could not be interrupted at its timeout"
                : "process " + ExitStatus.describe(exitCode);
    }
}
