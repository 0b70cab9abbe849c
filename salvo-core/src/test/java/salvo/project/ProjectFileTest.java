package salvo.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import salvo.error.SalvoError;

class ProjectFileTest {
    private static final Set<String> KNOWN = Set.of("sequences", "commands");

    @TempDir
    Path dir;

    private ProjectFile read(String yaml) throws IOException {
        Files.writeString(dir.resolve("salvo.yaml"), yaml);
        return ProjectFile.read(dir, KNOWN);
    }

    private String error(String yaml) throws IOException {
        Files.writeString(dir.resolve("salvo.yaml"), yaml);
        SalvoError e = assertThrows(SalvoError.class, () -> ProjectFile.read(dir, KNOWN));
        assertEquals(SalvoError.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void eachAdapterGetsItsOwnSectionWithItsMarks() throws IOException {
        ProjectFile file = read("commands:\n  - name: x\nsequences:\n  - a.tum\n");
        SequenceNode sequences = (SequenceNode) file.section("sequences").orElseThrow();
        assertEquals("salvo.yaml:4:5", Nodes.place(sequences.getValue().get(0)));
        assertTrue(file.section("commands").isPresent());
    }

    @Test
    void noFileAnEmptyFileAndAnEmptySectionHaveNoSections() throws IOException {
        assertTrue(ProjectFile.read(dir, KNOWN).section("commands").isEmpty());
        assertTrue(read("").section("commands").isEmpty());
        assertTrue(read("commands:\n").section("commands").isEmpty());
    }

    @Test
    void aTypodTopKeyNamesTheKnownOnes() throws IOException {
        assertEquals("salvo.yaml:2:1: unknown key 'sequencs'; the top level of salvo.yaml may have: commands, sequences",
                error("commands: []\nsequencs:\n  - a.tum\n"));
    }

    @Test
    void badYamlAndAWrongTopLevelAreOneLineAtTheirPlace() throws IOException {
        assertTrue(error("commands: [a\n").startsWith("salvo.yaml:2:1: not valid YAML: "), error("commands: [a\n"));
        assertEquals("salvo.yaml:1:1: salvo.yaml's top level must be a mapping of sections (commands, sequences); got a list",
                error("- a.tum\n"));
        assertEquals("salvo.yaml:2:1: key 'commands' appears twice in this mapping (first at salvo.yaml:1:1); keep one",
                error("commands: []\ncommands: []\n"));
    }
}
