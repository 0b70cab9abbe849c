package salvo.sequence.load;

import java.util.List;
import java.util.Optional;

/** A composed YAML node with its place in the source file, scalars already resolved YAML 1.1-style. */
public sealed interface YNode {
    Mark mark();

    /** A scalar: its resolved value (String, Long, BigInteger, Double, Boolean, LocalDate, or null). */
    record Scalar(Object value, Mark mark) implements YNode {}

    record Seq(List<YNode> items, Mark mark) implements YNode {
        public Seq {
            items = List.copyOf(items);
        }
    }

    record Map(List<Entry> entries, Mark mark) implements YNode {
        public Map {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        public Optional<YNode> get(String key) {
            return entry(key).map(Entry::value);
        }
    }

    /** One key of a mapping: keys are text (the original stringifies them), with their own mark. */
    record Entry(String key, Mark keyMark, YNode value) {}

    /** {@code !include ARG} or {@code !raw_include ARG}, not resolved yet. */
    record Include(boolean raw, YNode argument, Mark mark) implements YNode {}

    static boolean isNull(YNode node) {
        return node == null || node instanceof Scalar s && s.value() == null;
    }
}
