package salvo.sequence.engine;

/**
 * A stop flag in a tree: an item is stopped when its own flag or any enclosing one is set, so
 * flagging a branch stops everything running inside it, at any depth.
 */
public final class Stop {
    private final Stop parent;
    private volatile boolean flagged;

    public Stop(Stop parent) {
        this.parent = parent;
    }

    public static Stop root() {
        return new Stop(null);
    }

    public void flag() {
        flagged = true;
    }

    public boolean stopped() {
        for (Stop s = this; s != null; s = s.parent) {
            if (s.flagged) {
                return true;
            }
        }
        return false;
    }
}
