package salvo.pytest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import salvo.event.RunEvents;
import salvo.model.Failure;
import salvo.model.TestResult;
import salvo.model.WorkerRef;
import salvo.worker.SessionWarnings;
import salvo.worker.WireMessage;
import salvo.worker.WireProtocol;

/**
 * Everything one pytest process reported during one attempt, kept as it arrives (so a crash
 * loses nothing already said) and forwarded to the run's event stream.
 */
final class AttemptLog {
    /** A collection error pytest reported for a node (a file, a conftest, a package). */
    record CollectError(String nodeId, Failure failure) {}

    private final int attempt;
    private final WorkerRef worker;
    private final RunEvents events;
    private final SessionWarnings sessionWarnings;

    private boolean connected;
    private List<String> collected;
    private int deselected;
    private final List<CollectError> collectErrors = new ArrayList<>();
    private final Set<String> running = new LinkedHashSet<>();
    private final List<TestResult> finished = new ArrayList<>();
    private Instant sessionFinishedAt;
    private int sessionExitStatus = -1;
    private final List<WireMessage.Lingering> lingering = new ArrayList<>();
    private int warnings;

    /**
     * Tests belong to the unit their node id names (a rootdir-relative file), so one log can serve
     * many files. {@code sessionWarnings} is the run's: its processes' configuration warnings count once.
     */
    AttemptLog(int attempt, WorkerRef worker, RunEvents events, SessionWarnings sessionWarnings) {
        this.attempt = attempt;
        this.worker = worker;
        this.events = events;
        this.sessionWarnings = sessionWarnings;
    }

    void accept(JsonNode body) {
        WireMessage m = WireProtocol.decode(body);
        TestResult result = null;
        String started = null;
        WireMessage.Collected found = null;
        synchronized (this) {
            if (m instanceof WireMessage.Hello) {
                connected = true;
            } else if (m instanceof WireMessage.Collected c) {
                collected = new ArrayList<>(c.ids());
                deselected = c.deselected();
                warnings += c.warnings() + sessionWarnings.firstSeen(c.configWarnings());
                c.skipped().forEach(skip -> finished.add(skip.result(PytestIds::node, attempt)));
                found = c;
            } else if (m instanceof WireMessage.CollectError e) {
                collectErrors.add(new CollectError(e.nodeId(), e.failure()));
            } else if (m instanceof WireMessage.TestStarted t) {
                started = t.nodeId();
                running.add(started);
            } else if (m instanceof WireMessage.TestFinished t) {
                result = t.result(PytestIds::node, attempt);
                running.remove(t.nodeId());
                finished.add(result);
            } else if (m instanceof WireMessage.SessionFinished s) {
                sessionFinishedAt = Instant.now();
                sessionExitStatus = s.exitStatus();
                lingering.addAll(s.threads());
            }
            // anything else (a newer plugin's messages) is ignored
        }
        if (found != null) {
            announceCollected(found);
        }
        if (started != null) {
            events.testStarted(worker, PytestIds.node(started), attempt);
        }
        if (result != null) {
            events.testFinished(worker, result);
        }
    }

    /** One process may collect several files (the foreground mode): each file's count is its own. */
    private void announceCollected(WireMessage.Collected c) {
        java.util.Map<String, Integer> perFile = new java.util.TreeMap<>();
        c.ids().forEach(id -> perFile.merge(PytestIds.fileOf(id), 1, Integer::sum));
        c.skipped().forEach(s -> perFile.merge(PytestIds.fileOf(s.nodeId()), 1, Integer::sum));
        perFile.forEach((file, n) -> events.unitCollected(worker, file, n));
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(connected, collected == null ? null : List.copyOf(collected), deselected,
                List.copyOf(collectErrors), running.stream().findFirst(), List.copyOf(finished),
                sessionFinishedAt != null, sessionExitStatus, List.copyOf(lingering), warnings);
    }

    synchronized Optional<Instant> sessionFinishedAt() {
        return Optional.ofNullable(sessionFinishedAt);
    }

    /**
     * An immutable view of the log, for the pure verdict.
     *
     * @param warnings recorded outside the tests: collecting, and configuring (when first in the run)
     */
    record Snapshot(boolean connected, List<String> collected, int deselected, List<CollectError> collectErrors,
                    Optional<String> running, List<TestResult> finished, boolean sessionFinished,
                    int sessionExitStatus, List<WireMessage.Lingering> lingering, int warnings) {}
}
