package salvo.pytest.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import salvo.model.TestUnit;

/**
 * Salvo's {@code --exclude}: an entry drops a test file when it names the file or a directory
 * above it, the way a user types it: a file or directory name ({@code test_slow.py}, {@code slow}), a path relative to the
 * rootdir (the file's id) or to the current directory, an absolute path, or a glob over any of
 * those ({@code tests/*_slow.py}, {@code **}{@code /integration}). Entries are compared after
 * trimming, turning '\' into '/', and dropping a leading "./" and a trailing '/'. Pure.
 */
final class ExcludeFilter {
    /** @param missing the unmatched entries typed as paths (with a '/', no glob) that exist nowhere: mistakes */
    record Result(List<TestUnit> kept, List<String> unmatched, List<String> missing) {}

    private ExcludeFilter() {}

    /**
     * @param cwd     where salvo was started: relative entries may be relative to it
     * @param rootdir what unit ids are relative to
     */
    static Result apply(List<TestUnit> units, List<String> excludes, Path cwd, Path rootdir) {
        Set<String> used = new LinkedHashSet<>();
        List<TestUnit> kept = new ArrayList<>();
        List<Entry> entries = excludes.stream().map(e -> Entry.of(e, cwd, rootdir)).toList();
        for (TestUnit unit : units) {
            boolean excluded = false;
            for (Entry entry : entries) {
                if (entry.matches(unit.id())) {
                    used.add(entry.typed());
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
        List<String> missing = entries.stream().filter(e -> unmatched.contains(e.typed()) && e.isMissingPath(cwd, rootdir))
                .map(Entry::typed).distinct().toList();
        return new Result(kept, unmatched, missing);
    }

    /** One entry, as the rootdir-relative forms it may stand for. */
    private record Entry(String typed, List<String> forms, boolean glob) {
        static Entry of(String typed, Path cwd, Path rootdir) {
            String normalized = normalize(typed);
            List<String> forms = new ArrayList<>();
            if (normalized.isEmpty()) {
                return new Entry(typed, forms, false);
            }
            forms.add(normalized); // a name, or a path relative to the rootdir
            Path resolved = cwd.resolve(normalized.replace('/', java.io.File.separatorChar)).normalize();
            if (resolved.startsWith(rootdir)) {
                String relative = normalize(rootdir.relativize(resolved).toString());
                if (!relative.isEmpty() && !forms.contains(relative)) {
                    forms.add(relative); // absolute, or relative to the cwd
                }
            }
            boolean glob = normalized.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
            return new Entry(typed, forms, glob);
        }

        /** A path typed as a path (with a '/'), no glob, that exists neither under the cwd nor the rootdir. */
        boolean isMissingPath(Path cwd, Path rootdir) {
            String path = forms.isEmpty() ? "" : forms.get(0);
            return path.contains("/") && !glob && !java.nio.file.Files.exists(cwd.resolve(path))
                    && !java.nio.file.Files.exists(rootdir.resolve(path));
        }

        boolean matches(String id) {
            for (String form : forms) {
                if (glob ? globMatches(form, id) : ExcludeFilter.matches(form, id)) {
                    return true;
                }
            }
            return false;
        }

        /** A glob matches the file's id, its name, or a directory the id lies under. */
        private static boolean globMatches(String pattern, String id) {
            GlobPattern glob = GlobPattern.compile(pattern);
            if (glob.matches(id) || glob.matches(id.substring(id.lastIndexOf('/') + 1))) {
                return true;
            }
            for (int slash = id.indexOf('/'); slash >= 0; slash = id.indexOf('/', slash + 1)) {
                if (glob.matches(id.substring(0, slash))) {
                    return true;
                }
            }
            return false;
        }
    }

    static boolean matches(String entry, String id) {
        if (entry.isEmpty()) {
            return false;
        }
        String name = id.substring(id.lastIndexOf('/') + 1);
        boolean aDirectoryOnTheWay = !entry.contains("/") && ("/" + id).contains("/" + entry + "/");
        return id.equals(entry) || name.equals(entry) || id.startsWith(entry + "/") || aDirectoryOnTheWay;
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
