package salvo.pytest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import salvo.error.SalvoError;
import salvo.serve.JoinToken;
import salvo.serve.JoinedRun;
import salvo.serve.ListeningWorker;
import salvo.serve.ServeAddress;
import salvo.worker.LocalTransport;
import salvo.worker.WorkerSpec;

/**
 * `salvo worker`: this machine runs a run's tests with its own pytest, started from this command
 * line only: the run sends work and a few data-only settings, never a command. It either joins a
 * run served with {@code salvo run --serve} ({@code --connect}), or waits for runs that name it
 * with {@code --tx socket=} ({@code --listen}).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join a running `salvo run --serve` as one more worker (--connect), or wait for runs that "
                + "name this machine with --tx socket=HOST:PORT (--listen): run their tests here, with this "
                + "machine's own interpreter and checkout."})
final class JoinCommand implements Callable<Integer> {
    @Option(names = "--connect", paramLabel = "HOST:PORT",
            description = "Where the run serves (default: the address in the token file).")
    String connect;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Listen here for runs (port 0: any free one) until Ctrl-C; --token-file is then written, "
                    + "for the runs' machines.")
    String listen;

    @Option(names = "--token-file", paramLabel = "FILE", required = true,
            description = "With --connect, the run's token file, copied from the run's machine; with --listen, where "
                    + "this worker writes its own (mode 0600).")
    Path tokenFile;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "The interpreter that runs the tests here (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--rootdir", paramLabel = "DIR",
            description = "The checkout here, as the run's rootdir: test ids are relative to it (default: the current directory).")
    Path rootdir;

    @Override
    public Integer call() {
        if (listen != null && connect != null) {
            throw SalvoError.usage("--listen and --connect: give one (listen for runs here, or join a served run)");
        }
        Path root = (rootdir == null ? Path.of("") : rootdir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw SalvoError.usage("--rootdir " + rootdir + ": no such directory");
        }
        return listen != null ? listen(root) : join(root);
    }

    private int join(Path root) {
        JoinToken token = readToken();
        String address = connect == null ? token.address() : connect.replaceFirst("^salvo://", "");
        try (JoinedRun run = JoinedRun.connect(address, token)) {
            int exit = work(run, root, "joined the run at " + address);
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

    /** Serves runs until Ctrl-C (or SIGTERM): each connection is one more worker of the run that made it. */
    private int listen(Path root) {
        ServeAddress address;
        try {
            address = ServeAddress.parse(listen);
        } catch (IllegalArgumentException e) {
            throw SalvoError.usage(e.getMessage().replace("--serve", "--listen"));
        }
        ListeningWorker listening;
        try {
            listening = ListeningWorker.open(address, tokenFile, line -> System.err.println("salvo: " + line));
        } catch (IOException e) {
            throw SalvoError.usage("--listen " + listen + ": cannot listen there: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            listening.close();
            stopped.countDown();
        }, "salvo-worker-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        System.err.println("salvo: listening on " + listening.address() + " (TLS); add this worker to a run with: "
                + "salvo run --tx socket=" + listening.address() + "//token_file=" + tokenFile
                + " (copy the file to the run's machine; it is secret: mode 0600)");
        listening.serve(run -> {
            try {
                int exit = work(run, root, "a run from " + run.peer());
                System.err.println("salvo: " + run.ref().label() + (exit < 0 ? ": the run's connection dropped"
                        : ": the run ended this worker (its pytest exited " + exit + ")"));
            } catch (IOException | SalvoError e) {
                System.err.println("salvo: " + run.ref().label() + ": " + e.getMessage());
            }
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Runs the run's tests here until it ends: the worker's exit status, or -1 when the connection dropped. */
    private int work(JoinedRun run, Path root, String what) throws IOException {
        JoinSettings settings;
        try {
            settings = JoinSettings.fromJson(run.settings());
        } catch (IllegalArgumentException e) {
            throw SalvoError.usage("the run at " + run.peer() + " sent settings this worker refuses: " + e.getMessage());
        }
        System.err.println("salvo: " + what + " as " + run.ref().label() + "; its tests run in " + root + " with "
                + python);
        return run.relay(new LocalTransport(), spec(settings, root));
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
