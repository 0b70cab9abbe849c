package salvo.schedule;

import java.util.Objects;

/** A named group of tests and how its members are segregated. */
public record Group(String name, GroupStrategy strategy) {
    public Group {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
    }
}
