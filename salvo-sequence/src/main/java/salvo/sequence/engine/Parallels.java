package salvo.sequence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.expr.Rules;
import salvo.sequence.load.Step;

/**
 * parallel and its branches (§3.16): a thread per branch, each with a stop of its own, so that
 * with sync: any the first branch to end PASS or FAIL (never SKIP) stops all the others,
 * whatever they are running.
 */
final class Parallels {
    private static final long POLL_MILLIS = 100;
    private static final double WAIT_FOR_DEFAULT = 30;

    private final Engine engine;

    Parallels(Engine engine) {
        this.engine = engine;
    }

    Result run(Step step, Frame frame) {
        boolean any = "any".equals(step.has("sync") ? frame.expandText(step.field("sync")) : "all");
        List<Step> branches = step.children();
        Result[] results = new Result[branches.size()];
        Stop[] stops = new Stop[branches.size()];
        AtomicInteger winner = new AtomicInteger(-1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            Step branch = branches.get(i);
            stops[i] = new Stop(frame.stop);
            String idPart = branch.id().substring(branch.id().lastIndexOf('/') + 1);
            Frame bf = frame.child(branch, idPart, branch.title(), null, stops[i],
                    frame.prefix + "[" + branch.title() + "] ");
            int index = i;
            Thread t = new Thread(() -> {
                Result r;
                try {
                    r = engine.execute(branch, bf);
                } catch (RuntimeException e) {
                    r = Result.fail("branch '" + branch.title() + "' could not run: " + e);
                }
                results[index] = r;
                if (any && r.verdict() != Verdict.SKIP && winner.compareAndSet(-1, index)) {
                    for (int j = 0; j < stops.length; j++) {
                        if (j != index) {
                            stops[j].flag();
                        }
                    }
                }
            }, "seq-branch-" + branch.title());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopsFlag(stops);
            }
        }
        if (any) {
            int w = winner.get();
            boolean passed = java.util.Arrays.stream(results).anyMatch(r -> r != null && r.verdict() == Verdict.PASS);
            String first = w < 0 ? "no branch ran" : "branch '" + branches.get(w).title() + "' ended first";
            return passed ? new Result(Verdict.PASS, null, first, java.util.Map.of())
                    : w < 0 ? Result.skip(first) : Result.fail(first + " and no branch passed");
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] != null && results[i].verdict() == Verdict.FAIL) {
                return Result.fail("branch '" + branches.get(i).title() + "' failed");
            }
        }
        return frame.stop.stopped() ? Result.skip("stopped") : Result.pass();
    }

    private static void stopsFlag(Stop[] stops) {
        for (Stop s : stops) {
            s.flag();
        }
    }

    /** A branch: its wait_for first, then its steps like a group. */
    Result branch(Step step, Frame frame) {
        if (step.field("wait_for") instanceof java.util.Map<?, ?> waitFor && waitFor.get("condition") != null) {
            Object t = waitFor.get("timeout") == null ? WAIT_FOR_DEFAULT : frame.expand(waitFor.get("timeout"));
            double timeout = t instanceof Number n ? n.doubleValue() : Double.parseDouble(PyRepr.str(t));
            long deadline = System.nanoTime() + (long) (timeout * 1e9);
            while (true) {
                if (frame.stop.stopped()) {
                    // §9.24: a stop is a stop, not a timeout.
                    return Result.fail("stopped while waiting for " + PyRepr.str(waitFor.get("condition")));
                }
                if (Rules.flag(frame.expand(waitFor.get("condition")), engine.evaluator(frame.stop))) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    return Result.fail("wait_for condition " + PyRepr.str(waitFor.get("condition")) + " not met within "
                            + PyRepr.str(timeout) + " s");
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Result.fail("interrupted while waiting");
                }
            }
        }
        boolean stopOnFailure = step.has("stop_on_failure")
                && Rules.flag(frame.field("stop_on_failure"), engine.evaluator(frame.stop));
        return engine.children(step.children(), frame, stopOnFailure);
    }
}
