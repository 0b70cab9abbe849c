package salvo.schedule;

import java.util.Locale;

/** Segregation strategies for a named group of tests (seed 003's, as the mp plugin has them). */
public enum GroupStrategy {
    /** Members run anywhere, alongside anything. */
    FREE,
    /** Members run one after another on one worker, alongside other work. */
    SERIAL,
    /** Members run anywhere, but while they run nothing outside the group runs. */
    ISOLATED_FREE,
    /** Members run one after another on one worker, and nothing else runs meanwhile. */
    ISOLATED_SERIAL;

    /** Parses a marker's strategy argument; null or blank means FREE. */
    public static GroupStrategy parse(String s) {
        if (s == null || s.isBlank()) {
            return FREE;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown group strategy '" + s
                    + "': use free, serial, isolated_free or isolated_serial");
        }
    }

    public boolean isolated() {
        return this == ISOLATED_FREE || this == ISOLATED_SERIAL;
    }

    public boolean serial() {
        return this == SERIAL || this == ISOLATED_SERIAL;
    }
}
