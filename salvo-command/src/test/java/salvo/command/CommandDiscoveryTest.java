package salvo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import salvo.adapter.Adapter;
import salvo.adapter.Adapters;
import salvo.adapter.Discovery;
import salvo.adapter.DiscoveryRequest;
import salvo.error.SalvoError;
import salvo.model.TestUnit;

/** Which commands a run gets, and the errors that stop it before anything starts. */
class CommandDiscoveryTest {
    private static final String YAML = """
            commands:
              - name: lint
                run: "true"
              - name: unit
                run: [sh, -c, "exit 0"]
            """;

    @TempDir
    Path dir;

    private static List<String> ids(Discovery d) {
        return d.units().stream().map(TestUnit::id).toList();
    }

    private SalvoError refused(Harness h, String... paths) {
        SalvoError e = assertThrows(SalvoError.class, () -> h.discover(paths));
        assertEquals(SalvoError.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void itIsFoundByTheServiceLoader() {
        Adapter adapter = Adapters.load().byId("command").orElseThrow();
        assertTrue(adapter instanceof CommandAdapter);
        assertTrue(ServiceLoader.load(Adapter.class).stream().anyMatch(p -> p.type() == CommandAdapter.class));
    }

    @Test
    void withoutPathsEverySalvoYamlCommandRunsThenTheAdHocOnes() throws Exception {
        Harness h = new Harness(dir, "fmt=true").yaml(YAML);
        Discovery d = h.discover();
        assertEquals(List.of("command:lint", "command:unit", "command:fmt"), ids(d));
        assertEquals(dir, d.units().get(0).path());
        assertEquals("command", d.units().get(0).adapter());
        assertEquals(java.util.Optional.of(dir), d.root());
    }

    @Test
    void withPathsOnlyTheNamedCommandsRunButAdHocOnesAlways() throws Exception {
        Harness h = new Harness(dir, "fmt=true").yaml(YAML);
        assertEquals(List.of("command:lint", "command:fmt"), ids(h.discover("lint", "tests/test_x.py")));
        assertEquals(List.of("command:unit", "command:fmt"), ids(h.discover("command:unit")));
        // A PATH that names no command is another adapter's business: no error, no command.
        assertEquals(List.of("command:fmt"), ids(h.discover("tests")));
    }

    @Test
    void anExcludedCommandDoesNotRun() throws Exception {
        Harness h = new Harness(dir).yaml(YAML);
        Discovery d = h.adapter.discover(new DiscoveryRequest(dir, List.of(), List.of("lint"), false));
        assertEquals(List.of("command:unit"), ids(d));
    }

    @Test
    void nothingToRunIsNoUnits() {
        Discovery d = new Harness(dir).discover();
        assertEquals(List.of(), d.units());
        assertTrue(d.looking().contains("salvo.yaml"), d.looking());
    }

    @Test
    void commandIsAPicocliMixin() {
        CommandOptions options = new CommandOptions();
        CommandLine cli = new CommandLine(CommandSpec.create());
        cli.addMixin("command", options);
        cli.parseArgs("--command", "lint=ruff check .", "--command", "go=go test ./...");
        assertEquals(List.of("lint=ruff check .", "go=go test ./..."), options.commands());
        assertSame(options, new CommandAdapter(options).options());
    }

    @Test
    void aCommandValueWithoutNameOrEqualsIsAOneLineError() {
        assertEquals("--command 'lint': expected NAME=CMD, e.g. --command lint='ruff check .'",
                refused(new Harness(dir, "lint")).getMessage());
        assertTrue(refused(new Harness(dir, "=ls")).getMessage().startsWith("--command '=ls': the NAME before '=' is empty"));
        assertTrue(refused(new Harness(dir, "x=")).getMessage().startsWith("--command 'x=': nothing to run"));
    }

    @Test
    void anAdHocCommandMayNotReuseAName() throws Exception {
        assertTrue(refused(new Harness(dir, "lint=true").yaml(YAML)).getMessage()
                .startsWith("--command lint=true: a command named lint is already declared at salvo.yaml:3:10"));
        assertTrue(refused(new Harness(dir, "a=true", "a=false")).getMessage().contains("a command named a"));
    }

    @Test
    void aProgramThatIsNotThereStopsTheRunNamingItsPlace() throws Exception {
        Harness h = new Harness(dir).yaml("commands:\n  - name: go\n    run: [no-such-go, test]\n");
        assertEquals("salvo.yaml:3:10: command go cannot run: 'no-such-go' is not on PATH; install it, or fix run "
                + "(PATH is " + System.getenv("PATH") + ")", refused(h).getMessage());
        h.yaml("commands:\n  - name: lint\n    run: CI=1 no-such-lint --all | tee out\n");
        String lint = refused(h).getMessage();
        assertTrue(lint.startsWith("salvo.yaml:3:10: command lint cannot run: 'no-such-lint' is not on PATH"), lint);
        Files.delete(dir.resolve("salvo.yaml"));
        assertTrue(refused(new Harness(dir, "x=./missing.sh")).getMessage()
                .startsWith("--command x=./missing.sh: command x cannot run: './missing.sh' is not a file"));
    }

    @Test
    void aScriptThatIsNotExecutableStopsTheRun() throws Exception {
        Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\nexit 0\n");
        assertTrue(refused(new Harness(dir, "x=./run.sh")).getMessage().contains("'./run.sh' is not executable"));
    }

    @Test
    void onlyPlainFirstWordsAreChecked() {
        assertEquals(java.util.Optional.of("make"), Programs.firstWord("  make -j4 && echo ok"));
        assertEquals(java.util.Optional.of("go"), Programs.firstWord("GOFLAGS=-count=1 CGO=0 go test"));
        assertEquals(java.util.Optional.of("npm"), Programs.firstWord("npm;true"));
        assertEquals(java.util.Optional.empty(), Programs.firstWord("cd sub && make"));
        assertEquals(java.util.Optional.empty(), Programs.firstWord("$TOOL run"));
        assertEquals(java.util.Optional.empty(), Programs.firstWord("\"my tool\" run"));
        assertEquals(java.util.Optional.empty(), Programs.firstWord("(cd x; make)"));
        assertEquals(java.util.Optional.empty(), Programs.firstWord("if true; then make; fi"));
    }
}
