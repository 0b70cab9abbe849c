package salvo.pytest.discovery;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import salvo.error.SalvoError;

/**
 * Reads pytest's settings from TOML: pyproject.toml ({@code [tool.pytest.ini_options]}, where a
 * string is split like an INI value, or pytest 9's {@code [tool.pytest]}, which wants arrays) and
 * pytest.toml / .pytest.toml ({@code [pytest]}, arrays too).
 */
final class TomlSettings {
    private static final TomlMapper TOML = new TomlMapper();

    private TomlSettings() {}

    /** @return the settings, or empty if the pyproject.toml holds no pytest table */
    static Optional<Map<Setting, List<String>>> readPyproject(Path file) {
        JsonNode toolPytest = parse(file).path("tool").path("pytest");
        if (!toolPytest.isObject()) {
            return Optional.empty();
        }
        JsonNode iniOptions = toolPytest.get("ini_options");
        boolean hasNative = toolPytest.size() > (iniOptions == null ? 0 : 1);
        if (hasNative && iniOptions != null && !iniOptions.isEmpty()) {
            throw ConfigFileError.in(file, "[tool.pytest] and [tool.pytest.ini_options] cannot both be used,"
                    + " pytest reads only one of them");
        }
        if (hasNative) {
            return Optional.of(nativeSettings(toolPytest, file, "[tool.pytest]"));
        }
        if (iniOptions == null) {
            return Optional.empty();
        }
        if (!iniOptions.isObject()) {
            throw ConfigFileError.in(file, "[tool.pytest.ini_options] must be a table");
        }
        return Optional.of(iniModeSettings(iniOptions, file));
    }

    /** pytest.toml is pytest's config even when it has no [pytest] table. */
    static Map<Setting, List<String>> readPytestToml(Path file) {
        JsonNode pytest = parse(file).path("pytest");
        return pytest.isObject() ? nativeSettings(pytest, file, "[pytest]") : Map.of();
    }

    private static JsonNode parse(Path file) {
        try {
            return TOML.readTree(file.toFile());
        } catch (StreamReadException e) {
            JsonLocation where = e.getLocation();
            String what = "not valid TOML (" + e.getOriginalMessage() + ")";
            throw where != null && where.getLineNr() > 0
                    ? ConfigFileError.at(file, where.getLineNr(), what)
                    : ConfigFileError.in(file, what);
        } catch (IOException e) {
            throw SalvoError.usage(file + ": cannot be read (" + e + "); check its permissions", e);
        }
    }

    /** INI mode: a string is split into words as in an INI file; an array is taken as it is. */
    private static Map<Setting, List<String>> iniModeSettings(JsonNode table, Path file) {
        Map<Setting, List<String>> settings = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            JsonNode value = table.get(setting.key);
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                settings.put(setting, strings(value, file, setting, "[tool.pytest.ini_options]"));
            } else if (value.isValueNode()) {
                try {
                    settings.put(setting, ShellWords.split(value.asText()));
                } catch (IllegalArgumentException e) {
                    throw ConfigFileError.in(file, setting.key + " in [tool.pytest.ini_options]: " + e.getMessage());
                }
            } else {
                throw ConfigFileError.in(file, setting.key + " in [tool.pytest.ini_options] must be a string or an array of strings");
            }
        }
        return settings;
    }

    /** TOML mode (pytest 9): values keep their TOML types, and these settings must be arrays. */
    private static Map<Setting, List<String>> nativeSettings(JsonNode table, Path file, String tableName) {
        Map<Setting, List<String>> settings = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            JsonNode value = table.get(setting.key);
            if (value == null) {
                continue;
            }
            if (!value.isArray()) {
                throw ConfigFileError.in(file, setting.key + " in " + tableName + " must be an array of strings");
            }
            settings.put(setting, strings(value, file, setting, tableName));
        }
        return settings;
    }

    private static List<String> strings(JsonNode array, Path file, Setting setting, String tableName) {
        List<String> values = new ArrayList<>();
        for (Iterator<JsonNode> items = array.elements(); items.hasNext(); ) {
            JsonNode item = items.next();
            if (!item.isTextual()) {
                throw ConfigFileError.in(file, setting.key + " in " + tableName + " must be an array of strings, not hold " + item);
            }
            values.add(item.asText());
        }
        return values;
    }
}
