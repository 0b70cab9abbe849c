package salvo.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinTokenTest {
    private static final String PRINT = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void theFileIsOwnerOnlyAndReadsBackAsWritten() throws Exception {
        JoinToken token = JoinToken.fresh("127.0.0.1:7777", PRINT);
        Path file = dir.resolve("store/join-token");
        token.write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(token, JoinToken.read(file));
        String text = Files.readString(file);
        assertTrue(text.startsWith("# salvo join token: secret"), text);
        assertTrue(text.contains("\naddress=127.0.0.1:7777\nfingerprint=" + PRINT + "\ntoken=" + token.token() + "\n"), text);
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void freshTokensAre256RandomBits() {
        String a = JoinToken.fresh("h:1", PRINT).token();
        String b = JoinToken.fresh("h:1", PRINT).token();
        assertEquals(64, a.length());
        assertNotEquals(a, b);
    }

    @Test
    void onlyTheSameTokenIsAccepted() {
        JoinToken token = JoinToken.fresh("h:1", PRINT);
        assertTrue(token.accepts(token.token()));
        assertFalse(token.accepts(token.token().substring(0, 63)), "a prefix");
        assertFalse(token.accepts(token.token() + "0"), "longer");
        assertFalse(token.accepts(token.token().toUpperCase()), "another spelling");
        assertFalse(token.accepts(""));
        assertFalse(token.accepts(null));
    }

    @Test
    void aBrokenFileSaysWhatIsWrong() {
        assertEquals("no token= line", assertThrows(IllegalArgumentException.class,
                () -> JoinToken.parse("address=h:1\nfingerprint=" + PRINT + "\n")).getMessage());
        assertEquals("'garbage' is not key=value", assertThrows(IllegalArgumentException.class,
                () -> JoinToken.parse("garbage\n")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JoinToken.parse("address=h:1\nfingerprint=zz\ntoken=" + PRINT)).getMessage().contains("SHA-256"));
    }

    @Test
    void addressesAreHostAndPort() {
        assertEquals(new ServeAddress("0.0.0.0", 7777), ServeAddress.parse("0.0.0.0:7777"));
        assertEquals(new ServeAddress("::1", 0), ServeAddress.parse("[::1]:0"));
        assertEquals("[::1]:5", ServeAddress.join("::1", 5));
        for (String bad : new String[] {"7777", ":7777", "host:", "host:70000", "host:x"}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> ServeAddress.parse(bad)).getMessage()
                    .startsWith("--serve " + bad + ": write HOST:PORT"), bad);
        }
    }
}
