package salvo.pytest.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import salvo.error.SalvoError;

/**
 * Turns a path as the user typed it into a file or directory: a path relative to the invocation
 * directory, or else a dotted package name ({@code factory.core}) read as {@code factory/core} or
 * the module {@code factory/core.py}, relative to the invocation directory and then to rootdir.
 */
final class PathArgument {
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+");

    private PathArgument() {}

    /** @return an absolute, normalized path to an existing directory or .py file */
    static Path resolve(String arg, PytestConfig config) {
        Path direct = config.invocationDir().resolve(arg).normalize();
        if (Files.exists(direct)) {
            return requireDirectoryOrPythonFile(direct, arg);
        }
        if (DOTTED_NAME.matcher(arg).matches()) {
            String relative = arg.replace('.', '/');
            for (Path base : List.of(config.invocationDir(), config.rootdir())) {
                Path dir = base.resolve(relative);
                if (Files.isDirectory(dir)) {
                    return dir;
                }
                Path module = base.resolve(relative + ".py");
                if (Files.isRegularFile(module)) {
                    return module;
                }
            }
        }
        throw SalvoError.usage("path '" + arg + "' does not exist (not a file, directory or package): check the spelling");
    }

    private static Path requireDirectoryOrPythonFile(Path path, String arg) {
        if (Files.isDirectory(path) || (Files.isRegularFile(path) && TestFileWalker.isPythonFile(path))) {
            return path;
        }
        throw SalvoError.usage("path '" + arg + "' is not a .py file or a directory: pytest collects only Python files");
    }
}
