package salvo.sequence.load;

import java.nio.file.Path;

/** A place in a source file: lines and columns count from 1. */
public record Mark(Path file, int line, int column) {
    public static Mark of(Path file) {
        return new Mark(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
