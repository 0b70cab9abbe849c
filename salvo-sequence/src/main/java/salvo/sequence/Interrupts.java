package salvo.sequence;

/**
 * Ctrl-C during {@code salvo seq run}: a stop of the sequence (§5.2), not the end of the JVM,
 * so cleanup steps run and the verdict is printed. A second Ctrl-C stops the cleanup too.
 */
final class Interrupts {
    private Interrupts() {}

    @SuppressWarnings("removal")
    static void onInterrupt(Runnable stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> stop.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // No signals here (an unusual JVM): Ctrl-C then ends the JVM, which kills the helpers.
        }
    }
}
