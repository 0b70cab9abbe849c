package salvo.sequence.operator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import salvo.sequence.engine.Pauses;
import salvo.sequence.engine.Verdict;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;

/**
 * What the operator sees, as data: the item tree with each item's latest state, the logs, the
 * selection (following the running item until the operator moves it), the open dialog and the
 * run's state. Engine threads, the key thread and the drawing thread all use it, hence the locks;
 * {@link #snapshot} gives the renderer an immutable picture.
 */
final class OperatorView {
    static final int LOG_LINES = 2000;

    enum State { PENDING, RUNNING, PASS, FAIL, SKIP }

    /** One line of the tree. */
    record Row(Step step, int depth, State state, boolean breakpoint, boolean waiting) {}

    record Snapshot(String title, String status, List<Row> rows, int selected, String logTitle, List<String> log,
                    Map<String, String> dictionary, DialogForm.View dialog) {}

    private final List<Step> items = new ArrayList<>();
    private final List<Integer> depths = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final State[] states;
    private final List<Deque<String>> logs = new ArrayList<>();
    private int selected;
    private boolean follow = true;
    private boolean stopping;
    private Verdict verdict;
    private DialogForm dialog;

    OperatorView(Step main) {
        add(main, 0, -1);
        states = new State[items.size()];
        java.util.Arrays.fill(states, State.PENDING);
    }

    private void add(Step step, int depth, int parent) {
        int at = items.size();
        items.add(step);
        depths.add(depth);
        parents.add(parent);
        index.put(step.id(), at);
        logs.add(new ArrayDeque<>());
        for (Step child : step.children()) {
            add(child, depth + 1, at);
        }
    }

    synchronized void started(Step step) {
        int at = at(step);
        if (at < 0) {
            return;
        }
        states[at] = State.RUNNING;
        if (follow) {
            selected = at;
        }
    }

    synchronized void finished(Step step, Verdict v) {
        int at = at(step);
        if (at < 0) {
            return;
        }
        states[at] = switch (v) {
            case PASS -> State.PASS;
            case FAIL -> State.FAIL;
            case SKIP -> State.SKIP;
        };
    }

    /** A line an item printed: its log and every enclosing item's but main's, whose log is the whole run's. */
    synchronized void printed(Step step, String line) {
        for (int at = at(step); at > 0; at = parents.get(at)) {
            append(logs.get(at), line);
        }
    }

    /** A line of the run's log. */
    synchronized void logged(String line) {
        append(logs.get(0), line);
    }

    private static void append(Deque<String> log, String line) {
        log.addLast(line);
        if (log.size() > LOG_LINES) {
            log.removeFirst();
        }
    }

    synchronized void open(DialogForm form) {
        dialog = form;
    }

    synchronized void close(DialogForm form) {
        if (dialog == form) {
            dialog = null;
        }
    }

    synchronized DialogForm dialog() {
        return dialog;
    }

    synchronized void stopping() {
        stopping = true;
    }

    synchronized void runFinished(Verdict v) {
        verdict = v;
    }

    /** Moves the selection (the operator took it over: it no longer follows the run). */
    synchronized void select(int delta) {
        follow = false;
        selected = Math.max(0, Math.min(items.size() - 1, selected + delta));
    }

    synchronized void selectEdge(boolean last) {
        follow = false;
        selected = last ? items.size() - 1 : 0;
    }

    /** The selection follows the running item again. */
    synchronized void follow() {
        follow = true;
        for (int i = items.size() - 1; i >= 0; i--) {
            if (states[i] == State.RUNNING) {
                selected = i;
                return;
            }
        }
    }

    synchronized Step selected() {
        return items.get(selected);
    }

    /** The tree with final states, for the summary printed after the screen is given back. */
    synchronized List<Row> rows() {
        return rows(null);
    }

    private List<Row> rows(Pauses pauses) {
        List<Step> waiting = pauses == null ? List.of() : pauses.waiting();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Step s = items.get(i);
            rows.add(new Row(s, depths.get(i), states[i], pauses != null && pauses.hasBreakpoint(s), waiting.contains(s)));
        }
        return rows;
    }

    synchronized Snapshot snapshot(Pauses pauses, Map<String, Object> dictionary) {
        Step sel = items.get(selected);
        return new Snapshot(items.get(0).title(), status(pauses), rows(pauses), selected, sel.title(),
                List.copyOf(logs.get(selected)), shown(dictionary), dialog == null ? null : dialog.view());
    }

    private String status(Pauses pauses) {
        if (verdict != null) {
            return "finished: " + verdict;
        }
        if (stopping) {
            return "STOPPING";
        }
        if (pauses.paused()) {
            List<Step> waiting = pauses.waiting();
            return waiting.isEmpty() ? "PAUSED" : "PAUSED before \"" + waiting.get(0).title() + "\"";
        }
        return dialog != null ? "waiting for the operator" : "running";
    }

    /** The dictionary as the operator reads it: sorted, without internal (_) and timing (ts_) entries. */
    static Map<String, String> shown(Map<String, Object> dictionary) {
        Map<String, String> out = new TreeMap<>();
        dictionary.forEach((k, v) -> {
            if (!k.startsWith("_") && !k.startsWith("ts_start_") && !k.startsWith("ts_end_")
                    && !k.startsWith("ts_duration_")) {
                out.put(k, PyRepr.repr(v));
            }
        });
        return out;
    }

    /** Where the item is in the tree; -1 for one the tree does not hold (the view must never fail an item). */
    private int at(Step step) {
        return index.getOrDefault(step.id(), -1);
    }
}
