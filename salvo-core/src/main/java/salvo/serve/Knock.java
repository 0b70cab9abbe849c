package salvo.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * The other side of a {@link TokenDoor}: a TLS 1.3 connection whose certificate must be the one
 * the token file pins, and the token presented in the first line. What the door answers is the
 * caller's to read.
 */
final class Knock {
    private static final int CONNECT_MILLIS = 10_000;

    private Knock() {}

    /**
     * @param answerMillis how long reads may wait from now on (the other side may be busy starting)
     * @throws JoinedRun.Refused when the certificate there is not the pinned one
     */
    static SSLSocket on(String address, JoinToken token, int answerMillis) throws IOException {
        ServeAddress where = ServeAddress.parse(address);
        SSLSocket socket;
        try {
            socket = (SSLSocket) new PinnedCertificate(token.fingerprint()).context().getSocketFactory().createSocket();
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS 1.3 is not available: " + e.getMessage(), e);
        }
        try {
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            socket.connect(new InetSocketAddress(where.host(), where.port()), CONNECT_MILLIS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(answerMillis);
            try {
                socket.startHandshake();
            } catch (SSLHandshakeException e) {
                String why = String.valueOf(e.getMessage());
                int pinned = why.indexOf(PinnedCertificate.MISMATCH);
                throw new JoinedRun.Refused(pinned >= 0 ? why.substring(pinned) + ", the token file's is "
                        + token.fingerprint() : "TLS handshake with " + address + " failed: " + why);
            }
            OutputStream out = socket.getOutputStream();
            out.write(JoinProtocol.line(JoinProtocol.join(token.token())));
            out.flush();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
