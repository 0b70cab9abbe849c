package salvo.pytest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import salvo.error.SalvoError;

/**
 * Salvo's pytest plugin ships inside the jar; this unpacks it once per version into a cache
 * directory that goes on PYTHONPATH. The directory name is a hash of the contents, so two
 * Salvo versions never share one, and it is published with an atomic rename, so concurrent
 * Salvo processes never see a half-written copy.
 */
public final class PythonPlugin {
    private static final List<String> FILES = List.of("__init__.py", "channel.py", "classify.py", "collection.py",
            "directories.py", "fixtures.py", "groups.py", "local_state.py", "once.py", "plugin.py", "shared.py",
            "worker.py");

    private PythonPlugin() {}

    /** The directory to put on PYTHONPATH. */
    public static Path install() {
        Map<String, byte[]> sources = read();
        Path base = cacheRoot().resolve("python").resolve(hash(sources));
        if (Files.isRegularFile(base.resolve("salvo_pytest/plugin.py"))) {
            return base;
        }
        try {
            Files.createDirectories(base.getParent());
            Path staging = Files.createTempDirectory(base.getParent(), ".staging-");
            try {
                Path pkg = Files.createDirectories(staging.resolve("salvo_pytest"));
                for (Map.Entry<String, byte[]> e : sources.entrySet()) {
                    Files.write(pkg.resolve(e.getKey()), e.getValue());
                }
                Files.move(staging, base, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                // Another Salvo published the same version first: use theirs.
            } catch (IOException e) {
                if (!Files.isDirectory(base)) {
                    throw e;
                }
            } finally {
                deleteTree(staging);
            }
            return base;
        } catch (IOException e) {
            throw SalvoError.internal("cannot unpack salvo's pytest plugin into " + base.getParent()
                    + " (" + e.getMessage() + "): set XDG_CACHE_HOME to a writable directory", e);
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "salvo");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "salvo");
    }

    private static Map<String, byte[]> read() {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = PythonPlugin.class.getResourceAsStream("/salvo_pytest/" + name)) {
                if (in == null) {
                    throw SalvoError.internal("salvo's jar is missing salvo_pytest/" + name + ": rebuild it", null);
                }
                sources.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static String hash(Map<String, byte[]> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sources.forEach((name, bytes) -> {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a leftover staging directory is harmless and named as such.
        }
    }
}
