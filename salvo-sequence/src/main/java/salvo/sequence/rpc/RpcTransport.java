package salvo.sequence.rpc;

import java.util.Map;
import salvo.sequence.expr.PyRepr;

/**
 * json_rpc's transport (§3.11), checked before any action runs: {@code console: {name, prompt}}
 * (an open console; the prompt ends each read, a newline by default) or
 * {@code udp: {server, snd_port, rcv_port, bufsize, multicast_if}}, exactly one.
 */
public record RpcTransport(String console, String prompt, String server, int sndPort, int rcvPort, int bufsize,
                           String multicastIf) {
    public boolean udp() {
        return console == null;
    }

    public String label() {
        return udp() ? "udp " + server + ":" + sndPort + " (replies on " + rcvPort + ")" : "console '" + console + "'";
    }

    /** The transport of the item's console and udp fields (expanded); IllegalArgumentException says what is wrong. */
    public static RpcTransport of(Object console, Object udp) {
        if ((console == null) == (udp == null)) {
            throw new IllegalArgumentException("give exactly one transport: console: {name: ...} or "
                    + "udp: {server: ..., snd_port: ..., rcv_port: ...}");
        }
        if (console != null) {
            if (!(console instanceof Map<?, ?> c) || c.get("name") == null) {
                throw new IllegalArgumentException("the console transport needs name: the console_name of an open console");
            }
            return new RpcTransport(PyRepr.str(c.get("name")), c.get("prompt") == null ? "\n" : PyRepr.str(c.get("prompt")),
                    null, 0, 0, 0, null);
        }
        if (!(udp instanceof Map<?, ?> u) || u.get("server") == null || u.get("snd_port") == null
                || u.get("rcv_port") == null) {
            throw new IllegalArgumentException("the udp transport needs server, snd_port and rcv_port");
        }
        return new RpcTransport(null, null, PyRepr.str(u.get("server")), port(u, "snd_port"), port(u, "rcv_port"),
                u.get("bufsize") == null ? 1450 : port(u, "bufsize"),
                u.get("multicast_if") == null ? null : PyRepr.str(u.get("multicast_if")));
    }

    private static int port(Map<?, ?> m, String key) {
        Object v = m.get(key);
        try {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(PyRepr.str(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("udp " + key + " must be a number, got " + PyRepr.repr(v));
        }
    }
}
