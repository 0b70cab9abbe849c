package salvo.pytest.discovery;

import java.nio.file.Path;
import salvo.error.SalvoError;

/** The one shape of a complaint about a config file: where, what, and that the user must act. */
final class ConfigFileError {
    private ConfigFileError() {}

    static SalvoError at(Path file, int line, String what) {
        return SalvoError.usage(file + ":" + line + ": " + what + "; fix it or remove it");
    }

    static SalvoError in(Path file, String what) {
        return SalvoError.usage(file + ": " + what + "; fix it or remove it");
    }
}
