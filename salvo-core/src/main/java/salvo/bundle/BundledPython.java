package salvo.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import salvo.error.SalvoError;

/**
 * A Python package shipped inside a jar, unpacked once per version into a cache directory that
 * goes on PYTHONPATH. The directory name is a hash of the contents, so two Salvo versions never
 * share one, and it is published with an atomic rename, so concurrent Salvo processes never see
 * a half-written copy. Each run marks the copy it uses; when a new version is unpacked, the copies
 * no run used for two weeks are removed.
 */
public final class BundledPython {
    /** A copy untouched this long belongs to a Salvo nobody runs any more. */
    public static final Duration UNUSED_FOR = Duration.ofDays(14);

    private BundledPython() {}

    /**
     * Unpacks {@code files} of the class path folder {@code /<resourceFolder>/} as the package
     * {@code packageName} and returns the directory to put on PYTHONPATH.
     */
    public static Path install(Class<?> owner, String resourceFolder, String packageName, List<String> files) {
        Map<String, byte[]> sources = read(owner, resourceFolder, files);
        Path base = cacheRoot().resolve("python").resolve(hash(packageName, sources));
        markUsed(base, Instant.now()); // first: a Salvo tidying up meanwhile sees it in use
        if (Files.isRegularFile(base.resolve(packageName).resolve(files.get(files.size() - 1)))) {
            return base;
        }
        try {
            Files.createDirectories(base.getParent());
            Path staging = Files.createTempDirectory(base.getParent(), ".staging-");
            try {
                Path pkg = Files.createDirectories(staging.resolve(packageName));
                for (Map.Entry<String, byte[]> e : sources.entrySet()) {
                    Path target = pkg.resolve(e.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, e.getValue());
                }
                Files.move(staging, base, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                // Another Salvo published the same version first: use theirs.
            } catch (IOException e) {
                if (!Files.isDirectory(base)) {
                    throw e;
                }
            } finally {
                salvo.execute.ScratchDirectory.deleteTree(staging);
            }
            // A new version: the old ones nobody ran for a while would otherwise stay forever.
            removeUnused(base.getParent(), base, Instant.now());
            return base;
        } catch (IOException e) {
            throw SalvoError.internal("cannot unpack salvo's Python package " + packageName + " into " + base.getParent()
                    + " (" + e.getMessage() + "): set XDG_CACHE_HOME to a writable directory", e);
        }
    }

    /** The copy is in use: its time says so, and keeps it from {@link #removeUnused}. Best effort. */
    static void markUsed(Path copy, Instant now) {
        try {
            Files.setLastModifiedTime(copy, FileTime.from(now));
        } catch (IOException e) {
            // A cache shared read-only still serves; it is just never tidied from here.
        }
    }

    /**
     * Removes the copies in {@code dir}, other than {@code keep}, that no Salvo used for
     * {@link #UNUSED_FOR} (other versions', and staging left by a Salvo killed while unpacking).
     * Best effort: what cannot be removed stays.
     */
    static void removeUnused(Path dir, Path keep, Instant now) {
        Instant cutoff = now.minus(UNUSED_FOR);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path copy : entries.toList()) {
                if (!copy.equals(keep) && Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(copy).toInstant().isBefore(cutoff)) {
                    remove(copy);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Tidying never stands in the way of a run.
        }
    }

    /**
     * Renamed aside first: of two Salvos tidying at once only one takes a copy, and a copy half
     * removed never sits under a version's name. What a killed Salvo left aside keeps its old
     * time, so the next tidying removes it.
     */
    private static void remove(Path copy) {
        Path aside = copy.resolveSibling(".removing-" + copy.getFileName() + "-" + ProcessHandle.current().pid());
        try {
            Files.move(copy, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return; // another Salvo took it, or it cannot be moved: either way, not ours to remove
        }
        salvo.execute.ScratchDirectory.deleteTree(aside);
    }

    /** Where Salvo keeps what it unpacks from its jar: $XDG_CACHE_HOME/salvo, else ~/.cache/salvo. */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "salvo");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "salvo");
    }

    private static Map<String, byte[]> read(Class<?> owner, String folder, List<String> files) {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (String name : files) {
            String resource = "/" + folder + "/" + name;
            try (InputStream in = owner.getResourceAsStream(resource)) {
                if (in == null) {
                    throw SalvoError.internal("salvo's jar is missing " + folder + "/" + name + ": rebuild it", null);
                }
                sources.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static String hash(String packageName, Map<String, byte[]> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(packageName.getBytes(StandardCharsets.UTF_8));
            sources.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
