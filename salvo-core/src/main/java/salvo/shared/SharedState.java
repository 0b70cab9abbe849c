package salvo.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * State that tests in different workers share, served from the coordinator's memory: named
 * locks, a message board, trails (first in / last out) and session-once fixtures. A call that
 * must wait returns an incomplete future instead of blocking a thread, so one worker waiting
 * for a lock never holds up another worker's messages.
 *
 * <p>A worker that ends (or dies) releases its locks; a session-once owner's teardown waits
 * until every other worker has ended, because a worker still running may yet take the fixture.
 */
public final class SharedState implements AutoCloseable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, String> lockOwners = new HashMap<>();
    private final Map<String, Deque<Waiter>> lockWaiters = new HashMap<>();
    private final Map<String, JsonNode> board = new LinkedHashMap<>();
    private final Map<String, Trail> trails = new HashMap<>();
    private final Map<String, Once> onces = new HashMap<>();
    private final Set<String> liveWorkers = new HashSet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salvo-shared-timer");
        t.setDaemon(true);
        return t;
    });

    private record Waiter(String worker, CompletableFuture<JsonNode> reply) {}

    private static final class Trail {
        boolean started;
        int inside;
    }

    private static final class Once {
        String owner;
        JsonNode value;
        String error;
        boolean published;
        final Set<String> users = new HashSet<>();
        final List<CompletableFuture<JsonNode>> awaitingValue = new ArrayList<>();
        final List<CompletableFuture<JsonNode>> awaitingLast = new ArrayList<>();
    }

    public synchronized void workerStarted(String worker) {
        liveWorkers.add(worker);
    }

    /** The worker's session ended or its process died: free what it held, wake who waited on it. */
    public synchronized void workerEnded(String worker) {
        liveWorkers.remove(worker);
        for (String name : new ArrayList<>(lockOwners.keySet())) {
            if (worker.equals(lockOwners.get(name))) {
                release(worker, name);
            }
        }
        lockWaiters.values().forEach(q -> q.removeIf(w -> w.worker().equals(worker) && w.reply().cancel(false)));
        for (Once once : onces.values()) {
            once.users.remove(worker);
            if (worker.equals(once.owner) && !once.published) {
                publish(once, null, "the worker that set it up (" + worker + ") ended before publishing its value");
            }
        }
        onces.values().forEach(this::wakeOwnerIfLast);
    }

    /** Dispatches one protocol call; the future completes with the reply's value. */
    public synchronized CompletableFuture<JsonNode> call(String worker, String method, JsonNode args) {
        String name = args.path("name").asText("");
        String key = args.path("key").asText("");
        return switch (method) {
            case "lock.acquire" -> acquire(worker, name, seconds(args.path("timeout")));
            case "lock.release" -> done(JSON.booleanNode(release(worker, name)));
            case "board.get" -> done(board.getOrDefault(key, JSON.nullNode()));
            case "board.set" -> {
                board.put(key, args.path("value"));
                yield done(JSON.booleanNode(true));
            }
            case "board.setdefault" -> done(board.computeIfAbsent(key, k -> args.path("value")));
            case "board.delete" -> done(JSON.booleanNode(board.remove(key) != null));
            case "board.keys" -> {
                var keys = JSON.arrayNode();
                board.keySet().forEach(keys::add);
                yield done(keys);
            }
            case "trail.enter" -> done(JSON.booleanNode(enterTrail(name)));
            case "trail.leave" -> done(JSON.booleanNode(leaveTrail(name)));
            case "once.setup" -> onceSetup(worker, name);
            case "once.publish" -> {
                Once once = onces.computeIfAbsent(name, n -> new Once());
                publish(once, args.has("error") ? null : args.path("value"),
                        args.has("error") ? args.path("error").asText() : null);
                yield done(JSON.booleanNode(true));
            }
            case "once.release" -> {
                Once once = onces.computeIfAbsent(name, n -> new Once());
                once.users.remove(worker);
                wakeOwnerIfLast(once);
                yield done(JSON.booleanNode(true));
            }
            case "once.await_last" -> {
                CompletableFuture<JsonNode> last = new CompletableFuture<>();
                Once once = onces.computeIfAbsent(name, n -> new Once());
                once.awaitingLast.add(last);
                wakeOwnerIfLast(once);
                yield last;
            }
            default -> CompletableFuture.failedFuture(new IllegalArgumentException("unknown shared-state call '"
                    + method + "'"));
        };
    }

    private CompletableFuture<JsonNode> acquire(String worker, String name, Duration timeout) {
        String owner = lockOwners.get(name);
        if (owner == null) {
            lockOwners.put(name, worker);
            return done(JSON.booleanNode(true));
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        Waiter waiter = new Waiter(worker, reply);
        lockWaiters.computeIfAbsent(name, n -> new ArrayDeque<>()).add(waiter);
        if (timeout != null) {
            timer.schedule(() -> giveUp(name, waiter), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return reply;
    }

    private synchronized void giveUp(String name, Waiter waiter) {
        Deque<Waiter> queue = lockWaiters.get(name);
        if (queue != null && queue.remove(waiter)) {
            waiter.reply().complete(JSON.booleanNode(false));
        }
    }

    private boolean release(String worker, String name) {
        if (!worker.equals(lockOwners.get(name))) {
            return false;
        }
        lockOwners.remove(name);
        Deque<Waiter> queue = lockWaiters.getOrDefault(name, new ArrayDeque<>());
        Waiter next;
        while ((next = queue.poll()) != null) {
            if (next.reply().complete(JSON.booleanNode(true))) {
                lockOwners.put(name, next.worker());
                break;
            }
        }
        return true;
    }

    private boolean enterTrail(String name) {
        Trail trail = trails.computeIfAbsent(name, n -> new Trail());
        trail.inside++;
        boolean first = !trail.started;
        trail.started = true;
        return first;
    }

    private boolean leaveTrail(String name) {
        Trail trail = trails.computeIfAbsent(name, n -> new Trail());
        trail.inside = Math.max(0, trail.inside - 1);
        return trail.started && trail.inside == 0;
    }

    private CompletableFuture<JsonNode> onceSetup(String worker, String name) {
        Once once = onces.computeIfAbsent(name, n -> new Once());
        once.users.add(worker);
        if (once.owner == null) {
            once.owner = worker;
            ObjectNode role = JSON.objectNode().put("role", "owner");
            return done(role);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        if (once.published) {
            reply.complete(userReply(once));
        } else {
            once.awaitingValue.add(reply);
        }
        return reply;
    }

    private void publish(Once once, JsonNode value, String error) {
        once.published = true;
        once.value = value;
        once.error = error;
        once.awaitingValue.forEach(f -> f.complete(userReply(once)));
        once.awaitingValue.clear();
    }

    private static JsonNode userReply(Once once) {
        ObjectNode reply = JSON.objectNode().put("role", "user");
        if (once.error != null) {
            reply.put("error", once.error);
        } else {
            reply.set("value", once.value);
        }
        return reply;
    }

    /** The owner may tear down once no other worker uses the value and none is left that could still take it. */
    private void wakeOwnerIfLast(Once once) {
        if (once.awaitingLast.isEmpty()) {
            return;
        }
        boolean othersUsing = once.users.stream().anyMatch(u -> !u.equals(once.owner));
        boolean othersAlive = liveWorkers.stream().anyMatch(w -> !w.equals(once.owner));
        if (!othersUsing && !othersAlive) {
            once.awaitingLast.forEach(f -> f.complete(JSON.booleanNode(true)));
            once.awaitingLast.clear();
        }
    }

    private static Duration seconds(JsonNode n) {
        return n.isNumber() ? Duration.ofMillis((long) (n.asDouble() * 1000)) : null;
    }

    private static CompletableFuture<JsonNode> done(JsonNode value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
