package salvo.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The certificate of one served run: a fresh key pair made by the JDK's own {@code keytool} in a
 * private temporary directory, loaded, and the directory deleted at once, so the private key
 * lives only in this JVM. Nobody signs it: workers trust it by its fingerprint alone.
 */
public final class RunCertificate {
    private final SSLContext context;
    private final String fingerprint;

    private RunCertificate(SSLContext context, String fingerprint) {
        this.context = context;
        this.fingerprint = fingerprint;
    }

    public static RunCertificate generate() throws IOException {
        Path dir = Files.createTempDirectory("salvo-serve-"); // 0700: private to this user
        try {
            Path store = dir.resolve("run.p12");
            char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
            keytool(store, new String(password));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return new RunCertificate(context, fingerprint(keys.getCertificate("run")));
        } catch (GeneralSecurityException e) {
            throw new IOException("could not load the run's certificate: " + e.getMessage(), e);
        } finally {
            salvo.execute.ScratchDirectory.deleteTree(dir);
        }
    }

    private static void keytool(Path store, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "run", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=salvo run", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass:env", "SALVO_STOREPASS")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("SALVO_STOREPASS", password); // not on the command line, which ps shows
        Process p = builder.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool could not make the run's certificate: " + out);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the run's certificate");
        }
    }

    /** The SHA-256 of a certificate's DER encoding, lower-case hex: what a worker pins. */
    public static String fingerprint(Certificate certificate) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    public SSLContext context() {
        return context;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
