package salvo.pytest.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import salvo.model.TestUnit;

/**
 * Salvo's {@code --exclude}: an entry drops a test file when it equals the file's name, its id (the
 * rootdir-relative path), or a directory that the id lies under. Entries are compared after
 * trimming, turning '\' into '/', and dropping a leading "./" and a trailing '/'.
 */
final class ExcludeFilter {
    record Result(List<TestUnit> kept, List<String> unmatched) {}

    private ExcludeFilter() {}

    static Result apply(List<TestUnit> units, List<String> excludes) {
        Set<String> used = new LinkedHashSet<>();
        List<TestUnit> kept = new ArrayList<>();
        for (TestUnit unit : units) {
            boolean excluded = false;
            for (String entry : excludes) {
                if (matches(normalize(entry), unit.id())) {
                    used.add(entry);
                    excluded = true;
                }
            }
            if (!excluded) {
                kept.add(unit);
            }
        }
        List<String> unmatched = excludes.stream()
                .filter(e -> !normalize(e).isEmpty() && !used.contains(e))
                .distinct()
                .toList();
        return new Result(kept, unmatched);
    }

    static boolean matches(String entry, String id) {
        if (entry.isEmpty()) {
            return false;
        }
        String name = id.substring(id.lastIndexOf('/') + 1);
        return id.equals(entry) || name.equals(entry) || id.startsWith(entry + "/");
    }

    static String normalize(String entry) {
        String normalized = entry.strip().replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }
}
