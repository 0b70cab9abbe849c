package salvo.sequence.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import salvo.execute.ProcessTree;

/**
 * The Lua process of one lua_func {@code context_id}: started at its first call, kept for the
 * next ones (what tm.setgd stored that JSON cannot carry stays in it), ended with the sequence or
 * by a stop, which kills it (the next call starts a new one). One call at a time.
 */
final class LuaContext implements AutoCloseable {
    /** What the helper prints after each answer (see helper.lua): record separators around a word. */
    static final String DONE = "\u001esalvo-lua-done\u001e";
    private static final String EXITED = "\u0000exited";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private LuaContext(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "salvo-lua-context");
        reader.setDaemon(true);
        reader.start();
    }

    static LuaContext start(String lua, Path script, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(lua, script.toString(), "--serve")).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        return new LuaContext(pb.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // Killed: the end below says so.
        }
        lines.add(EXITED);
    }

    /** How a call ended: answered (the answer file is written), stopped (killed), or the process died. */
    enum Ending { ANSWERED, STOPPED, EXITED }

    /** Asks for one call; its printed lines go to {@code output} as they come. */
    synchronized Ending call(Path request, Path answer, Stop stop, Consumer<String> output) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((request + "\t" + answer + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        while (true) {
            String line;
            try {
                line = lines.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                return Ending.STOPPED;
            }
            if (line == null) {
                if (stop.stopped()) {
                    close();
                    return Ending.STOPPED;
                }
            } else if (line.equals(DONE)) {
                return Ending.ANSWERED;
            } else if (line.equals(EXITED)) {
                return Ending.EXITED;
            } else {
                output.accept(line);
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Its exit status once it ended (waiting a moment for it), -1 while it runs. */
    int exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        ProcessTree.kill(process);
    }
}
