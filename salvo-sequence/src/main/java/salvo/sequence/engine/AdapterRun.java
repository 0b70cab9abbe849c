package salvo.sequence.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import salvo.adapter.Adapter;
import salvo.adapter.Adapters;
import salvo.adapter.Discovery;
import salvo.adapter.DiscoveryRequest;
import salvo.adapter.History;
import salvo.adapter.RunSettings;
import salvo.error.SalvoError;
import salvo.event.RunEvents;
import salvo.execute.Execution;
import salvo.execute.PlannedUnit;
import salvo.execute.RunControl;
import salvo.model.UnitResult;

/**
 * One file run by another of Salvo's adapters through the Adapter SPI, as {@code salvo run FILE}
 * would: its options parsed as the command line would parse them, then discover, prepare and
 * execute one unit in a fresh process. An item that runs a framework's tests reuses that adapter
 * whole (its interpreter checks, its plugin, its protocol, its verdicts) and knows none of it.
 * A stop of the item or of the run interrupts the execution, which kills its processes.
 *
 * @param adapter     the adapter's id
 * @param options     for the adapter's own options ({@link Adapter#options()}), as on {@code salvo run}
 * @param passThrough what {@code salvo run} takes after {@code --}: the framework's own options
 * @param stopFirst   stop at the first failing test
 */
record AdapterRun(String adapter, List<String> options, Path directory, String file, List<String> passThrough,
                  boolean stopFirst) {
    private static final long WATCH_MILLIS = 50;

    AdapterRun {
        options = List.copyOf(options);
        passThrough = List.copyOf(passThrough);
    }

    /**
     * The unit's result; empty when the adapter found nothing to run in the file. Throws
     * SalvoError when the adapter is not there, refuses its options or cannot start at all.
     */
    Optional<UnitResult> run(Stop stop, RunControl runControl) {
        Adapter a = Adapters.load().byId(adapter).orElseThrow(() -> SalvoError.usage("no adapter '" + adapter
                + "' on Salvo's class path: add its module (salvo-" + adapter + ") to the installation"));
        if (a.options() != null) {
            try {
                new CommandLine(CommandLine.Model.CommandSpec.forAnnotatedObject(a.options())).parseArgs(options.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw SalvoError.usage("the " + adapter + " adapter refuses " + options + ": " + e.getMessage());
            }
        }
        Discovery found = a.discover(new DiscoveryRequest(directory, List.of(file), List.of(), true, passThrough));
        if (found.units().isEmpty()) {
            return Optional.empty();
        }
        RunSettings settings = new RunSettings(directory, 1, Duration.ZERO, "fresh", false, stopFirst, 0, passThrough);
        RunControl control = new RunControl();
        try (Execution execution = a.prepare(settings, found.units(), () -> History.NONE)) {
            Thread watch = watch(stop, runControl, control);
            try {
                List<UnitResult> results = execution.execute(List.of(PlannedUnit.whole(found.units().get(0))),
                        new RunEvents("sequence-item", event -> { }), control);
                return results.stream().findFirst();
            } finally {
                watch.interrupt();
            }
        }
    }

    /** Interrupts {@code control} when the item or the run stops. */
    private static Thread watch(Stop stop, RunControl runControl, RunControl control) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (stop.stopped() || runControl.isInterrupted()) {
                    control.interrupt();
                    return;
                }
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "seq-adapter-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
