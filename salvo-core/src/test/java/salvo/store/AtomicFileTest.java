package salvo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.error.SalvoError;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names(Path folder) throws Exception {
        try (var list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheTargetAndCreatesParents() throws Exception {
        Path target = dir.resolve("a/b/report.md");

        AtomicFile.write(target, "first");
        AtomicFile.write(target, "second ✔");

        assertEquals("second ✔", Files.readString(target));
        assertEquals(List.of("report.md"), names(target.getParent()));
    }

    @Test
    void leavesNoTemporaryFileWhenTheMoveFails() throws Exception {
        // A non-empty directory in the target's place makes the final rename fail.
        Path target = dir.resolve("last_run.json");
        Files.createDirectories(target.resolve("occupied"));

        SalvoError e = assertThrows(SalvoError.class, () -> AtomicFile.write(target, "{}"));

        assertTrue(e.getMessage().startsWith("could not write " + target + " ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of("last_run.json"), names(dir));
    }

    @Test
    void aFileWhereTheDirectoryBelongsIsNamedAsTheProblem() throws Exception {
        Files.writeString(dir.resolve("runs"), "in the way");
        Path target = dir.resolve("runs/run_1.json");

        SalvoError e = assertThrows(SalvoError.class, () -> AtomicFile.write(target, "{}"));

        assertTrue(e.getMessage().startsWith("could not create the directory " + dir.resolve("runs") + " for run_1.json ("),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of("runs"), names(dir));
    }

    @Test
    void writtenFileGetsTheUsualPermissionsNotATempFilesOwnerOnlyOnes() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("atomic");

        AtomicFile.write(target, "x");

        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void linkGivesTheFileASecondNameReplacingTheOldTarget() throws Exception {
        Path source = dir.resolve("runs/run_2.json");
        AtomicFile.write(source, "run 2");
        Path target = dir.resolve("last_run.json");
        AtomicFile.write(target, "run 1");

        AtomicFile.link(target, source);

        assertEquals("run 2", Files.readString(target));
        assertEquals(Files.getAttribute(source, "unix:ino"), Files.getAttribute(target, "unix:ino"));
        assertEquals(List.of("last_run.json", "runs"), names(dir));
    }

    @Test
    void linkCopiesWhereNoHardLinkCanBeMade() throws Exception {
        // A link cannot cross file systems: /dev/shm is a tmpfs, the temporary directory is not.
        Path elsewhere = Files.createTempFile(Path.of("/dev/shm"), "salvo-link", ".json");
        try {
            Files.writeString(elsewhere, "copied ✔");
            Path target = dir.resolve("last_run.json");
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.getFileStore(elsewhere).equals(Files.getFileStore(dir)),
                    "needs /dev/shm on another file system than " + dir);

            AtomicFile.link(target, elsewhere);

            assertEquals("copied ✔", Files.readString(target));
            assertFalse(Files.getAttribute(elsewhere, "unix:ino").equals(Files.getAttribute(target, "unix:ino")));
            assertEquals(List.of("last_run.json"), names(dir));
        } finally {
            Files.deleteIfExists(elsewhere);
        }
    }

    @Test
    void linkToAMissingFileSaysSoAndLeavesNothing() throws Exception {
        Path target = dir.resolve("last_run.json");

        SalvoError e = assertThrows(SalvoError.class, () -> AtomicFile.link(target, dir.resolve("gone.json")));

        assertTrue(e.getMessage().startsWith("could not write " + target + " ("), e.getMessage());
        assertEquals(List.of(), names(dir));
    }
}
