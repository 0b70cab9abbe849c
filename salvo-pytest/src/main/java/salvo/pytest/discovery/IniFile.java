package salvo.pytest.discovery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import salvo.error.SalvoError;

/**
 * An INI file read by the rules of iniconfig, the parser pytest uses, so that a file pytest rejects
 * is rejected here too: {@code [section]} headers, {@code key = value} or {@code key: value},
 * values continued on indented lines (joined with '\n'; blank and comment lines in between are
 * skipped), whole-line comments starting with '#' or ';'. A '#' after a value is part of the value,
 * as it is for pytest.
 */
final class IniFile {
    /** A value and the 1-based line of its key. */
    record Entry(String value, int line) {}

    record Section(String name, int line, Map<String, Entry> entries) {}

    private final Map<String, Section> sections;

    private IniFile(Map<String, Section> sections) {
        this.sections = sections;
    }

    static IniFile read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw ConfigFileError.in(file, "not valid UTF-8");
        } catch (IOException e) {
            throw SalvoError.usage(file + ": cannot be read (" + e + "); check its permissions", e);
        }
        return parse(text, file);
    }

    /** @param source the file named in error messages */
    static IniFile parse(String text, Path source) {
        Map<String, Section> sections = new LinkedHashMap<>();
        Section current = null;
        String openKey = null; // the key that an indented line would continue
        String[] lines = text.split("\\R", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNo = index + 1;
            String line = lines[index].stripTrailing();
            if (line.isEmpty() || isComment(line)) {
                continue;
            }
            String header = line.charAt(0) == '[' ? headerName(line) : null;
            if (header != null) {
                if (header.isEmpty()) {
                    throw ConfigFileError.at(source, lineNo, "empty section name");
                }
                if (sections.containsKey(header)) {
                    throw ConfigFileError.at(source, lineNo, "duplicate section '" + header + "'");
                }
                current = new Section(header, lineNo, new LinkedHashMap<>());
                sections.put(header, current);
                openKey = null;
            } else if (line.charAt(0) == '[' || Character.isWhitespace(line.charAt(0))) {
                // iniconfig takes an unclosed "[..." line as a continuation, like an indented one
                if (openKey == null) {
                    throw ConfigFileError.at(source, lineNo, "unexpected value continuation");
                }
                Entry open = current.entries().get(openKey);
                String joined = open.value().isEmpty() ? line.strip() : open.value() + "\n" + line.strip();
                current.entries().put(openKey, new Entry(joined, open.line()));
            } else {
                if (current == null) {
                    throw ConfigFileError.at(source, lineNo, "no section header defined");
                }
                String[] keyValue = splitKeyValue(line);
                if (keyValue == null) {
                    throw ConfigFileError.at(source, lineNo, "unexpected line: '" + line + "'");
                }
                String key = keyValue[0].strip();
                if (current.entries().containsKey(key)) {
                    throw ConfigFileError.at(source, lineNo, "duplicate name '" + key + "'");
                }
                current.entries().put(key, new Entry(keyValue[1].strip(), lineNo));
                openKey = key;
            }
        }
        Map<String, Section> frozen = new LinkedHashMap<>();
        sections.forEach((name, s) -> frozen.put(name, new Section(name, s.line(), Map.copyOf(s.entries()))));
        return new IniFile(frozen);
    }

    Optional<Section> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    private static boolean isComment(String line) {
        char first = line.stripLeading().charAt(0);
        return first == '#' || first == ';';
    }

    /** The name inside {@code [name]}, a trailing comment removed; null if the line is no header. */
    private static String headerName(String line) {
        String withoutComment = line;
        for (char commentChar : new char[] {'#', ';'}) {
            int at = withoutComment.indexOf(commentChar);
            if (at >= 0) {
                withoutComment = withoutComment.substring(0, at);
            }
        }
        withoutComment = withoutComment.stripTrailing();
        if (withoutComment.length() < 2 || !withoutComment.endsWith("]")) {
            return null;
        }
        return withoutComment.substring(1, withoutComment.length() - 1);
    }

    /** Splits at the first '=', or at the first ':' when there is no '=' or the name holds a ':'. */
    private static String[] splitKeyValue(String line) {
        int equals = line.indexOf('=');
        if (equals >= 0 && line.substring(0, equals).indexOf(':') < 0) {
            return new String[] {line.substring(0, equals), line.substring(equals + 1)};
        }
        int colon = line.indexOf(':');
        if (colon >= 0) {
            return new String[] {line.substring(0, colon), line.substring(colon + 1)};
        }
        return null;
    }
}
