package salvo.pytest.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The files pytest takes its configuration from, in the order it looks for them in a directory. */
enum ConfigFileKind {
    PYTEST_TOML("pytest.toml"),
    DOT_PYTEST_TOML(".pytest.toml"),
    PYTEST_INI("pytest.ini"),
    DOT_PYTEST_INI(".pytest.ini"),
    PYPROJECT_TOML("pyproject.toml"),
    TOX_INI("tox.ini"),
    SETUP_CFG("setup.cfg");

    final String fileName;

    ConfigFileKind(String fileName) {
        this.fileName = fileName;
    }

    /** The kind a file given with -c is read as: by its name, else as an ini file, as pytest does. */
    static ConfigFileKind ofGiven(Path file) {
        String name = file.getFileName().toString();
        for (ConfigFileKind kind : values()) {
            if (kind.fileName.equals(name)) {
                return kind;
            }
        }
        return name.endsWith(".toml") ? PYTEST_TOML : PYTEST_INI;
    }

    /** @return the settings, or empty if this file exists but is not a pytest config file */
    Optional<Map<Setting, List<String>>> read(Path file) {
        return switch (this) {
            case PYTEST_TOML, DOT_PYTEST_TOML -> Optional.of(TomlSettings.readPytestToml(file));
            case PYTEST_INI, DOT_PYTEST_INI -> IniSettings.read(file, "pytest", true);
            case PYPROJECT_TOML -> TomlSettings.readPyproject(file);
            case TOX_INI -> IniSettings.read(file, "pytest", false);
            case SETUP_CFG -> IniSettings.readSetupCfg(file);
        };
    }
}
