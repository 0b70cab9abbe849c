package salvo.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Grouped tests, held until their group's strategy and members are known. A group's strategy is
 * the first one seen in discovery order (the rule of the mp plugin, seed 003), so it is known once every file up to
 * its first member's is settled; its members are all known only once every file is.
 */
final class GroupBook {
    private record Declaration(Queued member, GroupStrategy strategy) {}

    /** The serial and isolated groups, once every file is settled. */
    record Formed(List<Queued> free, List<SerialChain> serial, List<Lane> isolated) {}

    private final Map<String, Declaration> first = new HashMap<>();
    private final List<Queued> held = new ArrayList<>();

    void hold(Queued member) {
        held.add(member);
        Group group = member.item().group().orElseThrow();
        first.merge(group.name(), new Declaration(member, group.strategy()),
                (a, b) -> Queued.DISCOVERY_ORDER.compare(a.member(), b.member()) <= 0 ? a : b);
    }

    /**
     * Members of groups known to be free: no file before the first member's, in discovery order,
     * is unsettled, so no other strategy can still come first. Free members are ordinary tests.
     */
    List<Queued> releaseFree(int settledPrefix) {
        List<Queued> free = new ArrayList<>();
        held.removeIf(member -> {
            Declaration declared = first.get(groupOf(member));
            boolean known = declared.member().fileIndex() <= settledPrefix;
            if (known && declared.strategy() == GroupStrategy.FREE) {
                free.add(member);
                return true;
            }
            return false;
        });
        return free;
    }

    /** Forms every held group; call once every file is settled. Groups keep discovery order. */
    Formed formAll(Supplier<ReadyTests> pools) {
        Map<String, List<Queued>> members = new LinkedHashMap<>();
        held.stream().sorted(Comparator.comparing((Queued m) -> first.get(groupOf(m)).member(), Queued.DISCOVERY_ORDER)
                .thenComparing(Queued.DISCOVERY_ORDER))
                .forEach(m -> members.computeIfAbsent(groupOf(m), g -> new ArrayList<>()).add(m));
        held.clear();
        List<Queued> free = new ArrayList<>();
        List<SerialChain> serial = new ArrayList<>();
        List<Lane> isolated = new ArrayList<>();
        members.forEach((group, tests) -> {
            switch (first.get(group).strategy()) {
                case FREE -> free.addAll(tests);
                case SERIAL -> serial.add(new SerialChain(group, tests));
                case ISOLATED_SERIAL -> isolated.add(new SerialChain(group, tests));
                case ISOLATED_FREE -> {
                    ReadyTests pool = pools.get();
                    tests.forEach(pool::add);
                    isolated.add(pool);
                }
            }
        });
        return new Formed(free, serial, isolated);
    }

    private static String groupOf(Queued member) {
        return member.item().group().orElseThrow().name();
    }
}
