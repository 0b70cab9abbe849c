package salvo.report;

/** Text made safe for XML 1.0, which has no way to escape most control characters. */
final class XmlText {
    private XmlText() {}

    /**
     * Drops what XML 1.0 forbids: control characters other than tab, newline and carriage return,
     * lone surrogates, U+FFFE and U+FFFF. Test output is full of terminal escapes; one of them must
     * not make the whole report unreadable.
     */
    static String legal(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (!isLegal(cp)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? s : out.toString();
    }

    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    // codePointAt returns a lone surrogate as itself, which falls outside every range.
    private static boolean isLegal(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
