package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.load.Diagnostic;
import salvo.sequence.load.Loaded;
import salvo.testing.NoLeftoverProcesses;

/** `salvo seq check`: every problem is one line at file:line:column, exit 4, nothing run. */
class LoaderErrorsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Tum.Cli check(String text) {
        Path file = Tum.write(dir, "t.tum", text);
        return Tum.seq("check", file.toString());
    }

    private static void assertError(Tum.Cli r, String place, String words) {
        assertEquals(4, r.exit(), r.toString());
        String line = r.err().lines().filter(l -> l.contains(": error: ")).findFirst().orElseThrow(() -> new AssertionError(r));
        assertTrue(line.contains(place + ": error: "), "place " + place + " in: " + line);
        assertTrue(line.contains(words), "'" + words + "' in: " + line);
    }

    @Test
    void aValidFileChecksOk() {
        Tum.Cli r = check("""
                main:
                  name: ok
                  steps:
                    - let: {values: {a: 1}}
                    - check: {values: ["<| $(a) == 1 |>"]}
                """);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(": ok"), r.toString());
    }

    @Test
    void badYamlNamesItsLineAndColumn() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps: [ {let: {values: {a: 1}}
                """);
        assertError(r, "t.tum:4:1", "not valid YAML");
    }

    @Test
    void aBinaryFileAndAHugeFileAreOneLineEachNotAParserTrace() throws Exception {
        Path binary = dir.resolve("bin.tum");
        byte[] noise = new byte[4096];
        new java.util.Random(3).nextBytes(noise);
        java.nio.file.Files.write(binary, noise);
        assertError(Tum.seq("check", binary.toString()), "bin.tum:1:1", "not a text file (it is not UTF-8)");

        Path huge = dir.resolve("huge.tum");
        String step = "    - let: {values: [{x: 1}]}\n";
        java.nio.file.Files.writeString(huge, "main:\n  steps:\n" + step.repeat(50 * 1024 * 1024 / step.length()));
        assertError(Tum.seq("check", huge.toString()), "huge.tum:1:1", "the file is 50.0 MiB, more than the 3 MiB a "
                + "sequence file may be; split it with !include");
    }

    @Test
    void unknownItemListsTheKnownOnes() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - let: {values: {a: 1}}
                    - frobnicate: {a: 1}
                """);
        assertError(r, "t.tum:5:7", "'frobnicate' is not a known test item; known items: group, loop");
    }

    @Test
    void unknownFieldOnlyWarns() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - sleep: {timeout: 0, colour: red}
                """);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("t.tum:4:27: warning: unknown field 'colour' of sleep"), r.toString());
    }

    @Test
    void missingRequiredField() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - py_func: {name: p, file: a.py}
                """);
        assertError(r, "t.tum:4:7", "item 'p': required parameter 'func_name' is missing");
    }

    @Test
    void wrongTypeOfField() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - group:
                        steps: {a: 1}
                """);
        assertError(r, "t.tum:5:16", "field 'steps' of group 'group' must be a list of steps");
    }

    @Test
    void badEnumValue() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - parallel: {sync: some, branches: [{name: a, steps: []}]}
                """);
        assertError(r, "t.tum:4:24", "must be all or any");
    }

    @Test
    void missingIncludeNamesTheIncludingFile() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - !include common/missing.tum
                """);
        assertError(r, "t.tum:4:7", "Included file \"common/missing.tum\" not found: no file at");
    }

    @Test
    void errorsInsideAnIncludedFileNameThatFile() {
        Tum.write(dir, "common/bad.tum", """
                - let: {values: {a: 1}}
                - sleep: {}
                """);
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - !include common/bad.tum
                """);
        assertError(r, "common/bad.tum:2:3", "required parameter 'timeout' is missing");
    }

    @Test
    void expressionThatDoesNotParse() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - check: {values: ["<| $(a) == = 1 |>"]}
                """);
        assertError(r, "t.tum:4:24", "does not parse");
    }

    @Test
    void undefinedNameInAnIncludeArgument() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - !include $(where)/a.tum
                """);
        assertError(r, "t.tum:4:7", "$(where) is not defined at load time");
    }

    @Test
    void noMain() {
        Tum.Cli r = check("""
                other: 1
                """);
        assertError(r, "t.tum:1:1", "no 'main' item");
    }

    @Test
    void aStepWithTwoKeys() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - let: {values: {a: 1}}
                      sleep: {timeout: 1}
                """);
        assertError(r, "t.tum:4:7", "a step must be a mapping with exactly one item key");
    }

    @Test
    void templateErrorsPointAtTheSourceLine() {
        Tum.assumeJinja2();
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    {% for x in %}
                """);
        assertError(r, "t.tum:4:1", "Template error on line 4");
    }

    @Test
    void templatedFilesReportSourceLines() {
        Tum.assumeJinja2();
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                {% for i in range(3) %}
                    - sleep: {timeout: {{ i }}}
                {% endfor %}
                    - sleep: {}
                """);
        assertError(r, "t.tum:7:7", "required parameter 'timeout' is missing");
    }

    @Test
    void aTemplatedFileNeedsJinja2AndSaysHowToGetIt() throws Exception {
        Process venv = new ProcessBuilder("/usr/bin/python3", "-c", "import jinja2").redirectErrorStream(true).start();
        venv.getInputStream().readAllBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(venv.waitFor() != 0, "/usr/bin/python3 has jinja2 here");
        Tum.Cli r = Tum.seq("check", "-d", "python_bin=/usr/bin/python3",
                Tum.write(dir, "t.tum", "main:\n  name: x\n  steps: []  {# a comment #}\n").toString());
        assertError(r, "t.tum:1:1", "has no jinja2: install it (apt-get install python3-jinja2");
    }

    @Test
    void nonStaticSkippedIsAnError() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - sleep: {timeout: 0, skipped: "$(later)"}
                """);
        assertError(r, "t.tum:4:36", "'skipped' of sleep 'sleep' must be known at load");
    }

    @Test
    void pythonTagsAreRefused() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps: !!python/object/apply:os.system ["true"]
                """);
        assertError(r, "t.tum:3:10", "would run Python code");
    }

    @Test
    void unsupportedItemsStillLoadAndCheck() {
        Loaded loaded = Tum.load(Tum.write(dir, "t.tum", """
                main:
                  name: x
                  steps:
                    - console:
                        console_name: dut
                        steps:
                          - open: {protocol: serial, serial_port: /dev/null, serial_baudrate: 115200}
                          - writeln: reboot
                          - read_until: {expected: ["login:"], timeout: 1}
                    - git: {repo: .}
                    - json_rpc: {timeout: 1, udp: {server: h, snd_port: 1, rcv_port: 2}, steps: [{query: {method: m}}]}
                    - plot: {plot_name: p, steps: [{open: {}}, {add: {a: 1}}]}
                    - lua_func: {file: a.lua, func_name: f}
                    - unittest: {test_file: t.py}
                """));
        assertTrue(loaded.ok(), loaded.diagnostics().toString());
    }

    @Test
    void unknownActionOfAConsole() {
        Tum.Cli r = check("""
                main:
                  name: x
                  steps:
                    - console: {console_name: d, steps: [{dance: 1}]}
                """);
        assertError(r, "t.tum:4:43", "console has an unknown action 'dance'");
    }

    @Test
    void unknownExportFormatsWarnWhereTheyAre() {
        Loaded loaded = Tum.load(Tum.write(dir, "t.tum", """
                report:
                  export:
                    - junit: {}
                    - pdfx: {}
                main:
                  name: m
                  steps:
                    - report: {name: r, export: [{csvx: {}}, notamap]}
                """));
        assertTrue(loaded.ok(), loaded.diagnostics().toString());
        List<String> all = loaded.diagnostics().stream().map(Diagnostic::format).toList();
        assertTrue(all.stream().anyMatch(d -> d.contains("t.tum:4:7: warning: 'pdfx' is not an export format of Salvo")), all.toString());
        assertTrue(all.stream().anyMatch(d -> d.contains("t.tum:8:35: warning: 'csvx' is not an export format")), all.toString());
        assertTrue(all.stream().anyMatch(d -> d.contains("warning: an export of report 'r' is a mapping with one format key")),
                all.toString());
        assertEquals(3, all.size(), all.toString());
    }

    @Test
    void duplicateKeysWarnAndTheLastWins() {
        Loaded loaded = Tum.load(Tum.write(dir, "t.tum", """
                main:
                  name: first
                  name: second
                  steps: []
                """));
        assertTrue(loaded.ok());
        assertEquals("second", loaded.main().name());
        List<Diagnostic> warnings = loaded.diagnostics();
        assertTrue(warnings.get(0).format().contains("t.tum:3:3: warning: duplicate key 'name'"), warnings.toString());
    }
}
