package salvo.place;

import java.util.List;
import java.util.stream.Collectors;

/** Words for a POSIX shell on the other side of ssh, which runs the command line it is given. Pure. */
final class ShellLine {
    private ShellLine() {}

    /** One word, single-quoted unless it is plainly safe. */
    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String join(List<String> words) {
        return words.stream().map(ShellLine::quote).collect(Collectors.joining(" "));
    }
}
