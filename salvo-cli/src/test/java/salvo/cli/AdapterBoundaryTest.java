package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core and the command line know no adapter: no file under any module's src/main outside the
 * pytest adapter names pytest or splits an id at pytest's "::". A new adapter is added without
 * editing either.
 */
class AdapterBoundaryTest {
    /** The one place another module may name it: the .tum language has an item called so. */
    private static final String SEQUENCE_KEYWORD = "static final String PYTHON_TESTS_ITEM = \"pytest\";";

    private static final Pattern SPLITS_AT_COLONS = Pattern.compile("(indexOf|split|lastIndexOf|contains|startsWith)\\(\"::\"");

    @Test
    void noModuleButThePytestAdapterKnowsPytest() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> modules;
        try (Stream<Path> s = Files.list(root)) {
            modules = s.filter(p -> p.getFileName().toString().startsWith("salvo-"))
                    .filter(p -> !p.getFileName().toString().equals("salvo-pytest"))
                    .filter(p -> Files.isDirectory(p.resolve("src/main"))).toList();
        }
        assertTrue(modules.stream().anyMatch(p -> p.endsWith("salvo-core")) && modules.stream().anyMatch(p -> p.endsWith("salvo-cli")),
                "found the modules: " + modules);
        List<String> offenders = new ArrayList<>();
        for (Path module : modules) {
            try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).replace(SEQUENCE_KEYWORD, "");
                    if (text.toLowerCase(Locale.ROOT).contains("pytest")) {
                        offenders.add(root.relativize(f) + " mentions pytest");
                    }
                    if (SPLITS_AT_COLONS.matcher(text).find()) {
                        offenders.add(root.relativize(f) + " splits ids at \"::\"");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
