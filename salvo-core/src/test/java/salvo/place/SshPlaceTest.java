package salvo.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.bundle.BundledPython;

/**
 * The line an ssh host runs to put Salvo's Python package there, run by the system's own sh
 * (what a remote login runs it with) with a home of the test's, fed a real tar stream.
 */
class SshPlaceTest {
    @TempDir
    Path dir;

    @Test
    void aNewVersionIsUnpackedAndTheCopiesNobodyUsedForTwoWeeksAreRemoved() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("home/.cache/salvo/python"));
        Path unused = aged(Files.createDirectories(cache.resolve("salvo-python-old")), BundledPython.UNUSED_FOR.plusDays(1));
        Path staging = aged(Files.createDirectories(cache.resolve("salvo-python-old.part.123")), BundledPython.UNUSED_FOR.plusDays(1));
        Path recent = aged(Files.createDirectories(cache.resolve("salvo-python-recent")), BundledPython.UNUSED_FOR.minusDays(1));

        List<String> said = ready("salvo-python-new", "sh");

        Path copy = cache.resolve("salvo-python-new");
        assertEquals(List.of(copy.toString()), said);
        assertEquals("print('hi')\n", Files.readString(copy.resolve("salvo_pkg/__init__.py")));
        assertFalse(Files.exists(unused), "a version nobody ran for two weeks is removed");
        assertFalse(Files.exists(staging), "so is the staging a killed Salvo left");
        assertTrue(Files.isDirectory(recent), "a version run this week stays");
        try (var left = Files.list(cache)) {
            assertEquals(List.of("salvo-python-new", "salvo-python-recent"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aCopyAlreadyThereIsTouchedAndNothingElseIsRemoved() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("home/.cache/salvo/python"));
        Path copy = aged(Files.createDirectories(cache.resolve("salvo-python-new")), Duration.ofDays(3));
        Path unused = aged(Files.createDirectories(cache.resolve("salvo-python-old")), BundledPython.UNUSED_FOR.plusDays(1));

        List<String> said = ready("salvo-python-new", "no-such-program-here");

        assertEquals(List.of(copy.toString(), "salvo:missing-program"), said);
        assertTrue(Files.getLastModifiedTime(copy).toInstant().isAfter(Instant.now().minusSeconds(60)), "marked in use");
        assertTrue(Files.isDirectory(unused), "tidying comes with unpacking a new version only, as here");
    }

    private List<String> ready(String bundleName, String program) throws IOException, InterruptedException {
        Path bundle = Files.createDirectories(dir.resolve("bundle/salvo_pkg"));
        Files.writeString(bundle.resolve("__init__.py"), "print('hi')\n");
        Path root = Files.createDirectories(dir.resolve("root"));
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", SshPlace.readyLine(bundleName, root, program));
        shell.environment().put("HOME", dir.resolve("home").toString());
        shell.redirectInput(tar(bundle.getParent()).toFile());
        Process p = shell.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out.strip().lines().toList();
    }

    private Path tar(Path folder) throws IOException, InterruptedException {
        Path archive = dir.resolve("bundle.tar");
        Process p = new ProcessBuilder("tar", "-C", folder.toString(), "-cf", archive.toString(), ".").inheritIO().start();
        assertEquals(0, p.waitFor());
        return archive;
    }

    private static Path aged(Path path, Duration age) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
        return path;
    }
}
