package salvo.pytest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import salvo.error.SalvoError;
import salvo.serve.JoinToken;
import salvo.serve.JoinedRun;
import salvo.worker.LocalTransport;
import salvo.worker.WorkerSpec;

/**
 * `salvo worker --connect`: this machine joins a run served with {@code salvo run --serve} and
 * runs its tests with its own pytest, started from this command line only: the run sends work
 * and a few data-only settings, never a command.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Join a running `salvo run --serve` as one more worker: run its tests here, with this "
                + "machine's own interpreter and checkout, until the run ends.")
final class JoinCommand implements Callable<Integer> {
    @Option(names = "--connect", paramLabel = "HOST:PORT",
            description = "Where the run serves (default: the address in the token file).")
    String connect;

    @Option(names = "--token-file", paramLabel = "FILE", required = true,
            description = "The run's token file (token, certificate fingerprint, address), copied from the run's machine.")
    Path tokenFile;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "The interpreter that runs the tests here (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--rootdir", paramLabel = "DIR",
            description = "The checkout here, as the run's rootdir: test ids are relative to it (default: the current directory).")
    Path rootdir;

    @Override
    public Integer call() {
        JoinToken token = readToken();
        String address = connect == null ? token.address() : connect.replaceFirst("^salvo://", "");
        Path root = (rootdir == null ? Path.of("") : rootdir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw SalvoError.usage("--rootdir " + rootdir + ": no such directory");
        }
        try (JoinedRun run = JoinedRun.connect(address, token)) {
            JoinSettings settings;
            try {
                settings = JoinSettings.fromJson(run.settings());
            } catch (IllegalArgumentException e) {
                throw SalvoError.usage("the run at " + address + " sent settings this worker refuses: " + e.getMessage());
            }
            System.err.println("salvo: joined the run at " + address + " as " + run.ref().label() + "; its tests run in "
                    + root + " with " + python);
            int exit = run.relay(new LocalTransport(), spec(settings, root));
            if (exit < 0) {
                System.err.println("salvo: the connection to the run at " + address + " dropped; this worker stopped");
                return 1;
            }
            System.err.println("salvo: the run ended this worker (its pytest exited " + exit + ")");
            return exit <= 2 || exit == 5 ? 0 : 1;
        } catch (JoinedRun.Refused e) {
            throw SalvoError.usage(e.getMessage());
        } catch (IOException e) {
            throw SalvoError.usage("cannot join the run at " + address + ": " + e.getMessage());
        }
    }

    private JoinToken readToken() {
        try {
            return JoinToken.read(tokenFile);
        } catch (IOException e) {
            throw SalvoError.usage("--token-file " + tokenFile + ": cannot read it: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw SalvoError.usage("--token-file " + tokenFile + ": not a salvo token file: " + e.getMessage());
        }
    }

    /** The worker as a run of its own would start it, from this machine's options and the run's data. */
    private WorkerSpec spec(JoinSettings settings, Path root) {
        List<String> extra = new ArrayList<>(List.of("--rootdir=" + root));
        if (!settings.keyword().isEmpty()) {
            extra.add("-k");
            extra.add(settings.keyword());
        }
        PytestOptions options = new PytestOptions(python, settings.markers(), Duration.ZERO,
                Duration.ofMillis(Math.round(settings.testTimeout() * 1000)), PytestOptions.DEFAULT_HANG_GRACE, false,
                false, extra);
        List<String> command = PytestCommand.worker(options, false, settings.fork().isEmpty() ? null : settings.fork());
        return new WorkerSpec(command, PluginEnvironment.distributed(PythonPlugin.install(), settings.workers(),
                settings.testrunUid()), root, python, true, WorkerSpec.Io.CAPTURED);
    }
}
