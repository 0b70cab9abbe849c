package salvo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.error.SalvoError;

class ProjectCommandsTest {
    @TempDir
    Path dir;

    private List<CommandSpec> read(String yaml) throws IOException {
        Files.writeString(dir.resolve("salvo.yaml"), yaml);
        return ProjectCommands.read(dir);
    }

    /** The one-line message of the usage error reading {@code yaml} gives. */
    private String error(String yaml) throws IOException {
        Files.writeString(dir.resolve("salvo.yaml"), yaml);
        SalvoError e = assertThrows(SalvoError.class, () -> ProjectCommands.read(dir));
        assertEquals(SalvoError.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void noFileMeansNoCommands() {
        assertEquals(List.of(), ProjectCommands.read(dir));
    }

    @Test
    void readsEveryField() throws IOException {
        Files.createDirectories(dir.resolve("backend"));
        List<CommandSpec> specs = read("""
                commands:
                  - name: lint
                    run: ruff check .
                  - name: go
                    run: [go, test, "./..."]
                    cwd: backend
                    env: {CGO_ENABLED: "0", N: 3}
                    timeout: 1.5
                    junit: target/*.xml
                """);
        assertEquals(2, specs.size());
        CommandSpec lint = specs.get(0);
        assertEquals("lint", lint.name());
        assertEquals("command:lint", lint.unitId());
        assertEquals(new CommandSpec.Shell("ruff check ."), lint.run());
        assertEquals(dir, lint.cwd());
        assertEquals(Optional.empty(), lint.timeout());
        assertEquals("salvo.yaml:3:10", lint.origin());
        CommandSpec go = specs.get(1);
        assertEquals(List.of("go", "test", "./..."), go.run().argv());
        assertEquals(dir.resolve("backend"), go.cwd());
        assertEquals(Map.of("CGO_ENABLED", "0", "N", "3"), go.env());
        assertEquals(Optional.of(Duration.ofMillis(1500)), go.timeout());
        assertEquals(Optional.of("target/*.xml"), go.junit());
    }

    @Test
    void anEmptyFileOrListHasNoCommands() throws IOException {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("commands:\n"));
        assertEquals(List.of(), read("commands: []\n"));
    }

    @Test
    void anUnknownKeyIsNamedWithItsPlace() throws IOException {
        assertEquals("salvo.yaml:3:5: unknown key 'tiemout' in command lint; a command may have: name, run, cwd, env, "
                + "timeout, junit", error("commands:\n  - name: lint\n    tiemout: 3\n    run: make lint\n"));
        assertTrue(error("comands:\n  - name: x\n").startsWith("salvo.yaml:1:1: unknown key 'comands'"));
    }

    @Test
    void aMissingNameOrRunIsNamedWithItsPlace() throws IOException {
        assertEquals("salvo.yaml:2:5: this command has no name; add 'name: NAME' "
                + "(letters, digits, '.', '_' and '-', not starting with '.' or '-')", error("commands:\n  - run: make\n"));
        assertEquals("salvo.yaml:4:5: command lint has no run; add 'run:' with a shell line or a list of argv strings",
                error("commands:\n  - name: ok\n    run: make\n  - name: lint\n    cwd: .\n"));
    }

    @Test
    void aWrongTypeIsNamedWithItsPlace() throws IOException {
        assertEquals("salvo.yaml:3:10: run of command lint must be a string (a shell line) or a list of strings "
                + "(an argv); got a mapping", error("commands:\n  - name: lint\n    run: {make: lint}\n"));
        assertTrue(error("commands:\n  - name: t\n    run: x\n    timeout: soon\n")
                .startsWith("salvo.yaml:4:14: timeout of command t must be a positive number of seconds"));
        assertTrue(error("commands:\n  - name: t\n    run: x\n    timeout: -1\n").startsWith("salvo.yaml:4:14: "));
        assertTrue(error("commands: lint\n").startsWith("salvo.yaml:1:11: commands must be a list"));
        assertTrue(error("commands:\n  - lint\n").startsWith("salvo.yaml:2:5: each command must be a mapping"));
        assertTrue(error("commands:\n  - name: t\n    run: [make, [x]]\n").startsWith("salvo.yaml:3:17: "));
        assertTrue(error("commands:\n  - name: t\n    run: x\n    env: [A]\n").startsWith("salvo.yaml:4:10: env of command t"));
    }

    @Test
    void aDuplicateNameIsNamedWithBothPlaces() throws IOException {
        assertEquals("salvo.yaml:4:11: a command named lint is already declared at salvo.yaml:2:11; "
                        + "give each command its own name",
                error("commands:\n  - name: lint\n    run: a\n  - name: lint\n    run: b\n"));
    }

    @Test
    void aDuplicateKeyIsNamedWithBothPlaces() throws IOException {
        assertEquals("salvo.yaml:4:5: key 'run' appears twice in this mapping (first at salvo.yaml:3:5); keep one",
                error("commands:\n  - name: lint\n    run: a\n    run: b\n"));
    }

    @Test
    void aBadNameOrAMissingDirectoryIsNamedWithItsPlace() throws IOException {
        assertTrue(error("commands:\n  - name: my lint\n    run: a\n")
                .startsWith("salvo.yaml:2:11: command name 'my lint' is not valid; use letters"));
        assertTrue(error("commands:\n  - name: go\n    run: a\n    cwd: nowhere\n")
                .startsWith("salvo.yaml:4:10: cwd 'nowhere' of command go is not a directory"));
    }

    @Test
    void brokenYamlIsNamedWithItsPlace() throws IOException {
        String message = error("commands:\n  - name: lint\n    run: [a, b\n");
        assertTrue(message.matches("salvo\\.yaml:\\d+:\\d+: not valid YAML: .*; fix the syntax"), message);
    }
}
