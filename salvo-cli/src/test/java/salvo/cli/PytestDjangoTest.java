package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.testing.NoLeftoverProcesses;

/**
 * pytest-django (Debian's 4.5.2, with Django 3.2) under Salvo with two workers: each worker has a
 * test database of its own, a SQLite file named as under xdist, created and destroyed, and every
 * test ends as under serial pytest. The project (src/test/resources/plugins/django) has two apps
 * whose model tests write, commit and count: two workers on one database would see each other's
 * rows, lock each other out, and delete the file under each other. Its conftest writes down, in
 * $DATABASES_SEEN, each test database a session set up, having checked that it is a file.
 */
class PytestDjangoTest {
    private static final String SERIAL_DATABASE = "test_site.sqlite3";

    @TempDir
    Path dir;

    @RegisterExtension
    final NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @EveryIsolationMode
    void eachWorkerHasATestDatabaseOfItsOwn(String isolation) throws Exception {
        PluginSuite project = new PluginSuite(dir, "django");
        Path seenByPytest = Files.createDirectories(dir.resolve("seen-by-pytest"));
        PluginSuite.Plain serial = project.plainPytest(Map.of("DATABASES_SEEN", seenByPytest.toString()));
        assertEquals(List.of(SERIAL_DATABASE), databases(seenByPytest), serial.output());

        Path seenBySalvo = Files.createDirectories(dir.resolve("seen-by-salvo"));
        Salvo.Result r = project.salvo(Map.of("DATABASES_SEEN", seenBySalvo.toString()), isolation);
        assertEquals(1, r.exit(), "the project's one failure: " + r);
        assertEquals(serial.outcomes(), project.salvoOutcomes(isolation), "node id -> outcome, pytest vs salvo: " + r);
        assertEquals(List.of(SERIAL_DATABASE + "_gw0", SERIAL_DATABASE + "_gw1"), databases(seenBySalvo),
                "each worker set up its own test database, suffixed as by xdist");
        assertEquals(List.of(), databases(project.path()), "every test database destroyed, none left behind");
    }

    /** The SQLite databases named in {@code directory}: files, or the conftest's empty notes of them. */
    private static List<String> databases(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".sqlite3")).sorted().toList();
        }
    }
}
