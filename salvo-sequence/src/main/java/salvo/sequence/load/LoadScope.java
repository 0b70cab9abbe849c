package salvo.sequence.load;

import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.Expander;
import salvo.sequence.expr.Scope;
import salvo.sequence.python.Dictionary;

/**
 * Expansion at load time (names, docs, skipped, include arguments, config values): names come
 * from the dictionary; an undefined name or a failed expression is a warning at its place.
 */
public final class LoadScope {
    private final Dictionary dictionary;
    private final Evaluator evaluator;
    private final Diagnostics diagnostics;

    public LoadScope(Dictionary dictionary, Evaluator evaluator, Diagnostics diagnostics) {
        this.dictionary = dictionary;
        this.evaluator = evaluator;
        this.diagnostics = diagnostics;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /** Expands a value read at {@code at}; what cannot be resolved warns there and stays as text. */
    public Object expandAt(Object value, Mark at) {
        return Expander.expand(value, scope(at, false));
    }

    /** As {@link #expandAt}, but an undefined name is an error (an include's file must be known). */
    public Object expandStrict(Object value, Mark at) {
        return Expander.expand(value, scope(at, true));
    }

    private Scope scope(Mark at, boolean strict) {
        return new Scope() {
            @Override
            public Object lookup(String name) {
                return dictionary.get(name);
            }

            @Override
            public Evaluator evaluator() {
                return evaluator;
            }

            @Override
            public void undefined(String name) {
                String message = "$(" + name + ") is not defined at load time; define it with -d " + name
                        + "=VALUE or in a config file";
                if (strict) {
                    diagnostics.error(at, message);
                } else {
                    diagnostics.warning(at, message);
                }
            }

            @Override
            public void failed(String expression, String error) {
                diagnostics.warning(at, "the expression <| " + expression + " |> failed at load (" + error + "); its text is kept");
            }
        };
    }
}
