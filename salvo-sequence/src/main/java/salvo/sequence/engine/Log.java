package salvo.sequence.engine;

/** The live log of a run: whole lines, already prefixed with their branches. */
public interface Log {
    void line(String text);
}
