package salvo.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a machine needs to join a run: where it is served, the SHA-256 fingerprint of the run's
 * certificate (which the worker pins) and the secret token (which the run checks). Kept in a
 * small text file, mode 0600, one {@code key=value} a line:
 *
 * <pre>
 * # salvo join token: secret; whoever holds it can run tests for this run
 * address=127.0.0.1:40123
 * fingerprint=3f9a...(64 hex digits)
 * token=8c1e...(64 hex digits)
 * </pre>
 */
public record JoinToken(String address, String fingerprint, String token) {
    private static final String HEADER = "# salvo join token: secret; whoever holds it can run tests for this run";

    public JoinToken {
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits (SHA-256)");
        }
        if (!token.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token is 64 lower-case hex digits");
        }
    }

    /** A fresh token of 256 random bits for a run served at {@code address} with this certificate. */
    public static JoinToken fresh(String address, String fingerprint) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new JoinToken(address, fingerprint, HexFormat.of().formatHex(secret));
    }

    /** Whether {@code presented} is this token, in time that does not depend on how much of it matches. */
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    public String format() {
        return HEADER + "\naddress=" + address + "\nfingerprint=" + fingerprint + "\ntoken=" + token + "\n";
    }

    /** Parses a token file's text; the exception's message says what is wrong with it. */
    public static JoinToken parse(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + l + "' is not key=value");
            }
            keys.put(l.substring(0, eq), l.substring(eq + 1));
        }
        for (String key : new String[] {"address", "fingerprint", "token"}) {
            if (!keys.containsKey(key)) {
                throw new IllegalArgumentException("no " + key + "= line");
            }
        }
        return new JoinToken(keys.get("address"), keys.get("fingerprint"), keys.get("token"));
    }

    /** Writes the file readable by its owner only, atomically: a reader never sees half of it. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".join-token", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, format(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static JoinToken read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
