package salvo.cli.console;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import salvo.cli.progress.Eta;
import salvo.cli.progress.Progress;
import salvo.cli.progress.TestProgress;
import salvo.event.OutputChunk;
import salvo.event.RunEvent;
import salvo.event.RunFinished;
import salvo.event.RunListener;
import salvo.event.RunStarted;
import salvo.event.TestFinished;
import salvo.event.UnitCollected;
import salvo.event.UnitFinished;
import salvo.event.WorkerLost;
import salvo.model.RunRecord;

/**
 * The console during a run. On a terminal: one live progress line (tests and files done of
 * expected, files failed, elapsed, ETA) with failures printed above it as they happen. Elsewhere
 * (CI, a pipe): plain lines, one per finished file, no escape codes. Then the summary.
 */
public final class ConsoleSink implements RunListener {
    private final PrintStream out;
    private final boolean live;
    private final boolean verbose;
    private final Style style;
    private final Function<RunRecord, Optional<String>> versusPrevious;
    private ScheduledExecutorService ticker;

    private final java.util.Map<String, Integer> testsLastRun;
    private TestProgress progress = new TestProgress(java.util.List.of(), java.util.Map.of());
    private int failedFiles;
    private Instant started = Instant.now();
    private Duration estimate;
    private boolean progressShown;

    public ConsoleSink(PrintStream out, boolean live, boolean verbose, Style style,
                       Function<RunRecord, Optional<String>> versusPrevious, java.util.Map<String, Integer> testsLastRun) {
        this.out = out;
        this.testsLastRun = java.util.Map.copyOf(testsLastRun);
        this.live = live;
        this.verbose = verbose;
        this.style = style;
        this.versusPrevious = versusPrevious;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunStarted s) {
            started(s);
        } else if (event instanceof UnitCollected c) {
            progress.collected(c.unitId(), c.tests());
        } else if (event instanceof TestFinished t) {
            progress.testFinished(t.result());
        } else if (event instanceof UnitFinished f) {
            finished(f);
        } else if (event instanceof WorkerLost lost) {
            println(style.dim("[" + lost.worker() + "]") + " worker " + lost.reason());
        } else if (event instanceof OutputChunk c) {
            println(style.dim("[" + c.worker() + "]") + " " + c.text());
        } else if (event instanceof RunFinished f) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            clearProgress();
            out.print(RunSummary.render(f.record(), versusPrevious.apply(f.record()), style));
            out.flush();
        }
    }

    /** " (h1: 2, h2: 1)" when workers run on other hosts; nothing for a run on this machine alone. */
    private static String hosts(java.util.List<salvo.model.WorkerRef> slots) {
        java.util.Map<String, Long> perHost = new java.util.LinkedHashMap<>();
        slots.forEach(w -> perHost.merge(w.host().isEmpty() ? "local" : w.host(), 1L, Long::sum));
        if (perHost.isEmpty() || perHost.keySet().equals(java.util.Set.of("local"))) {
            return "";
        }
        return perHost.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ", " (", ")"));
    }

    private void started(RunStarted s) {
        int total = s.units().size();
        progress = new TestProgress(s.units(), testsLastRun);
        started = s.info().started();
        estimate = s.estimate();
        println("salvo: " + total + " file" + (total == 1 ? "" : "s") + (s.workers() == 0
                ? " on workers that join the run" // --serve -w 0: none of its own
                : " on " + s.workers() + " worker" + (s.workers() == 1 ? "" : "s") + hosts(s.slots()))
                + (estimate != null ? ", about " + Durations.format(estimate) : ""));
        if (live) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "salvo-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void finished(UnitFinished f) {
        if (!f.willRetry()) {
            progress.ended(f.result());
            if (f.result().outcome().isFailure()) {
                failedFiles++;
            }
        }
        if (!live || verbose || f.willRetry() || f.result().outcome().isFailure()) {
            println(UnitLine.render(f.result(), f.willRetry(), style));
        }
        redraw();
    }

    private void println(String line) {
        clearProgress();
        out.println(line);
        redraw();
    }

    private synchronized void redraw() {
        if (!live || progress.progress().units() == 0) {
            return;
        }
        Duration elapsed = Duration.between(started, Instant.now());
        out.print("\r\u001b[K" + progressText(elapsed));
        out.flush();
        progressShown = true;
    }

    private void clearProgress() {
        if (live && progressShown) {
            out.print("\r\u001b[K");
            progressShown = false;
        }
    }

    /** Tests first, as the dashboard's bar: on test-level scheduling files end late. */
    private String progressText(Duration elapsed) {
        Progress p = progress.progress();
        String failed = failedFiles > 0 ? ", " + style.outcome(salvo.model.Outcome.FAILED, failedFiles + " failed") : "";
        return String.format("[%s (%s%s)] %s elapsed%s", p.tests(), p.files(), failed, Durations.clock(elapsed),
                eta(elapsed, p).map(e -> " · ETA " + e).orElse(""));
    }

    /** From history when there is some, else from the pace of tests. */
    private Optional<String> eta(Duration elapsed, Progress p) {
        return p.allUnitsDone() ? Optional.empty() : Eta.of(elapsed, estimate, p).map(Eta::text);
    }
}
