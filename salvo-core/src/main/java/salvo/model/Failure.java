package salvo.model;

import java.util.Objects;

/**
 * What went wrong: a kind, a one-line message fit for a summary table, and a detail
 * (traceback, last output) capped so one bad test cannot bloat the store.
 */
public record Failure(FailureKind kind, String message, String detail) {
    public static final int MAX_DETAIL = 5000;

    public Failure {
        Objects.requireNonNull(kind, "kind");
        message = Text.oneLine(message == null ? "" : message);
        detail = Text.capTail(detail == null ? "" : detail, MAX_DETAIL);
    }

    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind, message, "");
    }
}
