package salvo.sequence.plot;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One runtime plot (SEQUENCES.md §3.13), headless: its lines' points in order, and, when opened
 * with a log_path, one CSV per line appended as values come ({@code <log_path>/<line>.csv}).
 */
public final class Plot implements AutoCloseable {
    /** One value of a line, at a time in seconds since the run started. */
    public record Point(double seconds, double value) {}

    private final String name;
    private final Path logDir;
    private final Map<String, List<Point>> lines = new LinkedHashMap<>();
    private final Map<String, Writer> logs = new LinkedHashMap<>();

    public Plot(String name, Path logDir) throws IOException {
        this.name = name;
        this.logDir = logDir;
        if (logDir != null) {
            Files.createDirectories(logDir);
        }
    }

    public String name() {
        return name;
    }

    public synchronized void add(String line, double seconds, double value) throws IOException {
        lines.computeIfAbsent(line, l -> new ArrayList<>()).add(new Point(seconds, value));
        if (logDir != null) {
            Writer w = logs.get(line);
            if (w == null) {
                Path file = logDir.resolve(line + ".csv");
                boolean fresh = !Files.exists(file);
                w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (fresh) {
                    w.write("time,value\n");
                }
                logs.put(line, w);
            }
            w.write(number(seconds) + "," + number(value) + "\n");
            w.flush();
        }
    }

    /** The last value of each named line that has one; all lines when {@code names} is null. */
    public synchronized Map<String, Double> last(List<String> names) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : names == null ? new ArrayList<>(lines.keySet()) : names) {
            List<Point> points = lines.get(line);
            if (points != null && !points.isEmpty()) {
                out.put(line, points.get(points.size() - 1).value());
            }
        }
        return out;
    }

    public synchronized Map<String, List<Point>> lines() {
        Map<String, List<Point>> copy = new LinkedHashMap<>();
        lines.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** Every point as {@code line,time,value} rows, line by line. */
    public synchronized String csv() {
        StringBuilder b = new StringBuilder("line,time,value\n");
        lines.forEach((line, points) -> points.forEach(p -> b.append(csvField(line)).append(',').append(number(p.seconds()))
                .append(',').append(number(p.value())).append('\n')));
        return b.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%s", d);
    }

    @Override
    public synchronized void close() {
        for (Writer w : logs.values()) {
            try {
                w.close();
            } catch (IOException ignored) {
                // The log file is as complete as it can be.
            }
        }
        logs.clear();
    }
}
