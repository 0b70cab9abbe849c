package salvo.model;

import java.util.Objects;

/**
 * Which worker did something: the host it runs on and its slot there. A local worker has an
 * empty host and shows as its slot alone.
 */
public record WorkerRef(String host, String slot) {
    public static final WorkerRef NONE = new WorkerRef("", "");

    public WorkerRef {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(slot, "slot");
    }

    public static WorkerRef local(String slot) {
        return new WorkerRef("", slot);
    }

    /** "gw1" for a local worker, "hostb/gw1" for a remote one; what displays and the store show. */
    public String label() {
        return host.isEmpty() ? slot : host + "/" + slot;
    }

    /** The inverse of {@link #label()}. */
    public static WorkerRef parse(String label) {
        if (label == null || label.isEmpty()) {
            return NONE;
        }
        int slash = label.lastIndexOf('/');
        return slash < 0 ? local(label) : new WorkerRef(label.substring(0, slash), label.substring(slash + 1));
    }

    @Override
    public String toString() {
        return label();
    }
}
