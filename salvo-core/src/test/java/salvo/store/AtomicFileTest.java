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
    void writtenFileGetsTheUsualPermissionsNotATempFilesOwnerOnlyOnes() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("atomic");

        AtomicFile.write(target, "x");

        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
}
