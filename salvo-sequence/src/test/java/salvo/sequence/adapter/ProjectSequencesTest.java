package salvo.sequence.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import salvo.error.SalvoError;

/** salvo.yaml's sequences: as units, and every mistake in it as one line at its place. */
class ProjectSequencesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        write("checks/a.tum", "main: {name: a, steps: []}\n");
        write("checks/b.tum", "main: {name: b, steps: []}\n");
        write("checks/frag.tum", "- sleep: {timeout: 0}\n");
        write("boards/hot.yaml", "rate: 1\n");
    }

    private void write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private List<SequenceUnit> read(String yaml) throws IOException {
        write("salvo.yaml", yaml);
        return ProjectSequences.read(dir);
    }

    private String error(String yaml) throws IOException {
        write("salvo.yaml", yaml);
        SalvoError e = assertThrows(SalvoError.class, () -> ProjectSequences.read(dir));
        assertEquals(SalvoError.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aPathAGlobAndAMappingWithEveryField() throws IOException {
        List<SequenceUnit> units = read("""
                sequences:
                  - checks/*.tum
                  - path: checks/a.tum
                    name: a-hot
                    config: boards/hot.yaml
                    define: {temperature: 85, label: hot, quoted: "85", on: true, ratio: 0.5}
                """);
        assertEquals(List.of("checks/a.tum", "checks/b.tum", "sequence:a-hot"), units.stream().map(SequenceUnit::id).toList());
        SequenceUnit hot = units.get(2);
        assertEquals(dir.resolve("checks/a.tum"), hot.file());
        assertEquals(Optional.of("a-hot"), hot.name());
        assertEquals(List.of(dir.resolve("boards/hot.yaml")), hot.configs());
        assertEquals(List.of(Map.entry("temperature", "85"), Map.entry("label", "'hot'"), Map.entry("quoted", "'85'"),
                Map.entry("on", "True"), Map.entry("ratio", "0.5")), hot.defines());
        assertEquals(List.of(), units.get(0).defines());
    }

    @Test
    void aDirectoryListsItsSequencesAndNoSectionListsNone() throws IOException {
        assertEquals(List.of("checks/a.tum", "checks/b.tum"),
                read("sequences: [checks]\n").stream().map(SequenceUnit::id).toList());
        assertEquals(List.of(), read("sequences:\n"));
    }

    @Test
    void mistakesAreOneLineAtTheirPlace() throws IOException {
        assertEquals("salvo.yaml:2:5: 'nowhere/*.tum' matches no sequence file (*.tum with a main: item) under " + dir
                + "; fix the path (it is relative to salvo.yaml's directory)", error("sequences:\n  - nowhere/*.tum\n"));
        assertEquals("salvo.yaml:3:14: config file 'boards/cold.yaml' of sequence checks/a.tum not found: no file at "
                + dir.resolve("boards/cold.yaml") + "; fix the path (it is relative to salvo.yaml's directory)",
                error("sequences:\n  - path: checks/a.tum\n    config: [boards/cold.yaml]\n"));
        assertEquals("salvo.yaml:1:12: sequences must be a list of paths, globs or mappings with path (- checks/*.tum); "
                + "got the string 'checks/a.tum'", error("sequences: checks/a.tum\n"));
        assertEquals("salvo.yaml:3:5: unknown key 'defines'; a sequence may have: path, name, config, define",
                error("sequences:\n  - path: checks/a.tum\n    defines: {x: 1}\n"));
        assertEquals("salvo.yaml:2:5: this sequence has no path; add 'path: FILE_OR_GLOB' (relative to salvo.yaml's "
                + "directory)", error("sequences:\n  - name: x\n"));
        assertEquals("salvo.yaml:3:17: define x of sequence checks/a.tum must be a string, a number or a boolean; "
                + "got a list", error("sequences:\n  - path: checks/a.tum\n    define: {x: [1]}\n"));
        assertEquals("salvo.yaml:3:14: define '1x' of sequence checks/a.tum is not a variable name; use letters, digits "
                + "and '_', not starting with a digit", error("sequences:\n  - path: checks/a.tum\n    define: {1x: 1}\n"));
        assertEquals("salvo.yaml:3:11: name one is for one sequence, but path 'checks/*.tum' matches 2 files; list the "
                + "file it names on its own", error("sequences:\n  - path: checks/*.tum\n    name: one\n"));
        assertEquals("salvo.yaml:3:11: sequence name 'a b' is not valid; use letters, digits, '.', '_' and '-', not "
                + "starting with '.' or '-'", error("sequences:\n  - path: checks/a.tum\n    name: a b\n"));
    }

    @Test
    void theSameIdListedTwiceIsRefused() throws IOException {
        assertEquals("salvo.yaml:3:5: checks/a.tum is already listed at salvo.yaml:2:5; give each listing of a file "
                + "its own name (name: NAME)", error("sequences:\n  - checks/*.tum\n  - checks/a.tum\n"));
        assertEquals("salvo.yaml:5:11: sequence:x is already listed at salvo.yaml:3:11; give each listing of a file "
                + "its own name (name: NAME)", error("sequences:\n  - path: checks/a.tum\n    name: x\n"
                + "  - path: checks/b.tum\n    name: x\n"));
    }
}
