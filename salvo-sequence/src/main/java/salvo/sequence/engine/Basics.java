package salvo.sequence.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import salvo.model.Measurement;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;

/** let, check and sleep (§3.3 to §3.5). */
final class Basics {
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([dhms])\\s*");
    private static final long POLL_MILLIS = 50;

    private Basics() {}

    static Result let(Frame frame) {
        Object values = frame.step.field("values");
        List<?> maps = values instanceof List<?> l ? l : List.of(values);
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object entry : maps) {
            if (!(entry instanceof Map<?, ?> m)) {
                return Result.fail("let values must be mappings (name: value), got " + PyRepr.repr(entry));
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                // Stored at once, so later entries see earlier ones.
                String key = frame.expandText(e.getKey());
                Object value = frame.expand(e.getValue());
                frame.dictionary().set(key, value);
                frame.info("global value \"" + key + "\" set to \"" + PyRepr.str(value) + "\"");
                data.put(key, value);
            }
        }
        return new Result(Verdict.PASS, null, "", data);
    }

    static Result check(Step step, Frame frame) {
        Object raw = step.field("values");
        List<?> values = raw instanceof List<?> l ? l : List.of(raw);
        List<Measurement> measured = new ArrayList<>();
        for (Object v : values) {
            Object value = frame.expand(v);
            CheckMeasurements.of(v, frame).ifPresent(measured::add);
            if (!(value instanceof Boolean b)) {
                return Result.fail("Check value '" + PyRepr.str(v) + "' is not a boolean (it gave " + PyRepr.repr(value)
                        + "); write a comparison in <| |>").withMeasurements(measured);
            }
            if (!b) {
                return Result.fail("Check failed: '" + PyRepr.str(v) + "' evaluated to False").withMeasurements(measured);
            }
        }
        return Result.pass().withMeasurements(measured);
    }

    static Result sleep(Frame frame) {
        Object timeout = frame.field("timeout");
        double seconds;
        try {
            seconds = seconds(timeout);
        } catch (IllegalArgumentException e) {
            return Result.fail(e.getMessage());
        }
        frame.info("sleeping " + PyRepr.str(seconds) + " s");
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (frame.stop.stopped()) {
                return Result.fail("Sleep aborted on stop request");
            }
            long left = (end - System.nanoTime()) / 1_000_000;
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.fail("Sleep aborted on stop request");
            }
        }
        return Result.pass();
    }

    /** Seconds from a number, digits, or "2d 5h 30m 10s". */
    static double seconds(Object timeout) {
        if (timeout instanceof Number n) {
            return n.doubleValue();
        }
        String text = PyRepr.str(timeout).strip();
        if (text.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(text);
        }
        Matcher m = DURATION.matcher(text);
        double total = 0;
        int at = 0;
        while (m.lookingAt()) {
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "d" -> n * 86400;
                case "h" -> n * 3600;
                case "m" -> n * 60;
                default -> n;
            };
            at = m.end();
            m.region(at, text.length());
        }
        if (at != text.length() || text.isEmpty()) {
            throw new IllegalArgumentException("sleep timeout '" + text + "' is not seconds or a duration like \"1h 30m 10s\"");
        }
        return total;
    }
}
