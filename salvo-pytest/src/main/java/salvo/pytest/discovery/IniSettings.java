package salvo.pytest.discovery;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads pytest's settings from one section of an INI-style file (pytest.ini, tox.ini, setup.cfg). */
final class IniSettings {
    private IniSettings() {}

    /**
     * @param section      the section that holds pytest's settings
     * @param alwaysConfig whether the file is pytest's config even without that section
     * @return the settings found, or empty if this file is not a pytest config file
     */
    static Optional<Map<Setting, List<String>>> read(Path file, String section, boolean alwaysConfig) {
        IniFile ini = IniFile.read(file);
        Optional<IniFile.Section> found = ini.section(section);
        if (found.isEmpty()) {
            return alwaysConfig ? Optional.of(Map.of()) : Optional.empty();
        }
        return Optional.of(settingsOf(found.get(), file));
    }

    /** setup.cfg: pytest refuses a plain [pytest] section there rather than silently ignoring it. */
    static Optional<Map<Setting, List<String>>> readSetupCfg(Path file) {
        IniFile ini = IniFile.read(file);
        Optional<IniFile.Section> toolPytest = ini.section("tool:pytest");
        if (toolPytest.isPresent()) {
            return Optional.of(settingsOf(toolPytest.get(), file));
        }
        Optional<IniFile.Section> plain = ini.section("pytest");
        if (plain.isPresent()) {
            throw ConfigFileError.at(file, plain.get().line(),
                    "pytest no longer reads a [pytest] section in setup.cfg, it must be [tool:pytest]");
        }
        return Optional.empty();
    }

    private static Map<Setting, List<String>> settingsOf(IniFile.Section section, Path file) {
        Map<Setting, List<String>> settings = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            IniFile.Entry entry = section.entries().get(setting.key);
            if (entry != null) {
                try {
                    settings.put(setting, ShellWords.split(entry.value()));
                } catch (IllegalArgumentException e) {
                    throw ConfigFileError.at(file, entry.line(), setting.key + ": " + e.getMessage());
                }
            }
        }
        return settings;
    }
}
