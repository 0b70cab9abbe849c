package salvo.sequence.report;

/** Escaping for the XML and HTML exports. */
final class Markup {
    private Markup() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n', '\r', '\t' -> b.append(c);
                default -> {
                    // XML 1.0 has no place for other control characters (a console's escape codes).
                    if (c >= 0x20) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
