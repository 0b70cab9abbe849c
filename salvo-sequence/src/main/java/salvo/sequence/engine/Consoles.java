package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.expr.Rules;
import salvo.sequence.load.Step;

/**
 * console and its actions (§3.6): connections named by console_name, open until close or the
 * end of the run, shared by later items. terminal, rawtcp, telnet (a socket speaking {@link Telnet},
 * port 23 by default, §9.9), serial (the device file, set up by stty) and ssh (the system's,
 * {@link SshConsole}) open.
 */
final class Consoles implements AutoCloseable {
    private final Engine engine;
    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    Consoles(Engine engine) {
        this.engine = engine;
    }

    /** The open connection named {@code console}, or null (json_rpc's console transport). */
    Connection connection(String console) {
        return open.get(console);
    }

    /** The console item: its actions in order, like a group. */
    Result run(Step step, Frame frame, boolean stopOnFailure) {
        return engine.children(step.children(), frame, stopOnFailure);
    }

    Result action(Step step, Frame frame) {
        String console = frame.parent == null ? "" : frame.parent.expandText(frame.parent.step.field("console_name"));
        String action = step.kind().substring(step.kind().indexOf('.') + 1);
        return switch (action) {
            case "open" -> open(console, frame);
            case "write", "writeln" -> write(console, frame, action.equals("writeln"));
            case "read_until" -> readUntil(console, frame);
            case "close" -> close(console);
            default -> Result.fail("console action '" + action + "' is not supported yet");
        };
    }

    private Result open(String console, Frame frame) {
        if (open.containsKey(console)) {
            return Result.fail("console '" + console + "' is already open; close it first");
        }
        String protocol = frame.expandText(frame.step.field("protocol"));
        try {
            Connection c = switch (protocol) {
                case "terminal" -> {
                    String shell = frame.step.has("shell") ? frame.expandText(frame.step.field("shell")) : "/usr/bin/env bash";
                    java.nio.file.Path dir = frame.step.has("terminal_path")
                            ? engine.testDirectory().resolve(frame.expandText(frame.step.field("terminal_path")))
                            : engine.testDirectory();
                    yield Connection.terminal(console, List.of(shell.split("\\s+")), dir, engine.control(), received(frame));
                }
                case "rawtcp" -> Connection.socket(console, frame.expandText(frame.step.field("tcp_host")),
                        port(frame.field("tcp_port"), -1), engine.control(), received(frame));
                case "telnet" -> Connection.telnet(console, frame.expandText(frame.step.field("telnet_host")),
                        port(frame.field("telnet_port"), 23), engine.control(), received(frame));
                case "serial" -> serial(console, frame);
                case "ssh" -> SshConsole.open(console, frame, engine.testDirectory(), engine.control(), received(frame));
                default -> null;
            };
            if (c == null) {
                return Result.fail("console protocol '" + protocol + "' is not one of terminal, rawtcp, telnet, serial, ssh");
            }
            open.put(console, c);
            return Result.pass();
        } catch (IOException | IllegalArgumentException e) {
            return Result.fail("console '" + console + "' could not open (" + protocol + "): " + e.getMessage());
        }
    }

    /**
     * serial: serial_port set to serial_baudrate, raw and without echo, by stty (through the
     * transport, like every child of an item), then opened as a file.
     */
    private Connection serial(String console, Frame frame) throws IOException {
        Path port = engine.testDirectory().resolve(frame.expandText(frame.step.field("serial_port")));
        int baud = port(frame.field("serial_baudrate"), -1);
        if (!Files.exists(port)) {
            throw new IOException("no serial port at " + port);
        }
        StringBuilder said = new StringBuilder();
        ChildProcess.End end = ChildProcess.run(List.of("stty", "-F", port.toString(), Integer.toString(baud), "raw",
                "-echo"), engine.testDirectory(), frame.stop, engine.control(), line -> said.append(line).append(' '));
        if (end.exitCode() != 0) {
            throw new IOException("stty cannot set " + port + " to " + baud + " baud: " + said.toString().strip());
        }
        return Connection.serial(console, port, engine.control(), received(frame));
    }

    /** Received lines go to the live log, with the branch prefix of the item that opened the console. */
    private java.util.function.Consumer<String> received(Frame frame) {
        String prefix = frame.prefix;
        return line -> engine.log().line(prefix + line);
    }

    private static int port(Object value, int fallback) {
        if (value == null && fallback > 0) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        return Integer.parseInt(PyRepr.str(value).strip());
    }

    private Result write(String console, Frame frame, boolean newline) {
        Connection c = open.get(console);
        if (c == null) {
            return Result.fail("console '" + console + "' is not open; open it first");
        }
        String text = frame.expandText(frame.step.field("value"));
        try {
            c.write(newline ? text + "\n" : text);
        } catch (IOException e) {
            return Result.fail("console '" + console + "': write failed: " + e.getMessage());
        }
        frame.log("[>" + console + "] : " + text);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("data", text);
        return new Result(Verdict.PASS, null, "", data);
    }

    private Result readUntil(String console, Frame frame) {
        Connection c = open.get(console);
        if (c == null) {
            return Result.fail("console '" + console + "' is not open; open it first");
        }
        Object expected = frame.field("expected");
        List<String> wanted = new ArrayList<>();
        (expected instanceof List<?> l ? l : List.of(expected)).forEach(e -> wanted.add(PyRepr.str(e)));
        boolean regex = frame.step.has("regex") && Rules.truthy(frame.field("regex"));
        double timeout = frame.step.has("timeout") ? Basics.seconds(frame.field("timeout")) : -1;
        List<Pattern> patterns = new ArrayList<>();
        try {
            for (String w : wanted) {
                patterns.add(regex ? Pattern.compile(w) : Pattern.compile(Pattern.quote(w)));
            }
        } catch (PatternSyntaxException e) {
            return Result.fail("read_until: '" + e.getPattern() + "' is not a valid regex: " + e.getDescription());
        }
        long deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
        String cnName = "cn_" + (frame.parent == null ? "" : frame.parent.step.name());
        while (true) {
            String text = c.unread();
            for (int i = 0; i < patterns.size(); i++) {
                Matcher m = patterns.get(i).matcher(text);
                if (m.find()) {
                    String read = text.substring(0, m.end());
                    c.consume(m.end());
                    engine.dictionary().set(cnName, read);
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("data", read);
                    data.put("matched", wanted.get(i));
                    return new Result(Verdict.PASS, read, "", data);
                }
            }
            String tail = text.length() > 200 ? text.substring(text.length() - 200) : text;
            if (frame.stop.stopped()) {
                engine.dictionary().set(cnName, text);
                return Result.fail("read_until stopped before " + PyRepr.repr(wanted) + "; last received: " + tail);
            }
            if (System.nanoTime() > deadline || c.closed() && c.unread().equals(text)) {
                engine.dictionary().set(cnName, text);
                return Result.fail("read_until: " + PyRepr.repr(wanted) + (c.closed() ? " never came (the console closed)"
                        : " not received within " + PyRepr.str(timeout) + " s") + "; last received: " + tail);
            }
            try {
                c.awaitMore(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.fail("read_until interrupted");
            }
        }
    }

    private Result close(String console) {
        Connection c = open.remove(console);
        if (c != null) {
            c.close();
        }
        return Result.pass();
    }

    @Override
    public void close() {
        open.values().forEach(Connection::close);
        open.clear();
    }
}
