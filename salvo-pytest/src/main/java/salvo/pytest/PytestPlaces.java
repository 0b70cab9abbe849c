package salvo.pytest;

import java.nio.file.Path;
import java.util.List;

/**
 * Where pytest processes run and what their file names are relative to. Every process starts
 * in the directory salvo was started in, as `python -m pytest` from there would (that directory
 * is on sys.path: a test may import from it); unit ids are relative to the rootdir, so files are
 * given to pytest as absolute paths, and pytest names their tests relative to the rootdir again.
 */
record PytestPlaces(Path cwd, Path rootDir) {
    /** The files of these units as pytest arguments. */
    List<String> files(List<String> unitIds) {
        return unitIds.stream().map(id -> rootDir.resolve(id).toString()).toList();
    }
}
