package salvo.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How tests are spread over workers: xdist's --dist modes. */
public enum DistMode {
    /** Test-level pull queue, longest first (the default). */
    LOAD,
    /** All tests of a file on the worker that collected it, in one run. */
    LOADFILE,
    /** All tests of a scope (module, or class) in one run. */
    LOADSCOPE,
    /** As LOAD; members of an xdist_group stay on one worker. */
    LOADGROUP,
    /** Every test on every worker. */
    EACH,
    /** One worker runs everything, in file order. */
    NO;

    /** Parses a --dist value, case-insensitively. */
    public static DistMode parse(String name) {
        if (name != null) {
            for (DistMode mode : values()) {
                if (mode.cliName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("unknown --dist mode '" + name + "': use one of "
                + Arrays.stream(values()).map(DistMode::cliName).collect(Collectors.joining(", ")));
    }

    /** The name as written on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
