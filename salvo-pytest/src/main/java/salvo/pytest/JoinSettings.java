package salvo.pytest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * What a run tells a pytest worker that joins it: data only, never a command line, a path or an
 * environment. The worker builds its own command from its own options and these few values, and
 * refuses anything else. Pure.
 *
 * @param markers     the -m expression (pytest parses it; it is never evaluated as Python)
 * @param keyword     the -k expression, empty for none
 * @param testTimeout the per-test timeout in seconds, 0 for none
 * @param fork        "file", "test" or empty: the run's fork isolation
 * @param workers     how many workers the run started itself (xdist's worker count)
 * @param testrunUid  the run's one id (xdist's testrunuid)
 */
public record JoinSettings(String markers, String keyword, double testTimeout, String fork, int workers,
                           String testrunUid) {
    private static final Set<String> KEYS = Set.of("markers", "keyword", "test_timeout", "fork", "workers", "testrun_uid");

    public JoinSettings {
        refuseOption("-m", markers);
        refuseOption("-k", keyword);
        if (!(testTimeout >= 0) || Double.isInfinite(testTimeout)) {
            throw new IllegalArgumentException("test_timeout must be a number of seconds, 0 or more");
        }
        if (!Set.of("", "file", "test").contains(fork)) {
            throw new IllegalArgumentException("fork must be file, test or empty, not '" + fork + "'");
        }
        if (workers < 0 || !testrunUid.matches("[0-9a-f]{0,64}")) {
            throw new IllegalArgumentException("workers and testrun_uid are a count and a hex id");
        }
    }

    /** An expression is one argument after its option: one that looks like an option would be read as one. */
    private static void refuseOption(String option, String expression) {
        if (expression.startsWith("-") || expression.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(option + " expression '" + expression + "' is not an expression");
        }
    }

    public JsonNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("markers", markers).put("keyword", keyword).put("test_timeout", testTimeout).put("fork", fork)
                .put("workers", workers).put("testrun_uid", testrunUid);
        return n;
    }

    /** Reads what a run sent; anything unknown or of the wrong type is refused, not ignored. */
    public static JoinSettings fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the run sent no settings");
        }
        n.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("the run sent a setting this worker does not take: " + key);
            }
        });
        return new JoinSettings(text(n, "markers"), text(n, "keyword"), number(n, "test_timeout"), text(n, "fork"),
                (int) number(n, "workers"), text(n, "testrun_uid"));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("the run's setting " + key + " is not a string");
        }
        return v.asText();
    }

    private static double number(JsonNode n, String key) {
        JsonNode v = n.path(key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("the run's setting " + key + " is not a number");
        }
        return v.asDouble();
    }
}
