package salvo.sequence.operator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Shows an image dialog's file with the desktop's viewer (xdg-open) when there is a desktop;
 * otherwise, or when that fails, the operator reads the path and opens it themselves.
 */
final class ImageViewer {
    private ImageViewer() {}

    /** A desktop session is there to show a window on. */
    static boolean desktop(Map<String, String> env) {
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    /** Opens the file if it can; returns the line to show under the question. */
    static String open(String file, Map<String, String> env) {
        if (file == null || file.isBlank()) {
            return "no filename given";
        }
        if (!Files.exists(Path.of(file))) {
            return "no file at " + file;
        }
        if (!desktop(env) || !onPath("xdg-open", env.getOrDefault("PATH", ""))) {
            return "no desktop here: open it yourself";
        }
        try {
            // Its output would land on the operator's screen: discard it. It is not waited for.
            new ProcessBuilder("xdg-open", file).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return "opened with xdg-open";
        } catch (IOException e) {
            return "xdg-open failed (" + e.getMessage() + "): open it yourself";
        }
    }

    private static boolean onPath(String program, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
