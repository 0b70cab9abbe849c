package salvo.serve;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A worker's trust in one run: the server's certificate must be the one whose SHA-256
 * fingerprint the token file names, and nothing else (no CA, no host name: the run's
 * certificate is made for this run alone and is pinned instead).
 */
public final class PinnedCertificate extends X509ExtendedTrustManager {
    private final String fingerprint;

    public PinnedCertificate(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /** A TLS 1.3 client context that trusts only this certificate. */
    public SSLContext context() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, new TrustManager[] {this}, new SecureRandom());
        return context;
    }

    /** Whether this certificate is the pinned one; the check takes the same time whatever it is. */
    public boolean matches(X509Certificate certificate) throws GeneralSecurityException {
        return MessageDigest.isEqual(fingerprint.getBytes(StandardCharsets.US_ASCII),
                RunCertificate.fingerprint(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate was presented");
        }
        try {
            if (!matches(chain[0])) {
                throw new CertificateException(MISMATCH + RunCertificate.fingerprint(chain[0]));
            }
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    /** How a refused certificate's exception begins: what {@link Knock} turns into its one line. */
    static final String MISMATCH = "the certificate there is not the one the token file pins: its fingerprint is ";

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a worker does not accept connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
