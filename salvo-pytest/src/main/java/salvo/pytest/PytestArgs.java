package salvo.pytest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import salvo.error.SalvoError;

/**
 * pytest's own options, as the user gave them after {@code --}: passed unchanged to every pytest
 * process, read where Salvo's own discovery must agree with pytest (the rootdir, the config
 * file, ignored paths), and refused with one line where they conflict with how Salvo runs
 * tests. Pure.
 *
 * @param forwarded everything, in order, for every pytest process, but the rootdir and the config
 *                  file: Salvo passes those as its discovery resolved them
 * @param rootdir   {@code --rootdir}, if given
 * @param config    {@code -c} / {@code --config-file}, if given
 * @param ignores   {@code --ignore} and {@code --ignore-glob} values: Salvo's discovery leaves them out too
 * @param debugger  {@code --pdb} or {@code --trace}: allowed in the foreground only
 * @param coverage  pytest-cov's {@code --cov} without {@code --no-cov}: its data is combined after the run
 * @param timeout   pytest-timeout's {@code --timeout}, if given
 */
record PytestArgs(List<String> forwarded, Optional<String> rootdir, Optional<String> config, List<String> ignores,
                  boolean debugger, boolean coverage, Optional<String> timeout) {

    /** pytest options that cannot work on Salvo's workers, and what to use instead. */
    private static final Map<String, String> REFUSED = new Refusals()
            .refuse("stops one worker only: use salvo's -s (stop at the first failure)", "-x", "--exitfirst")
            .refuse("counts within one worker only: use salvo's -s (stop at the first failure)", "--maxfail")
            .refuse("keeps its state in pytest's cache, which is off on workers: use salvo's --lf", "--sw", "--stepwise")
            .refuse("is pytest-xdist's: use salvo's -w/--workers", "-n", "--numprocesses")
            .refuse("is pytest-xdist's: use salvo's --dist", "--dist")
            .refuse("is pytest-xdist's: Salvo runs workers itself", "--tx")
            .refuse("reads pytest's cache, which is off on workers: use salvo's --lf (from Salvo's store)",
                    "--lf", "--last-failed")
            .refuse("reads pytest's cache, which is off on workers: use salvo's --ff (from Salvo's store)",
                    "--ff", "--failed-first")
            .refuse("would be written by every worker: use salvo's --junit-xml", "--junitxml", "--junit-xml")
            .refuse("is salvo run -l -v here", "--collect-only", "--collectonly", "--co")
            .refuse("names Salvo's paths: use salvo's --pyargs", "--pyargs")
            .refuse("is printed in pytest's summary, which workers do not show: use salvo's --durations N", "--durations")
            .refuse("is printed in pytest's summary, which workers do not show: use salvo's --durations N "
                    + "--durations-min S", "--durations-min")
            // After these pytest runs no test body: each worker would end its session at once (every
            // file an error), or report tests as passed that never ran.
            .refuseEach(option -> "runs no test's body, so nothing would pass or fail for real: run python -m pytest "
                    + option, "--setup-only", "--setuponly", "--setup-plan", "--setupplan")
            .refuseEach(option -> "prints pytest's own information instead of running tests: run python -m pytest "
                    + option, "--fixtures", "--funcargs", "--fixtures-per-test", "--markers", "--version", "-V",
                    "--help", "-h")
            .build();

    /** Builds {@link #REFUSED}: each option named once, with its reason. */
    private static final class Refusals {
        private final Map<String, String> map = new HashMap<>();

        Refusals refuse(String reason, String... options) {
            return refuseEach(option -> reason, options);
        }

        Refusals refuseEach(UnaryOperator<String> reason, String... options) {
            for (String option : options) {
                if (map.put(option, reason.apply(option)) != null) {
                    throw new IllegalStateException(option + " is refused twice");
                }
            }
            return this;
        }

        Map<String, String> build() {
            return Map.copyOf(map);
        }
    }

    /** pytest's short options that take a value: in {@code -rfE} or {@code -kfoo}, what follows is the value. */
    private static final String SHORT_WITH_VALUE = "kmpcoWr";

    /** The flags of a group of short options ({@code -vx}: "vx"), up to the first that takes a value. */
    private static String shortFlags(String arg) {
        if (arg.length() < 3 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
            return "";
        }
        StringBuilder flags = new StringBuilder();
        for (char c : arg.substring(1).toCharArray()) {
            flags.append(c);
            if (SHORT_WITH_VALUE.indexOf(c) >= 0) {
                break;
            }
        }
        return flags.toString();
    }

    private static final List<String> DEBUGGERS = List.of("--pdb", "--trace");

    static PytestArgs parse(List<String> args) {
        Optional<String> rootdir = Optional.empty();
        Optional<String> config = Optional.empty();
        List<String> ignores = new ArrayList<>();
        boolean debugger = false;
        boolean cov = false;
        boolean noCov = false;
        Optional<String> timeout = Optional.empty();
        List<String> forwarded = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String refused = name;
            String refusal = REFUSED.get(name);
            String flags = shortFlags(arg); // -x, -h or -V among other short flags: -vx, -qV
            for (int f = 0; refusal == null && f < flags.length(); f++) {
                refused = "-" + flags.charAt(f);
                refusal = REFUSED.get(refused);
            }
            if (refusal != null) {
                throw SalvoError.usage("pytest's " + refused + " (after --) " + refusal);
            }
            if (DEBUGGERS.contains(name)) {
                debugger = true;
            }
            Optional<String> value = valueOf(args, i, name, arg);
            boolean separateValue = value.isPresent() && !arg.contains("=");
            switch (name) {
                case "--rootdir" -> rootdir = value;
                case "-c", "--config-file" -> config = value;
                case "--ignore", "--ignore-glob" -> value.ifPresent(ignores::add);
                case "--cov" -> cov = true;
                case "--no-cov" -> noCov = true;
                case "--timeout" -> timeout = value;
                default -> { }
            }
            boolean resolvedBySalvo = name.equals("--rootdir") || name.equals("-c") || name.equals("--config-file");
            if (!resolvedBySalvo) {
                forwarded.add(arg);
                if (separateValue) {
                    forwarded.add(args.get(i + 1));
                }
            }
            if (separateValue) {
                i++;
            }
        }
        return new PytestArgs(forwarded, rootdir, config, ignores, debugger, cov && !noCov, timeout);
    }

    /** The value of an option written "--name=value" or "--name value" (also "-c value"). */
    private static Optional<String> valueOf(List<String> args, int i, String name, String arg) {
        if (!List.of("--rootdir", "-c", "--config-file", "--ignore", "--ignore-glob", "--timeout").contains(name)) {
            return Optional.empty();
        }
        if (arg.contains("=")) {
            return Optional.of(arg.substring(arg.indexOf('=') + 1));
        }
        if (i + 1 >= args.size()) {
            throw SalvoError.usage("pytest's " + name + " (after --) needs a value, e.g. " + name
                    + (name.equals("--timeout") ? " 60" : " DIR"));
        }
        return Optional.of(args.get(i + 1));
    }
}
