package salvo.sequence.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import salvo.sequence.python.Json;

/** JSON-RPC requests and the reply rules of 1.0 and 2.0 (§3.11, §9.8). */
class RpcFramesTest {
    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void requests() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[1],\"id\":7}",
                RpcFrames.request("2.0", "m", List.of(1L), 7L).toString());
        assertEquals("{\"method\":\"m\",\"params\":{\"a\":1},\"id\":\"x\"}",
                RpcFrames.request("1.0", "m", Map.of("a", 1L), "x").toString());
    }

    @Test
    void version2SucceedsWithoutAnErrorMember() throws Exception {
        RpcFrames.Outcome ok = RpcFrames.check("2.0", json("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"));
        assertTrue(ok.ok(), "a null result is a success: there is no error member");
        RpcFrames.Outcome err = RpcFrames.check("2.0", json("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":3,\"message\":\"no\"},\"id\":1}"));
        assertFalse(err.ok());
        assertEquals(Map.of("code", 3L, "message", "no"), err.value());
        assertEquals("the server answered an error: error 3: no", err.message());
        assertFalse(RpcFrames.check("2.0", json("{\"result\":1,\"id\":1}")).ok());
        assertFalse(RpcFrames.check("2.0", json("{\"jsonrpc\":\"2.0\",\"id\":1}")).ok());
    }

    @Test
    void version1NeedsAllThreeMembers() throws Exception {
        assertEquals(5L, RpcFrames.check("1.0", json("{\"result\":5,\"error\":null,\"id\":1}")).value());
        assertTrue(RpcFrames.check("1.0", json("{\"result\":5,\"id\":1}")).message()
                .startsWith("invalid reply: a JSON-RPC 1.0 reply needs result, error and id"));
        RpcFrames.Outcome err = RpcFrames.check("1.0", json("{\"result\":null,\"error\":\"busy\",\"id\":1}"));
        assertFalse(err.ok());
        assertEquals("busy", err.value());
    }

    @Test
    void idsAndRequests() throws Exception {
        assertTrue(RpcFrames.sameId(json("{\"id\":7}"), 7L));
        assertTrue(RpcFrames.sameId(json("{\"id\":\"7\"}"), 7L));
        assertFalse(RpcFrames.sameId(json("{\"id\":8}"), 7L));
        assertFalse(RpcFrames.sameId(json("{\"result\":1}"), 7L));
        assertTrue(RpcFrames.isRequest(json("{\"method\":\"event\"}")));
    }
}
