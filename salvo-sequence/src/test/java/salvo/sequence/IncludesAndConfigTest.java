package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.sequence.load.Loaded;
import salvo.sequence.load.Step;
import salvo.testing.NoLeftoverProcesses;

/** Includes with parameters, raw includes, templates, config files and their precedence (§1.2 to §1.5). */
class IncludesAndConfigTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @Test
    void includeWithParametersIsRenderedAndSpliced() {
        Tum.assumeJinja2();
        Tum.write(dir, "common/flash.tum", """
                - let: {name: "flash {{ image }}", values: {flashed: "{{ image }}", from: "{{ include_directory }}"}}
                """);
        Tum.write(dir, "common/two.tum", """
                sleep: {name: one, timeout: 0}
                let: {name: two, values: {x: 1}}
                """);
        Path main = Tum.write(dir, "t.tum", """
                main:
                  name: x
                  steps:
                    - !include {file: common/flash.tum, image: $(fw_dir)/app.bin}
                    - !include common/two.tum
                """);
        Tum.Ran ran = Tum.run(main, "fw_dir=/fw");
        assertEquals(Verdict.PASS, ran.verdict(), ran.toString());
        assertEquals("/fw/app.bin", ran.dictionary().get("flashed"));
        assertEquals(dir.resolve("common").toString(), ran.dictionary().get("from"));
        assertEquals(List.of("flash /fw/app.bin=PASS", "one=PASS", "two=PASS"), ran.names(),
                "an included mapping gives one step per key");
    }

    @Test
    void includedSequenceKeyAndNestedIncludes() {
        Tum.write(dir, "a.tum", """
                sequence:
                  - !include b.tum
                  - sleep: {name: a, timeout: 0}
                """);
        Tum.write(dir, "b.tum", """
                - sleep: {name: b, timeout: 0}
                """);
        Loaded loaded = Tum.load(Tum.write(dir, "t.tum", """
                main:
                  name: x
                  steps: [!include a.tum]
                """));
        assertTrue(loaded.ok(), loaded.diagnostics().toString());
        assertEquals(List.of("b", "a"), loaded.main().children().stream().map(Step::name).toList());
        assertEquals(dir.resolve("b.tum"), loaded.main().children().get(0).mark().file());
    }

    @Test
    void definesWinOverConfigFilesWhichWinInOrder() {
        Tum.write(dir, "one.yaml", "rate: 1\nmode: slow\nlabel: \"$(mode) at $(rate)\"\n");
        Tum.write(dir, "two.yaml", "rate: 2\n");
        Path main = Tum.write(dir, "t.tum", """
                config_file: [one.yaml, [two.yaml]]
                main:
                  name: x
                  steps: []
                """);
        Tum.Ran ran = Tum.run(main);
        assertEquals(2L, ran.dictionary().get("rate"));
        assertEquals("slow at 2", ran.dictionary().get("label"));
        Tum.Ran defined = Tum.run(main, "rate=7", "mode='fast'");
        assertEquals(7L, defined.dictionary().get("rate"));
        assertEquals("fast at 7", defined.dictionary().get("label"));
    }

    @Test
    void dashCReplacesTheFilesConfigAndParamYamlIsTheDefault() {
        Tum.write(dir, "param.yaml", "who: default\n");
        Tum.write(dir, "other.yaml", "who: other\n");
        Path main = Tum.write(dir, "t.tum", "main: {name: x, steps: []}\n");
        Loaded byDefault = Tum.load(main);
        assertEquals(List.of(dir.resolve("param.yaml")), byDefault.configs());
        Loaded replaced = Tum.load(main, List.of(), List.of(dir.resolve("other.yaml")));
        assertEquals(List.of(dir.resolve("other.yaml")), replaced.configs());
    }

    @Test
    void rawIncludeCanSupplyTheConfigFiles() {
        Tum.write(dir, "c.yaml", "speed: 9\n");
        Tum.write(dir, "configs.yaml", "- c.yaml\n");
        Path main = Tum.write(dir, "t.tum", """
                config_file: !raw_include configs.yaml
                main:
                  name: x
                  steps: [{check: {values: ["<| $(speed) == 9 |>"]}}]
                """);
        Tum.Ran ran = Tum.run(main);
        assertEquals(Verdict.PASS, ran.verdict(), ran.toString());
    }

    @Test
    void templatesSeeTheDictionary() {
        Tum.assumeJinja2();
        Tum.write(dir, "param.yaml", "count: 3\n");
        Path main = Tum.write(dir, "t.tum", """
                main:
                  name: x
                  steps:
                {% for i in range(count) %}
                    - let: {name: "l{{ i }}", values: {last: {{ i }}}}
                {% endfor %}
                """);
        Tum.Ran ran = Tum.run(main);
        assertEquals(List.of("l0=PASS", "l1=PASS", "l2=PASS"), ran.names());
    }

    @Test
    void yaml11Scalars() {
        Path main = Tum.write(dir, "t.tum", """
                main:
                  name: x
                  steps:
                    - let: {values: {a: yes, b: Off, c: 0x1F, d: 017, e: 1_000, f: 1:30, g: 1e3, h: 2.5, i: ~, j: 2024-05-01}}
                """);
        Tum.Ran ran = Tum.run(main);
        Map<String, Object> d = ran.dictionary();
        assertEquals(true, d.get("a"));
        assertEquals(false, d.get("b"));
        assertEquals(31L, d.get("c"));
        assertEquals(15L, d.get("d"));
        assertEquals(1000L, d.get("e"));
        assertEquals(90L, d.get("f"));
        assertEquals("1e3", d.get("g"));
        assertEquals(2.5, d.get("h"));
        assertEquals(null, d.get("i"));
        assertEquals(java.time.LocalDate.of(2024, 5, 1), d.get("j"));
    }

    @Test
    void aMissingConfigFileIsAnErrorAtItsPlace() {
        Path main = Tum.write(dir, "t.tum", """
                config_file: [nope.yaml]
                main: {name: x, steps: []}
                """);
        Tum.Cli r = Tum.seq("check", main.toString());
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("t.tum:1:15: error: config file \"nope.yaml\" not found"), r.toString());
    }
}
