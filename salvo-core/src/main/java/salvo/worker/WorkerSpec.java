package salvo.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an adapter says a worker needs: the command, its environment (added to the inherited
 * one), the directory to start in, and how it talks.
 *
 * @param affinity workers with the same key can run each other's units (an interpreter, a
 *                 classpath, a host); the scheduler never mixes keys
 * @param protocol true when the worker speaks Salvo's worker protocol on a private channel;
 *                 false for a plain command, whose exit status and output are all it says
 * @param settings the run as data, for a worker that builds its own command on its own machine
 *                 (one that joins the run, or listens for it): never a command, a path or an environment
 */
public record WorkerSpec(List<String> command, Map<String, String> environment, Path directory, String affinity,
                         boolean protocol, Io io, JsonNode settings) {

    /** What happens to the worker's own stdout and stderr. */
    public enum Io {
        /** Drained; the tail is kept for crash reports. */
        CAPTURED,
        /** Drained, the tail kept, and each line delivered as it comes (live output). */
        STREAMED,
        /** The user's terminal, shared (a debugger in the foreground). */
        TERMINAL
    }

    public WorkerSpec(List<String> command, Map<String, String> environment, Path directory, String affinity,
                      boolean protocol, Io io) {
        this(command, environment, directory, affinity, protocol, io, JsonNodeFactory.instance.objectNode());
    }

    public WorkerSpec {
        command = List.copyOf(command);
        Objects.requireNonNull(settings, "settings");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(affinity, "affinity");
        Objects.requireNonNull(io, "io");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a worker needs a command");
        }
    }

    public WorkerSpec withCommand(List<String> newCommand) {
        return new WorkerSpec(newCommand, environment, directory, affinity, protocol, io, settings);
    }

    public WorkerSpec withSettings(JsonNode newSettings) {
        return new WorkerSpec(command, environment, directory, affinity, protocol, io, newSettings);
    }

    public WorkerSpec withIo(Io newIo) {
        return new WorkerSpec(command, environment, directory, affinity, protocol, newIo, settings);
    }
}
