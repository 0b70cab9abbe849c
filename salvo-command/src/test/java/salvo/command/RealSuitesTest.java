package salvo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.model.NodeId;
import salvo.model.Outcome;
import salvo.model.TestResult;
import salvo.model.UnitResult;
import salvo.testing.NoLeftoverProcesses;

/** Other languages' own test runners as Salvo units, the reason the adapter exists. */
class RealSuitesTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private static boolean installed(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aNodeSuiteReportsItsTestsThroughJUnitXml() throws Exception {
        assumeTrue(installed("node"), "node is not installed");
        Path tests = Files.createDirectories(dir.resolve("web/test"));
        Files.writeString(tests.resolve("math.test.js"), """
                const test = require('node:test');
                const assert = require('node:assert');
                test('adds', () => { assert.strictEqual(1 + 1, 2); });
                test('subtracts', () => { assert.strictEqual(3 - 1, 1); });
                test('divides', { skip: 'not yet' }, () => {});
                test.describe('strings', () => {
                  test.it('joins', () => { assert.strictEqual(['a', 'b'].join(''), 'ab'); });
                });
                """);
        Harness h = new Harness(dir).yaml("""
                commands:
                  - name: node
                    run: [node, --test, --test-reporter=junit, --test-reporter-destination=report.xml, test/]
                    cwd: web
                    junit: report.xml
                """);
        UnitResult r = h.runOne();
        Map<String, Outcome> outcomes = r.tests().stream()
                .collect(Collectors.toMap(t -> t.node().title(), TestResult::outcome));
        assertEquals(Map.of("adds", Outcome.PASSED, "subtracts", Outcome.FAILED, "divides", Outcome.SKIPPED,
                "strings › joins", Outcome.PASSED), outcomes);
        assertEquals(Outcome.FAILED, r.outcome());
        TestResult subtracts = r.tests().stream().filter(t -> t.node().name().equals("subtracts")).findFirst().orElseThrow();
        assertTrue(subtracts.failure().message().contains("2 !== 1"), subtracts.failure().message());
        assertTrue(subtracts.failure().detail().contains("math.test.js"), subtracts.failure().detail());
        assertEquals(4, h.finished().size());
    }

    @Test
    void aRustCrateRunsAsAPlainCommand() throws Exception {
        assumeTrue(installed("cargo"), "cargo is not installed");
        Path crate = Files.createDirectories(dir.resolve("tiny/src"));
        Files.writeString(dir.resolve("tiny/Cargo.toml"), """
                [package]
                name = "tiny"
                version = "0.1.0"
                edition = "2021"

                [dependencies]
                """);
        Files.writeString(crate.resolve("lib.rs"), """
                pub fn add(a: i32, b: i32) -> i32 { a + b }

                #[cfg(test)]
                mod tests {
                    #[test]
                    fn adds() { assert_eq!(super::add(1, 1), 2); }

                    #[test]
                    fn fails() { assert_eq!(super::add(2, 2), 5, "arithmetic"); }
                }
                """);
        Harness h = new Harness(dir).yaml("""
                commands:
                  - name: rust
                    run: cargo test --offline --quiet
                    cwd: tiny
                    env: {CARGO_TARGET_DIR: target, CARGO_TERM_COLOR: never}
                    timeout: 240
                """);
        UnitResult r = h.runOne();
        assertEquals(Outcome.FAILED, r.outcome(), r.reason());
        assertEquals("exited with code 101", r.failure().message());
        assertTrue(r.failure().detail().contains("arithmetic"), r.failure().detail());
        assertEquals(List.of(NodeId.test("command:rust", "command:rust", "rust")),
                r.tests().stream().map(TestResult::node).toList());

        Files.writeString(crate.resolve("lib.rs"), Files.readString(crate.resolve("lib.rs")).replace("5, \"arithmetic\"", "4"));
        assertEquals(Outcome.PASSED, h.runOne().outcome());
    }
}
