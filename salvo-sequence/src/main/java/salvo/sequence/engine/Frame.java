package salvo.sequence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import salvo.sequence.expr.Evaluator;
import salvo.sequence.expr.Expander;
import salvo.sequence.expr.Scope;
import salvo.sequence.load.Step;

/**
 * One execution of one item: where it is (its path of row nodes), the loop round around it,
 * its stop, the branch prefix of its lines, and what it printed.
 */
final class Frame {
    private static final Set<String> QUIET = Set.of("result", "db", "out");

    final Frame parent;
    final Step step;
    final List<Row.Node> path;
    final LoopVars loop;
    final Stop stop;
    final String prefix;
    final StringBuilder output = new StringBuilder();
    private final Engine engine;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Frame(Engine engine, Frame parent, Step step, List<Row.Node> path, LoopVars loop, Stop stop, String prefix) {
        this.engine = engine;
        this.parent = parent;
        this.step = step;
        this.path = List.copyOf(path);
        this.loop = loop;
        this.stop = stop;
        this.prefix = prefix;
    }

    /** A child's frame: a node under this one's path. */
    Frame child(Step child, String idPart, String name, LoopVars loopVars, Stop childStop, String childPrefix) {
        return new Frame(engine, this, child, pathTo(idPart, name, child == null || child.isContainer()), loopVars,
                childStop, childPrefix);
    }

    /** The path of a node under this one's. */
    List<Row.Node> pathTo(String idPart, String name, boolean container) {
        List<Row.Node> p = new ArrayList<>(path);
        String parentId = path.isEmpty() ? "" : path.get(path.size() - 1).id() + "/";
        p.add(new Row.Node(parentId + idPart, name, container));
        return p;
    }

    salvo.sequence.python.Dictionary dictionary() {
        return engine.dictionary();
    }

    void log(String line) {
        synchronized (output) {
            output.append(line).append('\n');
        }
        engine.logged(line);
        engine.operator().progress().printed(item(), line);
        engine.log().line(prefix + line);
    }

    /** The item this frame runs: a loop round's frame has none of its own, its loop's. */
    private Step item() {
        Frame f = this;
        while (f.step == null) {
            f = f.parent;
        }
        return f.step;
    }

    void info(String line) {
        log("INFO  " + line);
    }

    void warn(String line) {
        log("WARN  " + line);
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    Object expand(Object value) {
        return Expander.expand(value, scope());
    }

    String expandText(Object value) {
        return salvo.sequence.expr.PyRepr.str(expand(value));
    }

    Object field(String name) {
        return step.has(name) ? expand(step.field(name)) : null;
    }

    Scope scope() {
        return new Scope() {
            @Override
            public Object lookup(String name) {
                if (LoopVars.isLoopName(name)) {
                    for (Frame f = Frame.this; f != null; f = f.parent) {
                        if (f.loop != null) {
                            return f.loop.lookup(name);
                        }
                    }
                    return null;
                }
                return engine.dictionary().get(name);
            }

            @Override
            public Evaluator evaluator() {
                return engine.evaluator(stop);
            }

            @Override
            public void undefined(String name) {
                if (!QUIET.contains(name) && !LoopVars.isLoopName(name) && warned.add(name)) {
                    warn("$(" + name + ") is not defined; its text is kept");
                }
            }

            @Override
            public void failed(String expression, String error) {
                warn("the expression <| " + expression + " |> failed: " + error + "; its text is kept");
            }
        };
    }
}
