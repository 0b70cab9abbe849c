package salvo.sequence.load;

/** One problem found while loading: where, how bad, what is wrong and what to do, on one line. */
public record Diagnostic(Mark mark, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(Mark mark, String message) {
        return new Diagnostic(mark, Severity.ERROR, message);
    }

    public static Diagnostic warning(Mark mark, String message) {
        return new Diagnostic(mark, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: message}, as compilers print it. */
    public String format() {
        return mark + ": " + (isError() ? "error" : "warning") + ": " + message.replace('\n', ' ');
    }
}
