package salvo.sequence.python;

import java.nio.file.Path;
import java.util.List;
import salvo.bundle.BundledPython;

/** The helper's Python package, shipped in the jar and unpacked once per version. */
public final class HelperPackage {
    /** Every module of src/main/python/salvo_sequence; a test checks that none is missing. */
    public static final List<String> FILES = List.of("__init__.py", "channel.py", "tm.py", "render.py", "calls.py",
            "helper.py");

    private HelperPackage() {}

    /** The directory to put on PYTHONPATH. */
    public static Path install() {
        return BundledPython.install(HelperPackage.class, "salvo_sequence", "salvo_sequence", FILES);
    }
}
