package salvo.sequence.engine;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import salvo.execute.ProcessTree;
import salvo.execute.RunControl;
import salvo.model.WorkerRef;
import salvo.worker.WorkerHandle;

/**
 * One open console (§3.6): bytes in a buffer that read_until consumes, written text out, each
 * received line logged as {@code [HH:MM:SS name] ...}. A terminal is a shell process (its tree
 * killed at close, or by the run's stop through its handle); rawtcp and telnet are sockets; a
 * serial console is its device file.
 */
final class Connection implements AutoCloseable {
    /** read_until looks at the last 64 KiB of what it has not consumed (§3.6). */
    static final int WINDOW = 64 * 1024;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String name;
    private final OutputStream out;
    private final AutoCloseable resource;
    private final RunControl control;
    private final WorkerHandle handle;
    private final StringBuilder buffer = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private volatile boolean closed;

    private Connection(String name, InputStream in, OutputStream out, AutoCloseable resource, RunControl control,
                       WorkerHandle handle, Consumer<String> log) {
        this.name = name;
        this.out = out;
        this.resource = resource;
        this.control = control;
        this.handle = handle;
        Thread reader = new Thread(() -> pump(in, log), "seq-console-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static Connection terminal(String name, List<String> shell, Path dir, RunControl control, Consumer<String> log)
            throws IOException {
        Process p = new ProcessBuilder(shell).directory(dir.toFile()).redirectErrorStream(true).start();
        WorkerHandle handle = new WorkerHandle() {
            @Override
            public WorkerRef ref() {
                return WorkerRef.local("seq-console-" + name);
            }

            @Override
            public boolean send(com.fasterxml.jackson.databind.JsonNode message) {
                return false;
            }

            @Override
            public void kill() {
                ProcessTree.kill(p);
            }

            @Override
            public String outputTail() {
                return "";
            }
        };
        control.register(handle);
        return new Connection(name, p.getInputStream(), p.getOutputStream(), handle::kill, control, handle, log);
    }

    static Connection socket(String name, String host, int port, RunControl control, Consumer<String> log)
            throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setTcpNoDelay(true); // an operator's console: a short line leaves at once
        return new Connection(name, s.getInputStream(), s.getOutputStream(), s, control, null, log);
    }

    /** A telnet server: a socket, its option negotiation answered (every option refused) and its commands filtered out. */
    static Connection telnet(String name, String host, int port, RunControl control, Consumer<String> log)
            throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setTcpNoDelay(true); // an operator's console: a short line leaves at once
        OutputStream raw = s.getOutputStream();
        return new Connection(name, Telnet.reading(s.getInputStream(), raw), Telnet.writing(raw), s, control, null, log);
    }

    /**
     * A serial port (already set to its speed, raw, by stty): the device file read and written
     * as it is. A read blocked in the kernel does not end at close; its daemon thread ends with
     * the next byte or when the port goes away.
     */
    static Connection serial(String name, Path port, RunControl control, Consumer<String> log) throws IOException {
        FileInputStream in = new FileInputStream(port.toFile());
        FileOutputStream out;
        try {
            out = new FileOutputStream(port.toFile());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new Connection(name, in, out, in, control, null, log);
    }

    private void pump(InputStream in, Consumer<String> log) {
        byte[] chunk = new byte[4096];
        try {
            int n;
            while ((n = in.read(chunk)) > 0) {
                String text = new String(chunk, 0, n, StandardCharsets.UTF_8);
                // Logged before a read_until can see it: a line an item consumed is in the log when the item ends.
                for (char c : text.toCharArray()) {
                    if (c == '\n') {
                        log.accept("[" + LocalTime.now().format(CLOCK) + " " + name + "] " + line.toString().stripTrailing());
                        line.setLength(0);
                    } else {
                        line.append(c);
                    }
                }
                synchronized (buffer) {
                    buffer.append(text);
                    if (buffer.length() > 4 * WINDOW) {
                        buffer.delete(0, buffer.length() - WINDOW);
                    }
                    buffer.notifyAll();
                }
            }
        } catch (IOException e) {
            // Closed: what arrived is in the buffer.
        }
        closed = true;
        synchronized (buffer) {
            buffer.notifyAll();
        }
    }

    void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** What has arrived and is not consumed, its last WINDOW characters. */
    String unread() {
        synchronized (buffer) {
            return buffer.length() > WINDOW ? buffer.substring(buffer.length() - WINDOW) : buffer.toString();
        }
    }

    /** Consumes what arrived up to {@code end} of {@link #unread()}. */
    void consume(int end) {
        synchronized (buffer) {
            int offset = Math.max(0, buffer.length() - WINDOW);
            buffer.delete(0, Math.min(buffer.length(), offset + end));
        }
    }

    /** Waits up to {@code millis} for more to arrive. */
    void awaitMore(long millis) throws InterruptedException {
        synchronized (buffer) {
            buffer.wait(Math.max(1, millis));
        }
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // Already gone.
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // Already gone.
        }
        if (handle != null) {
            control.unregister(handle);
        }
    }
}
