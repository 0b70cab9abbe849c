package salvo.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What a joining worker accepts from the run: these few values, as data, and nothing else. */
class JoinSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sent() {
        return (ObjectNode) new JoinSettings("not slow", "smoke", 2.5, "file", 3, "ab12").toJson();
    }

    @Test
    void readsBackWhatTheRunSent() {
        assertEquals(new JoinSettings("not slow", "smoke", 2.5, "file", 3, "ab12"), JoinSettings.fromJson(sent()));
    }

    @Test
    void refusesWhatIsNotOneOfItsSettings() {
        ObjectNode argv = sent();
        argv.putArray("argv").add("rm");
        assertEquals("the run sent a setting this worker does not take: argv",
                assertThrows(IllegalArgumentException.class, () -> JoinSettings.fromJson(argv)).getMessage());
        ObjectNode env = sent();
        env.putObject("env").put("PYTHONPATH", "/tmp/evil");
        assertThrows(IllegalArgumentException.class, () -> JoinSettings.fromJson(env));
        ObjectNode typed = sent().put("test_timeout", "10");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JoinSettings.fromJson(typed)).getMessage()
                .contains("test_timeout is not a number"));
        assertThrows(IllegalArgumentException.class, () -> JoinSettings.fromJson(JSON.createArrayNode()));
    }

    @Test
    void refusesExpressionsThatWouldBeReadAsOptionsAndUnknownForks() {
        assertThrows(IllegalArgumentException.class, () -> JoinSettings.fromJson(sent().put("markers", "-p evil")));
        assertThrows(IllegalArgumentException.class, () -> JoinSettings.fromJson(sent().put("keyword", "--pyargs")));
        assertThrows(IllegalArgumentException.class, () -> JoinSettings.fromJson(sent().put("fork", "sh -c x")));
        assertThrows(IllegalArgumentException.class, () -> JoinSettings.fromJson(sent().put("test_timeout", -1)));
    }
}
