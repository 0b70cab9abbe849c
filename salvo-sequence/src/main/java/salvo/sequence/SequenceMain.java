package salvo.sequence;

import picocli.CommandLine;
import salvo.error.SalvoError;

/** {@code salvo seq} on its own: what a run item starts for its child sequence. */
public final class SequenceMain {
    private SequenceMain() {}

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new SeqCommand());
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof SalvoError error) {
                c.getErr().println("salvo: " + error.getMessage());
                return error.exitCode();
            }
            c.getErr().println("salvo: internal error: " + e);
            e.printStackTrace(c.getErr());
            return SalvoError.INTERNAL;
        });
        System.exit(cli.execute(args));
    }
}
