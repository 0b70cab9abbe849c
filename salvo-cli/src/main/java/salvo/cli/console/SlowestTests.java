package salvo.cli.console;

import static salvo.cli.console.Columns.pad;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import salvo.model.RunRecord;
import salvo.model.TestResult;
import salvo.model.WorkerRef;

/**
 * {@code --durations}: the run's slowest tests, listed after its summary, for tests of every kind.
 * A test is listed with all of its time (its framework's setup and teardown included), each
 * attempt on its own line. Pure.
 */
public final class SlowestTests {
    /** {@code --durations-min}'s default, the usual 5 ms: quicker tests are left out of the list, and counted. */
    public static final double DEFAULT_MIN_SECONDS = 0.005;

    /**
     * @param count how many to list, 0 for all
     * @param min   tests quicker than this are left out, and counted
     */
    public record Asked(int count, Duration min) {
        public Asked {
            if (count < 0 || min.isNegative()) {
                throw new IllegalArgumentException("count and min must not be negative");
            }
        }
    }

    private SlowestTests() {}

    public static String render(RunRecord run, Asked asked, Style style) {
        // A test's own worker, else its unit's (a unit run whole: a fresh process, the foreground).
        List<TestResult> slowest = run.units().stream()
                .flatMap(u -> u.tests().stream().map(t -> t.worker().equals(WorkerRef.NONE) ? t.withWorker(u.worker())
                        : t))
                .filter(TestResult::isTest)
                .sorted(Comparator.comparing(TestResult::duration).reversed().thenComparing(TestResult::testId))
                .limit(asked.count() == 0 ? Long.MAX_VALUE : asked.count())
                .toList();
        StringBuilder s = new StringBuilder("\n")
                .append(style.bold(asked.count() == 0 ? "Slowest tests" : asked.count() == 1 ? "Slowest test"
                        : "Slowest " + asked.count() + " tests"))
                .append('\n');
        if (slowest.isEmpty()) {
            return s.append("  no test ran\n").toString();
        }
        int shown = 0;
        for (TestResult t : slowest) {
            if (t.duration().compareTo(asked.min()) < 0) {
                break;
            }
            s.append("  ").append(pad(Durations.format(t.duration()), 7)).append(' ').append(t.testId())
                    .append(t.attempt() > 1 ? " (attempt " + t.attempt() + ")" : "")
                    .append(t.worker().label().isEmpty() ? "" : style.dim("  [" + t.worker().label() + "]"))
                    .append('\n');
            shown++;
        }
        int hidden = slowest.size() - shown;
        if (hidden > 0) {
            s.append("  (").append(hidden).append(hidden == 1 ? " test" : " tests").append(" under ")
                    .append(seconds(asked.min())).append(" left out: --durations-min 0 lists them)\n");
        }
        return s.toString();
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }
}
