package salvo.pytest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import salvo.event.RunListener;
import salvo.event.TestFinished;
import salvo.event.TestStarted;
import salvo.model.Failure;
import salvo.model.TestResult;

/**
 * Everything one pytest process reported during one attempt, kept as it arrives (so a crash
 * loses nothing already said) and forwarded to the run's event stream.
 */
final class AttemptLog {
    /** A collection error pytest reported for a node (a file, a conftest, a package). */
    record CollectError(String nodeId, Failure failure) {}

    /** A thread that would keep the interpreter alive. */
    record LingeringThread(String name, String target, String where) {}

    private final int attempt;
    private final String worker;
    private final RunListener events;

    private boolean connected;
    private List<String> collected;
    private int deselected;
    private final List<CollectError> collectErrors = new ArrayList<>();
    private final Set<String> running = new LinkedHashSet<>();
    private final List<TestResult> finished = new ArrayList<>();
    private Instant sessionFinishedAt;
    private int sessionExitStatus = -1;
    private final List<LingeringThread> lingering = new ArrayList<>();

    /** Tests belong to the unit their node id names (a rootdir-relative file), so one log can serve many files. */
    AttemptLog(int attempt, String worker, RunListener events) {
        this.attempt = attempt;
        this.worker = worker;
        this.events = events;
    }

    void accept(JsonNode m) {
        TestResult result = null;
        String started = null;
        synchronized (this) {
            switch (m.path("ev").asText()) {
                case "hello" -> connected = true;
                case "collected" -> {
                    collected = new ArrayList<>();
                    m.path("ids").forEach(id -> collected.add(id.asText()));
                    deselected = m.path("deselected").asInt();
                }
                case "collect_error" -> collectErrors.add(new CollectError(m.path("nodeid").asText(), Protocol.failure(m)));
                case "test_started" -> {
                    started = m.path("nodeid").asText();
                    running.add(started);
                }
                case "test_finished" -> {
                    result = Protocol.testResult(attempt, m);
                    running.remove(result.testId());
                    finished.add(result);
                }
                case "session_finished" -> {
                    sessionFinishedAt = Instant.now();
                    sessionExitStatus = m.path("exitstatus").asInt(-1);
                    m.path("threads").forEach(t -> lingering.add(new LingeringThread(
                            t.path("name").asText(), t.path("target").asText(), t.path("where").asText())));
                }
                default -> { /* unknown messages from a newer plugin are ignored */ }
            }
        }
        if (started != null) {
            events.on(new TestStarted(worker, Protocol.fileOf(started), started));
        }
        if (result != null) {
            events.on(new TestFinished(worker, result));
        }
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(connected, collected == null ? null : List.copyOf(collected), deselected,
                List.copyOf(collectErrors), running.stream().findFirst(), List.copyOf(finished),
                sessionFinishedAt != null, sessionExitStatus, List.copyOf(lingering));
    }

    synchronized Optional<Instant> sessionFinishedAt() {
        return Optional.ofNullable(sessionFinishedAt);
    }

    /** An immutable view of the log, for the pure verdict. */
    record Snapshot(boolean connected, List<String> collected, int deselected, List<CollectError> collectErrors,
                    Optional<String> running, List<TestResult> finished, boolean sessionFinished,
                    int sessionExitStatus, List<LingeringThread> lingering) {}
}
