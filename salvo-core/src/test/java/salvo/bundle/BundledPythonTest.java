package salvo.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPythonTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path cache;

    private Path copy(String name, Duration age) throws Exception {
        Path copy = Files.createDirectories(cache.resolve(name));
        Files.writeString(Files.createDirectories(copy.resolve("salvo_pytest")).resolve("plugin.py"), "# " + name);
        Files.setLastModifiedTime(copy, FileTime.from(NOW.minus(age)));
        return copy;
    }

    @Test
    void copiesUnusedForTwoWeeksGoAndTheRestStay() throws Exception {
        Path old = copy("0123456789abcdef", BundledPython.UNUSED_FOR.plusHours(1));
        Path staging = copy(".staging-42", BundledPython.UNUSED_FOR.plusDays(30));
        Path recent = copy("fedcba9876543210", BundledPython.UNUSED_FOR.minusHours(1));
        Path current = copy("00000000aaaaaaaa", BundledPython.UNUSED_FOR.plusDays(100));
        Path stray = Files.writeString(cache.resolve("notes.txt"), "not a copy");
        Files.setLastModifiedTime(stray, FileTime.from(NOW.minus(Duration.ofDays(365))));

        BundledPython.removeUnused(cache, current, NOW);

        assertFalse(Files.exists(old), "another version's copy, unused for over two weeks");
        assertFalse(Files.exists(staging), "what a Salvo killed while unpacking left");
        assertTrue(Files.isRegularFile(recent.resolve("salvo_pytest/plugin.py")), "used within two weeks");
        assertTrue(Files.isRegularFile(current.resolve("salvo_pytest/plugin.py")), "the copy this run uses");
        assertTrue(Files.exists(stray), "only directories are copies");
        try (var left = Files.list(cache)) {
            assertEquals(java.util.Set.of(recent, current, stray), java.util.Set.copyOf(left.toList()),
                    "nothing is left aside half removed");
        }
    }

    @Test
    void aCopyInUseIsMarkedSoAndKept() throws Exception {
        Path used = copy("0123456789abcdef", BundledPython.UNUSED_FOR.plusDays(1));
        BundledPython.markUsed(used, NOW);
        assertEquals(NOW, Files.getLastModifiedTime(used).toInstant());
        BundledPython.removeUnused(cache, cache.resolve("another"), NOW);
        assertTrue(Files.exists(used));
    }
}
