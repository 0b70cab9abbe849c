package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Row;
import salvo.sequence.lua.LuaHelper;
import salvo.testing.NoLeftoverProcesses;

/**
 * The .tum validation suite (src/test/resources/validation): each file run in a copy of the
 * folder, and every item's verdict checked against the {@code expect} of its report map.
 */
class ValidationSuiteTest {
    private static final Path SUITE = Path.of("src/test/resources/validation");

    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @TestFactory
    Stream<DynamicTest> everyFileMeetsItsOwnExpectations() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SUITE)) {
            files = s.filter(p -> p.toString().endsWith(".tum")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "the suite has its files: " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        org.junit.jupiter.api.Assumptions.assumeTrue(!name.startsWith("lua_") || LuaHelper.interpreter(null).isPresent(),
                "no Lua on PATH (apt-get install lua5.4)");
        Path copy = Files.createDirectories(dir.resolve(name.replace(".tum", "")));
        try (Stream<Path> s = Files.list(SUITE)) {
            s.forEach(p -> copyTo(p, copy));
        }
        Tum.Ran r = Tum.run(copy.resolve(name));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Row row : r.rows()) {
            Object expect = row.data().get("expect");
            if (expect != null) {
                checked++;
                if (!expect.equals(row.verdict().name())) {
                    wrong.add(row.node().id() + " (" + row.node().name() + "): expected " + expect + ", got " + row.verdict()
                            + " (" + row.message() + ")");
                }
            }
        }
        assertEquals(List.of(), wrong, r.log());
        assertTrue(checked >= 3, name + " checks its items: " + r.names());
        if (name.equals("report.tum")) {
            assertTrue(r.log().contains("[report] Export skipped: nosuchformat: no exporter named 'nosuchformat'"), r.log());
            assertTrue(r.log().contains("[report] Export skipped: pdfx: no exporter named 'pdfx'"), r.log());
        }
        if (name.equals("json_rpc.tum")) {
            Map<String, Object> d = r.dictionary();
            assertEquals(6L, d.get("total"));
        }
    }

    private static void copyTo(Path file, Path dir) {
        try {
            Files.copy(file, dir.resolve(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
