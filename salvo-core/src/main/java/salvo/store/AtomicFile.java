package salvo.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import salvo.error.SalvoError;

/**
 * Writes a file so that readers see either the old content or the new, never a half-written
 * file: a temporary file in the same directory, flushed to disk, then renamed over the target.
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static void write(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        Objects.requireNonNull(content, "content");
        write(target, out -> out.write(content));
    }

    /** What goes in the file, written as a stream: a large run never has to exist in memory as text. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Creates missing parent directories; leaves no temporary file behind when it fails. */
    public static void write(Path target, Content content) {
        Objects.requireNonNull(content, "content");
        replace(target, temp -> writeDurably(temp, content));
    }

    /**
     * Makes {@code target} a second name of {@code source}, a file already on disk, replacing it
     * atomically: nothing is copied or flushed again. Where the file system has no hard links,
     * {@code source} is copied instead.
     */
    public static void link(Path target, Path source) {
        Objects.requireNonNull(source, "source");
        replace(target, temp -> {
            try {
                Files.createLink(temp, source);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                writeDurably(temp, out -> Files.copy(source, out));
            }
        });
    }

    /** How the temporary file gets its content. */
    @FunctionalInterface
    private interface Filling {
        void fill(Path temp) throws IOException;
    }

    private static void replace(Path target, Filling filling) {
        Objects.requireNonNull(target, "target");
        Path dir = target.toAbsolutePath().getParent();
        // A random name rather than Files.createTempFile, whose owner-only permissions the
        // renamed file would keep.
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw SalvoError.usage("could not create the directory " + dir + " for " + target.getFileName() + " ("
                    + IoReason.of(e) + "): move aside what is in its place, or make its parent writable", e);
        }
        try {
            filling.fill(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } catch (IOException e) {
            throw SalvoError.usage("could not write " + target + " (" + IoReason.of(e)
                    + "): check that its directory is writable and the disk has space", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void writeDurably(Path temp, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
                    1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    // Makes the rename itself survive a power cut. Not every platform can open a directory
    // (Windows cannot); there the rename is as durable as the file system makes it.
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // best effort, see above
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write's own error, if any, is the one worth reporting
        }
    }
}
