package salvo.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One command to run as a test unit, as the user declared it (a salvo.yaml entry or a
 * {@code --command}), already checked: a valid name, something to run, a directory that exists.
 *
 * @param name    unique among the run's commands; what a PATH on the command line names
 * @param run     what to start
 * @param cwd     the absolute directory it starts in
 * @param env     added to the inherited environment
 * @param timeout its own limit, or empty for the run's
 * @param junit   the JUnit XML report it writes, relative to {@code cwd}; may be a glob
 * @param origin  where it was declared ("salvo.yaml:4:5", "--command lint=..."), for errors
 */
public record CommandSpec(String name, Run run, Path cwd, Map<String, String> env, Optional<Duration> timeout,
                          Optional<String> junit, String origin) {
    /** The prefix of every unit id: a relative file path never starts like this, so no unit id collides. */
    public static final String UNIT_PREFIX = "command:";

    static final Pattern NAME = salvo.project.EntryName.PATTERN;
    static final String NAME_RULE = salvo.project.EntryName.RULE;

    /** What a command runs: a shell line ({@code /bin/sh -c}) or an argv started directly. */
    public sealed interface Run permits Shell, Argv {
        List<String> argv();

        /** How the user wrote it, for listings and errors. */
        String text();
    }

    public record Shell(String line) implements Run {
        @Override
        public List<String> argv() {
            return List.of("/bin/sh", "-c", line);
        }

        @Override
        public String text() {
            return line;
        }
    }

    public record Argv(List<String> args) implements Run {
        public Argv {
            args = List.copyOf(args);
            if (args.isEmpty()) {
                throw new IllegalArgumentException("an argv needs a program");
            }
        }

        @Override
        public List<String> argv() {
            return args;
        }

        @Override
        public String text() {
            return String.join(" ", args);
        }
    }

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(env);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(junit, "junit");
        Objects.requireNonNull(origin, "origin");
    }

    /** "command:lint": the unit's id, stable across runs. */
    public String unitId() {
        return unitId(name);
    }

    public static String unitId(String name) {
        return UNIT_PREFIX + name;
    }

    /** Its limit: its own, else the run's (zero for none). */
    public Duration timeoutOr(Duration runTimeout) {
        return timeout.orElse(runTimeout);
    }
}
