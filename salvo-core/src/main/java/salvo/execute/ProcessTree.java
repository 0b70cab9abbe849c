package salvo.execute;

import java.util.List;

/** Kills a process and everything it started, so a killed test leaves nothing behind. */
public final class ProcessTree {
    private ProcessTree() {}

    public static void kill(Process process) {
        kill(process.toHandle());
    }

    public static void kill(ProcessHandle root) {
        // Snapshot first: once the root dies its children are re-parented and out of reach.
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        // A child may have forked between the snapshot and the kill: sweep once more.
        descendants.forEach(d -> d.descendants().forEach(ProcessHandle::destroyForcibly));
    }
}
