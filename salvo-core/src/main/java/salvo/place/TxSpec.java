package salvo.place;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One execution environment as xdist's {@code --tx} writes it (execnet's keys):
 * {@code [N*]popen[//python=EXE][//chdir=DIR][//env:NAME=VALUE][//id=NAME]},
 * {@code [N*]ssh=[user@]host[//python=EXE][//chdir=DIR][//ssh_config=FILE]...} or
 * {@code [N*]socket=HOST:PORT//token_file=FILE[//id=NAME]}. Pure.
 *
 * <p>A socket environment is a {@code salvo worker --listen} there, never xdist's socket server
 * (which runs whatever it is sent): the token file it wrote authenticates the run to it, and it
 * picks its own interpreter and checkout, so python=, chdir= and env: are not taken.
 *
 * @param text        what the user wrote, for messages
 * @param count       how many workers it runs
 * @param destination for ssh, {@code [user@]host}; for socket, {@code HOST:PORT}; empty for popen
 * @param tokenFile   for socket, the listening worker's token file
 */
public record TxSpec(String text, int count, Kind kind, String destination, Optional<String> python,
                     Optional<String> chdir, Map<String, String> environment, Optional<String> id,
                     Optional<String> sshConfig, Optional<String> tokenFile) {
    public enum Kind { POPEN, SSH, SOCKET }

    private static final int MAX_COUNT = 512;

    public TxSpec {
        environment = Map.copyOf(environment);
    }

    /**
     * The host as workers are labelled with it: the destination without its user (ssh), the
     * listening worker's address (socket: one machine may listen on several ports); empty for popen.
     */
    public String host() {
        return id.orElseGet(() -> switch (kind) {
            case POPEN -> "";
            case SSH -> destination.substring(destination.indexOf('@') + 1);
            case SOCKET -> destination;
        });
    }

    /**
     * What its results are called under --dist each over several environments: its id=, else
     * its host (ssh) and interpreter, else its interpreter's name, else "popen".
     */
    public String environmentName() {
        Optional<String> interpreter = python.map(p -> java.nio.file.Path.of(p).getFileName().toString());
        return id.orElseGet(() -> kind == Kind.SSH ? host() + interpreter.map(p -> "-" + p).orElse("")
                : kind == Kind.SOCKET ? host() : interpreter.orElse("popen"));
    }

    /** Parses one spec; the exception's message names the spec and what to write instead. */
    public static TxSpec parse(String text) {
        String rest = text.strip();
        int count = 1;
        int star = rest.indexOf('*');
        if (star >= 0 && !rest.substring(0, star).contains("//")) {
            count = count(text, rest.substring(0, star));
            rest = rest.substring(star + 1);
        }
        String[] parts = rest.split("//", -1);
        String head = parts[0];
        Kind kind;
        String destination = "";
        if (head.equals("popen")) {
            kind = Kind.POPEN;
        } else if (head.startsWith("ssh=")) {
            kind = Kind.SSH;
            destination = head.substring(4);
            if (!destination.matches("([A-Za-z0-9._-]+@)?[A-Za-z0-9._:-]+")) {
                throw bad(text, "'" + destination + "' is not a host: write ssh=[user@]host");
            }
        } else if (head.startsWith("socket=")) {
            kind = Kind.SOCKET;
            destination = head.substring(7);
            try {
                if (salvo.serve.ServeAddress.parse(destination).port() == 0) {
                    throw new IllegalArgumentException("port 0");
                }
            } catch (IllegalArgumentException e) {
                throw bad(text, "'" + destination + "' is not HOST:PORT, the address `salvo worker --listen` printed");
            }
        } else {
            throw bad(text, "'" + head + "' is not an environment: begin with popen, ssh=[user@]host or socket=HOST:PORT");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw bad(text, "'" + part + "' is not KEY=VALUE");
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            if (key.startsWith("env:")) {
                String name = key.substring(4);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw bad(text, "'" + name + "' is not an environment variable name");
                }
                env.put(name, value);
            } else if (takes(kind, key)) {
                if (value.isEmpty()) {
                    throw bad(text, key + "= needs a value");
                }
                keys.put(key, value);
            } else if (kind == Kind.SOCKET) {
                throw bad(text, key.equals("python") || key.equals("chdir") ? "the listening worker chooses its "
                        + key + ": give it to `salvo worker --listen` there (--" + (key.equals("chdir") ? "rootdir" : key)
                        + ")" : "unknown key '" + key + "': use token_file= or id=");
            } else {
                throw bad(text, "unknown key '" + key + "': use python=, chdir=, env:NAME=, id="
                        + (kind == Kind.SSH ? " or ssh_config=" : ""));
            }
        }
        if (kind == Kind.SOCKET && !env.isEmpty()) {
            throw bad(text, "the listening worker chooses its environment: set it where `salvo worker --listen` runs");
        }
        if (kind == Kind.SOCKET && !keys.containsKey("token_file")) {
            throw bad(text, "needs //token_file=FILE: the token file `salvo worker --listen` wrote there, copied here");
        }
        return new TxSpec(text, count, kind, destination, Optional.ofNullable(keys.get("python")),
                Optional.ofNullable(keys.get("chdir")), env, Optional.ofNullable(keys.get("id")),
                Optional.ofNullable(keys.get("ssh_config")), Optional.ofNullable(keys.get("token_file")));
    }

    /** The keys each kind of environment takes, besides env:. */
    private static boolean takes(Kind kind, String key) {
        return switch (kind) {
            case POPEN -> key.equals("python") || key.equals("chdir") || key.equals("id");
            case SSH -> key.equals("python") || key.equals("chdir") || key.equals("id") || key.equals("ssh_config");
            case SOCKET -> key.equals("token_file") || key.equals("id");
        };
    }

    private static int count(String text, String digits) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1 && n <= MAX_COUNT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw bad(text, "'" + digits + "*' must be a number of workers from 1 to " + MAX_COUNT);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("--tx " + text + ": " + why);
    }
}
