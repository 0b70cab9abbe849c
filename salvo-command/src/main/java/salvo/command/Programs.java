package salvo.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import salvo.error.SalvoError;

/**
 * Finds out, before anything starts, whether a command's program exists: the program of an
 * argv, or the first word of a simple shell line. A shell line whose first word is a builtin, a
 * keyword or anything the shell would expand cannot be judged without running it; then the
 * run-time fallback (exit 127, "command not found") says so instead.
 */
final class Programs {
    /** Words the shell runs itself, or that start a compound command: never looked up on PATH. */
    private static final Set<String> SHELL_WORDS = Set.of("!", "{", "}", "[", "[[", ".", ":", "alias", "bg", "break",
            "case", "cd", "command", "continue", "do", "done", "echo", "elif", "else", "esac", "eval", "exec", "exit",
            "export", "false", "fg", "fi", "for", "function", "getopts", "hash", "if", "in", "jobs", "kill", "local",
            "printf", "pwd", "read", "readonly", "return", "select", "set", "shift", "source", "test", "then", "time",
            "times", "trap", "true", "type", "ulimit", "umask", "unalias", "unset", "until", "wait", "while");
    /** A word with nothing for the shell to expand or interpret. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./+,@%-]+");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_./+,@%:=-]*");

    private Programs() {}

    /** Throws a one-line usage error naming the command and where it was declared when its program is missing. */
    static void check(CommandSpec spec) {
        Optional<String> program = program(spec.run());
        if (program.isEmpty()) {
            return;
        }
        String word = program.get();
        if (word.contains("/")) {
            Path file;
            try {
                file = spec.cwd().resolve(word);
            } catch (InvalidPathException e) {
                return;
            }
            if (!Files.isRegularFile(file)) {
                throw missing(spec, "'" + word + "' is not a file (" + file.normalize() + ")", "fix run, or create it");
            }
            if (!Files.isExecutable(file)) {
                throw missing(spec, "'" + word + "' is not executable (" + file.normalize() + ")",
                        "chmod +x it, or run it through its interpreter");
            }
            return;
        }
        if (!onPath(word, searchPath(spec))) {
            throw missing(spec, "'" + word + "' is not on PATH", "install it, or fix run (PATH is " + searchPath(spec) + ")");
        }
    }

    /** The program to look for, or empty when it cannot be known without running the shell. */
    static Optional<String> program(CommandSpec.Run run) {
        if (run instanceof CommandSpec.Argv argv) {
            return Optional.of(argv.args().get(0));
        }
        return firstWord(((CommandSpec.Shell) run).line());
    }

    /** The first word of a simple shell line, after any plain {@code VAR=value} assignments. */
    static Optional<String> firstWord(String line) {
        int i = 0;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && ";&|<>()".indexOf(line.charAt(i)) < 0) {
                i++;
            }
            String word = line.substring(start, i);
            if (ASSIGNMENT.matcher(word).matches()) {
                continue;
            }
            if (word.isEmpty() || !PLAIN.matcher(word).matches() || SHELL_WORDS.contains(word)) {
                return Optional.empty();
            }
            return Optional.of(word);
        }
    }

    /**
     * Where the program is looked up. Java starts an argv with its own PATH; the shell uses the
     * command's environment, so a PATH set in {@code env} counts for shell lines only.
     */
    private static String searchPath(CommandSpec spec) {
        String inherited = System.getenv().getOrDefault("PATH", "");
        return spec.run() instanceof CommandSpec.Shell ? spec.env().getOrDefault("PATH", inherited) : inherited;
    }

    private static boolean onPath(String word, String path) {
        for (String dir : path.split(File.pathSeparator, -1)) {
            try {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(word);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            } catch (InvalidPathException e) {
                // A PATH entry that is no path finds nothing.
            }
        }
        return false;
    }

    private static SalvoError missing(CommandSpec spec, String what, String todo) {
        return SalvoError.usage(spec.origin() + ": command " + spec.name() + " cannot run: " + what + "; " + todo);
    }
}
