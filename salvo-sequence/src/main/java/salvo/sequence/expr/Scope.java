package salvo.sequence.expr;

/** What an expansion sees: names, the evaluator, and where its warnings go. */
public interface Scope {
    /** The value of a name (loop names first, then the dictionary), or null when it is undefined. */
    Object lookup(String name);

    Evaluator evaluator();

    /** A name that was not defined; the scope decides whether and how often to warn. */
    void undefined(String name);

    /** An expression that failed; its text stays. */
    void failed(String expression, String error);
}
