package salvo.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc's native library, copied once per version into Salvo's cache and loaded from
 * there. Left to itself, sqlite-jdbc extracts a 1 MB copy into the temporary directory at every
 * start and removes it only at a normal JVM exit: every Salvo that is halted (Ctrl-C halts once
 * the run is stored) or killed would leave one behind.
 */
public final class SqliteNative {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    private static volatile Thread choosing;

    private SqliteNative() {}

    /**
     * {@link #useCachedCopy} on a thread of its own: sqlite-jdbc names the platform by running
     * {@code uname}, 40 ms that a start (which opens its store later) need not wait for. Every
     * connection waits for it first ({@link #awaitChoice}).
     */
    public static void useCachedCopyInBackground() {
        Thread thread = new Thread(SqliteNative::useCachedCopy, "salvo-sqlite-native");
        thread.setDaemon(true);
        choosing = thread;
        thread.start();
    }

    /** Before a connection: whichever library the background choice settles on is the one loaded. */
    public static void awaitChoice() {
        Thread thread = choosing;
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // a moment's wait; the interrupt is for whoever comes after
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Call before the first connection. Best effort: on any problem sqlite-jdbc extracts its library as usual. */
    public static void useCachedCopy() {
        if (System.getProperty(PATH) != null) {
            return; // the user chose a library
        }
        try {
            String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc");
            Path dir = BundledPython.cacheRoot().resolve("native")
                    .resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + folder.replace('/', '-'));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib) && !copy("/org/sqlite/native/" + folder + "/" + name, dir, lib)) {
                return;
            }
            System.setProperty(PATH, dir.toString());
            System.setProperty(NAME, name);
        } catch (IOException | RuntimeException e) {
            // sqlite-jdbc's own extraction still works.
        }
    }

    /** Copies the jar's library beside its final name, then renames it: a concurrent Salvo never loads half of it. */
    private static boolean copy(String resource, Path dir, Path lib) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(dir);
            Path part = dir.resolve(lib.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                Files.copy(in, part);
                Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
            return true;
        }
    }
}
