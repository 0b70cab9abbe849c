package salvo.sequence.lua;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import salvo.bundle.BundledPython;
import salvo.sequence.load.Step;

/**
 * The Lua side of lua_func (SEQUENCES.md §3.10): the helper script shipped in the jar (unpacked
 * like the Python helper), and the interpreter: lua_bin, else lua5.4 or lua on PATH.
 */
public final class LuaHelper {
    /** Tried in order when lua_bin is not set. */
    public static final List<String> DEFAULTS = List.of("lua5.4", "lua");

    private LuaHelper() {}

    /** The helper script's path. */
    public static Path script() {
        return BundledPython.install(LuaHelper.class, "salvo_lua", "salvo_lua", List.of("helper.lua"))
                .resolve("salvo_lua").resolve("helper.lua");
    }

    /** lua_bin when it is set and runnable, else the first default found on PATH; empty when there is none. */
    public static Optional<String> interpreter(String luaBin) {
        if (luaBin != null && !luaBin.isBlank()) {
            boolean path = luaBin.contains("/") || luaBin.contains(File.separator);
            return path ? Optional.of(luaBin).filter(b -> Files.isExecutable(Path.of(b)))
                    : Optional.of(luaBin).filter(LuaHelper::onPath);
        }
        return DEFAULTS.stream().filter(LuaHelper::onPath).findFirst();
    }

    /** Whether the item tree has a lua_func anywhere (only then is a Lua needed). */
    public static boolean needed(Step step) {
        return step.kind().equals("lua_func") || step.children().stream().anyMatch(LuaHelper::needed);
    }

    /** Why no Lua can run, for the item's FAIL and for seq check's warning. */
    public static String missing(String luaBin) {
        if (luaBin != null && !luaBin.isBlank()) {
            return "lua_bin '" + luaBin + "' is not an executable Lua interpreter; install lua5.4 or fix lua_bin";
        }
        return "no Lua interpreter: none of " + String.join(", ", DEFAULTS) + " is on PATH; install lua5.4 "
                + "(apt-get install lua5.4) or set lua_bin with -d lua_bin=PATH";
    }

    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
