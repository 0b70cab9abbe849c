package salvo.serve;

/**
 * Where a run serves joining workers, as {@code --serve HOST:PORT} writes it ({@code 0.0.0.0:7777},
 * {@code 127.0.0.1:0} for any free port, {@code [::1]:7777}). Pure.
 */
public record ServeAddress(String host, int port) {
    public static ServeAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--serve " + text + ": write HOST:PORT, e.g. 0.0.0.0:7777 or 127.0.0.1:0");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535 || host.isEmpty()) {
            throw new IllegalArgumentException("--serve " + text + ": write HOST:PORT with a port from 0 (any free one) "
                    + "to 65535");
        }
        return new ServeAddress(host, port);
    }

    /** HOST:PORT as a worker writes it after --connect. */
    public static String join(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
