package salvo.sequence.engine;

/** The names a loop round gives the items inside it (§3.2); loop_index_inverse is n−i (§9.3). */
record LoopVars(Object param, long index, Long count) {
    Object lookup(String name) {
        return switch (name) {
            case "loop_param" -> param;
            case "loop_index" -> index;
            case "loop_count" -> count == null ? "inf" : count;
            case "loop_index_inverse" -> count == null ? "inf" : count - index;
            default -> null;
        };
    }

    static boolean isLoopName(String name) {
        return name.startsWith("loop_") && lookupable(name);
    }

    private static boolean lookupable(String name) {
        return switch (name) {
            case "loop_param", "loop_index", "loop_count", "loop_index_inverse" -> true;
            default -> false;
        };
    }
}
