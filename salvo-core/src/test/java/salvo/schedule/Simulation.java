package salvo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Drives a scheduler as the coordinator does, with simulated workers and a simulated clock (a
 * discrete-event loop): tests take their suite durations, collecting a file takes
 * {@code collectCost}, and running a file a worker has not imported first costs
 * {@code importCost}. Workers that get Wait are asked again after the next event.
 */
final class Simulation {
    record Handout(long time, String worker, Work work) {}

    record Span(String worker, String testId, long start, long end, boolean crashed) {
        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    private record Event(long time, long seq, Runnable action) {}

    private final Scheduler scheduler;
    private final Suite suite;
    private long collectCost;
    private long importCost;
    private final Set<String> crashing = new HashSet<>();

    private final PriorityQueue<Event> events =
            new PriorityQueue<>(Comparator.comparingLong(Event::time).thenComparingLong(Event::seq));
    private long now;
    private long seq;
    private int workerCount;
    private final Set<String> waiting = new LinkedHashSet<>();
    private final Map<String, Set<String>> imported = new HashMap<>();
    private final List<Handout> handouts = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();
    private final List<String> requeued = new ArrayList<>();

    Simulation(Scheduler scheduler, Suite suite) {
        this.scheduler = scheduler;
        this.suite = suite;
    }

    Simulation collectCost(long ms) {
        collectCost = ms;
        return this;
    }

    Simulation importCost(long ms) {
        importCost = ms;
        return this;
    }

    /** The worker running this test dies half-way through it, and is replaced. */
    Simulation crashOn(String testId) {
        crashing.add(testId);
        return this;
    }

    Result run(int workers) {
        List<String> started = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            started.add(addWorker());
        }
        started.forEach(w -> at(0, () -> ask(w)));
        int steps = 0;
        while (!events.isEmpty()) {
            Event event = events.poll();
            now = event.time();
            event.action().run();
            List<String> again = new ArrayList<>(waiting);
            waiting.clear();
            again.forEach(this::ask);
            if (++steps > 1_000_000) {
                fail("the simulation does not end");
            }
        }
        if (!scheduler.isFinished()) {
            fail("nothing more happens but the run is not finished; waiting: " + waiting);
        }
        return new Result(List.copyOf(handouts), List.copyOf(spans), List.copyOf(requeued));
    }

    private String addWorker() {
        String worker = "gw" + workerCount++;
        scheduler.addWorker(worker);
        imported.put(worker, new HashSet<>());
        return worker;
    }

    private void at(long time, Runnable action) {
        events.add(new Event(time, seq++, action));
    }

    private void ask(String worker) {
        Work work = scheduler.next(worker);
        if (work instanceof Work.Wait) {
            waiting.add(worker);
            return;
        }
        handouts.add(new Handout(now, worker, work));
        if (work instanceof Work.Collect collect) {
            at(now + collectCost, () -> {
                imported.get(worker).add(collect.file());
                if (suite.fails(collect.file())) {
                    scheduler.collectFailed(worker, collect.file());
                } else {
                    scheduler.collected(worker, collect.file(), suite.items(collect.file()));
                }
                ask(worker);
            });
        } else if (work instanceof Work.Run run) {
            long start = now + (imported.get(worker).add(run.file()) ? importCost : 0);
            runFrom(worker, run.testIds(), 0, start);
        }
    }

    private void runFrom(String worker, List<String> ids, int index, long start) {
        String id = ids.get(index);
        long duration = suite.millis(id);
        if (crashing.remove(id)) {
            at(start + duration / 2, () -> crash(worker, id, start));
            return;
        }
        at(start + duration, () -> {
            spans.add(new Span(worker, id, start, now, false));
            scheduler.finished(worker, id);
            if (index + 1 < ids.size()) {
                runFrom(worker, ids, index + 1, now);
            } else {
                ask(worker);
            }
        });
    }

    /** As the coordinator: the running test is reported (crashed), the worker removed and replaced. */
    private void crash(String worker, String id, long start) {
        spans.add(new Span(worker, id, start, now, true));
        scheduler.finished(worker, id);
        requeued.addAll(scheduler.removeWorker(worker));
        String replacement = addWorker();
        ask(replacement);
    }

    record Result(List<Handout> handouts, List<Span> spans, List<String> requeued) {
        long makespan() {
            return spans.stream().mapToLong(Span::end).max().orElse(0);
        }

        List<Handout> collects() {
            return handouts.stream().filter(h -> h.work() instanceof Work.Collect).toList();
        }

        List<Handout> runs() {
            return handouts.stream().filter(h -> h.work() instanceof Work.Run).toList();
        }

        List<Work.Run> runsOf(String file) {
            return runs().stream().map(h -> (Work.Run) h.work()).filter(r -> r.file().equals(file)).toList();
        }

        /** The worker that collected {@code file}. */
        String collector(String file) {
            return collects().stream().filter(h -> ((Work.Collect) h.work()).file().equals(file))
                    .map(Handout::worker).findFirst().orElseThrow();
        }

        long collectedAt(String file) {
            return collects().stream().filter(h -> ((Work.Collect) h.work()).file().equals(file))
                    .mapToLong(Handout::time).max().orElseThrow();
        }

        long lastCollectAt() {
            return collects().stream().mapToLong(Handout::time).max().orElse(0);
        }

        /** The completed run of a test; fails unless there is exactly one. */
        Span span(String id) {
            List<Span> done = spans.stream().filter(s -> s.testId().equals(id) && !s.crashed()).toList();
            assertEquals(1, done.size(), () -> id + " should have run to the end exactly once: " + done);
            return done.get(0);
        }

        Set<String> workersThatGotWork() {
            Set<String> workers = new HashSet<>();
            handouts.stream().filter(h -> !(h.work() instanceof Work.Stop)).forEach(h -> workers.add(h.worker()));
            return workers;
        }

        /** Every test of the suite ran to the end exactly once, and nothing else ran. */
        void assertEachTestRanOnce(Suite suite) {
            assertEachTestRanOnceExcept(suite, Set.of());
        }

        /** As {@link #assertEachTestRanOnce}, but the crashed tests ran once and crashed, and never again. */
        void assertEachTestRanOnceExcept(Suite suite, Set<String> crashed) {
            for (String id : suite.ids()) {
                if (crashed.contains(id)) {
                    assertEquals(List.of(true), spans.stream().filter(s -> s.testId().equals(id)).map(Span::crashed)
                            .toList(), () -> id + " should have crashed once and not run again");
                } else {
                    span(id);
                }
            }
            Set<String> ran = new HashSet<>();
            spans.forEach(s -> ran.add(s.testId()));
            assertEquals(suite.ids(), ran);
        }
    }
}
