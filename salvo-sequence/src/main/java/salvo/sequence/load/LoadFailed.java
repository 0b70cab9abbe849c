package salvo.sequence.load;

/** A problem that stops the load at once (a file that is not YAML, a missing include). */
public final class LoadFailed extends RuntimeException {
    private final transient Diagnostic diagnostic;

    public LoadFailed(Mark mark, String message) {
        super(message);
        this.diagnostic = Diagnostic.error(mark, message);
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
