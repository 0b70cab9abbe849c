package salvo.pytest;

import java.util.List;
import salvo.adapter.RunSettings;
import salvo.error.SalvoError;
import salvo.place.Place;
import salvo.worker.Losses;

/**
 * The pytest options that cannot go together with how the run is asked to run, each refused
 * with one line saying what to use instead, before anything starts. Pure.
 */
final class PytestRunRules {
    private PytestRunRules() {}

    /** @param foreground every file in one process on the terminal (-w 0, --pdb) */
    static void check(RunSettings run, PytestRunOptions options, PytestArgs pytestArgs, boolean foreground) {
        boolean serving = run.places().served().isPresent();
        if (pytestArgs.debugger() && !foreground) {
            throw SalvoError.usage("pytest's --pdb/--trace (after --) needs the terminal: use salvo's --pdb, or -w 0, "
                    + "which run the files in one foreground process");
        }
        if (foreground && (run.isolationAsked() && !run.isolation().equals("fresh") || run.retries() > 0)) {
            throw SalvoError.usage((options.pdb ? "--pdb" : "-w 0") + " runs every file in one foreground process: drop "
                    + (run.retries() > 0 ? "-r/--retries" : "--isolation " + run.isolation()));
        }
        if (!List.of("fresh", "persistent", "fork", "fork-test").contains(run.isolation())) {
            throw SalvoError.usage("--isolation " + run.isolation() + ": pytest files run with fresh, persistent, fork "
                    + "or fork-test");
        }
        if ((serving || !run.places().isLocal()) && (foreground || run.isolation().equals("fresh"))) {
            throw SalvoError.usage(serving ? "--serve feeds persistent workers that join the run: use --isolation "
                    + "persistent, fork or fork-test" + (foreground ? ", and not --pdb" : "")
                    : "--tx starts persistent workers in each environment: use --isolation persistent, fork or fork-test"
                    + (foreground ? ", and not -w 0 or --pdb" : ""));
        }
        if (pytestArgs.coverage() && !foreground && (serving || run.places().all().stream().anyMatch(Place::isRemote))) {
            throw SalvoError.usage("pytest-cov's --cov (after --) with workers on other hosts: their coverage data "
                    + "would stay there; measure coverage with workers here (drop --tx ssh=... and --serve)");
        }
        pytestArgs.timeout().filter(t -> options.testTimeout > 0).ifPresent(t -> {
            throw SalvoError.usage("--test-timeout " + Losses.seconds(PytestRunOptions.seconds(options.testTimeout))
                    + " and pytest-timeout's --timeout " + t + " (after --) both set every test's limit: give one of "
                    + "them (a test's timeout marker still sets its own)");
        });
        if (serving && options.distMode() == salvo.schedule.DistMode.EACH) {
            throw SalvoError.usage("--dist each with --serve: workers that join are not known in advance; use load, "
                    + "loadfile, loadscope or loadgroup");
        }
    }
}
