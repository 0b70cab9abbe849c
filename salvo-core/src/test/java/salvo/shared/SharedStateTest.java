package salvo.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SharedState state = new SharedState();

    @AfterEach
    void close() {
        state.close();
    }

    private CompletableFuture<JsonNode> call(String worker, String method, String args) throws Exception {
        return state.call(worker, method, JSON.readTree(args));
    }

    @Test
    void aLockIsHeldByOneWorkerAndPassesToTheNextInLine() throws Exception {
        assertTrue(call("gw1", "lock.acquire", "{\"name\":\"db\"}").get().asBoolean());
        CompletableFuture<JsonNode> second = call("gw2", "lock.acquire", "{\"name\":\"db\"}");
        assertFalse(second.isDone(), "gw2 waits while gw1 holds the lock");
        assertFalse(call("gw2", "lock.release", "{\"name\":\"db\"}").get().asBoolean(), "only the holder releases");
        assertTrue(call("gw1", "lock.release", "{\"name\":\"db\"}").get().asBoolean());
        assertTrue(second.get(1, TimeUnit.SECONDS).asBoolean());
    }

    @Test
    void aDeadWorkersLocksAreReleased() throws Exception {
        call("gw1", "lock.acquire", "{\"name\":\"db\"}").get();
        CompletableFuture<JsonNode> waiting = call("gw2", "lock.acquire", "{\"name\":\"db\"}");
        state.workerEnded("gw1");
        assertTrue(waiting.get(1, TimeUnit.SECONDS).asBoolean());
    }

    @Test
    void acquireTimesOut() throws Exception {
        call("gw1", "lock.acquire", "{\"name\":\"db\"}").get();
        assertFalse(call("gw2", "lock.acquire", "{\"name\":\"db\",\"timeout\":0.1}").get(2, TimeUnit.SECONDS).asBoolean());
        call("gw1", "lock.release", "{\"name\":\"db\"}").get();
        assertTrue(call("gw3", "lock.acquire", "{\"name\":\"db\"}").get().asBoolean(), "the timed-out waiter did not take it");
    }

    @Test
    void boardKeepsJsonValues() throws Exception {
        call("gw1", "board.set", "{\"key\":\"k\",\"value\":{\"a\":[1,2]}}").get();
        assertEquals("{\"a\":[1,2]}", call("gw2", "board.get", "{\"key\":\"k\"}").get().toString());
        assertEquals("{\"a\":[1,2]}", call("gw2", "board.setdefault", "{\"key\":\"k\",\"value\":3}").get().toString());
        assertEquals("[\"k\"]", call("gw2", "board.keys", "{}").get().toString());
        assertTrue(call("gw2", "board.get", "{\"key\":\"missing\"}").get().isNull());
    }

    @Test
    void trailHasOneFirstAndOneLast() throws Exception {
        assertTrue(call("gw1", "trail.enter", "{\"name\":\"t\"}").get().asBoolean());
        assertFalse(call("gw2", "trail.enter", "{\"name\":\"t\"}").get().asBoolean());
        assertFalse(call("gw1", "trail.leave", "{\"name\":\"t\"}").get().asBoolean());
        assertTrue(call("gw2", "trail.leave", "{\"name\":\"t\"}").get().asBoolean());
    }

    @Test
    void onceHasOneOwnerUsersGetItsValueAndTeardownWaitsForEveryoneElse() throws Exception {
        state.workerStarted("gw1");
        state.workerStarted("gw2");
        assertEquals("owner", call("gw1", "once.setup", "{\"name\":\"db\"}").get().path("role").asText());
        CompletableFuture<JsonNode> user = call("gw2", "once.setup", "{\"name\":\"db\"}");
        assertFalse(user.isDone(), "users wait for the owner's value");
        call("gw1", "once.publish", "{\"name\":\"db\",\"value\":\"postgres://x\"}").get();
        assertEquals("postgres://x", user.get(1, TimeUnit.SECONDS).path("value").asText());

        call("gw1", "once.release", "{\"name\":\"db\"}").get();
        CompletableFuture<JsonNode> last = call("gw1", "once.await_last", "{\"name\":\"db\"}");
        assertFalse(last.isDone(), "gw2 still uses it");
        call("gw2", "once.release", "{\"name\":\"db\"}").get();
        assertFalse(last.isDone(), "gw2 is alive and could take it again");
        state.workerEnded("gw2");
        assertTrue(last.get(1, TimeUnit.SECONDS).asBoolean());
    }

    @Test
    void usersLearnWhenTheOwnerFailedOrDied() throws Exception {
        state.workerStarted("gw1");
        call("gw1", "once.setup", "{\"name\":\"a\"}").get();
        call("gw1", "once.publish", "{\"name\":\"a\",\"error\":\"RuntimeError: no db\"}").get();
        assertEquals("RuntimeError: no db", call("gw2", "once.setup", "{\"name\":\"a\"}").get().path("error").asText());

        call("gw1", "once.setup", "{\"name\":\"b\"}").get();
        CompletableFuture<JsonNode> user = call("gw2", "once.setup", "{\"name\":\"b\"}");
        state.workerEnded("gw1");
        assertTrue(user.get(1, TimeUnit.SECONDS).path("error").asText().contains("gw1"));
    }
}
