package salvo.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * What opening the store costs with and without Flyway: a harness run by hand, not a test (a
 * timing on a shared machine proves nothing in CI). Each measurement wants a fresh JVM, since
 * Flyway's cost is mostly its first call (class loading, classpath scanning):
 *
 * <pre>
 * cp=$(cat salvo-core/target/test-classpath.txt)    # mvn -o -q -pl salvo-core dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -cp salvo-core/target/classes:salvo-core/target/test-classes:$cp salvo.store.StoreOpenTiming prepare /tmp/timing
 * java ... StoreOpenTiming fast /tmp/timing      # open an up-to-date store: user_version says so, no Flyway
 * java ... StoreOpenTiming flyway /tmp/timing    # the same, with Flyway asked to migrate anyway (a no-op)
 * java ... StoreOpenTiming new /tmp/timing-new   # a new file: Flyway applies V1, V2 and V3
 * java ... StoreOpenTiming release /tmp/timing-r # the release fixture: Flyway baselines at 1, applies V2 and V3
 * </pre>
 */
public final class StoreOpenTiming {
    private StoreOpenTiming() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        switch (mode) {
            case "prepare" -> {
                SqliteStore.open(dir).close();
                System.out.println("prepared " + file);
            }
            case "fast" -> time(mode, () -> SqliteStore.open(dir).close());
            case "flyway" -> time(mode, () -> {
                SqliteSchema.migrate(file, 0);
                SqliteStore.open(dir).close();
            });
            case "new", "release" -> {
                Files.createDirectories(dir);
                Files.deleteIfExists(file);
                if (mode.equals("release")) {
                    Files.copy(SchemaUpgradeTest.releaseFixture(), file);
                }
                time(mode, () -> SqliteStore.open(dir).close());
            }
            case "jdbc" -> time(mode, () -> {
                // The floor: the SQLite driver's own start (it unpacks its native library).
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                    c.createStatement().execute("PRAGMA user_version");
                }
            });
            case "parts" -> {
                // One JVM, each part's first call after the parts before it: where the time goes.
                once("jdbc", () -> {
                    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                        c.createStatement().execute("PRAGMA user_version");
                    }
                });
                once("jackson", () -> Columns.json(java.util.Map.of()));
                once("open", () -> SqliteStore.open(dir).close());
                once("flyway", () -> SqliteSchema.migrate(file, 0));
                once("flyway2", () -> SqliteSchema.migrate(file, 0));
            }
            default -> throw new IllegalArgumentException("mode: prepare, fast, flyway, new, release, jdbc or parts");
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void once(String part, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        System.out.printf("%-8s %6.1f ms%n", part, (System.nanoTime() - start) / 1e6);
    }

    private static void time(String mode, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        step.run();
        long second = System.nanoTime() - start;
        System.out.printf("%-8s first open %6.1f ms, second open in the same JVM %6.1f ms%n", mode, first / 1e6, second / 1e6);
    }
}
