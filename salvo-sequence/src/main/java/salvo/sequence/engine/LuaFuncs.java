package salvo.sequence.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import salvo.execute.ScratchDirectory;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;
import salvo.sequence.lua.LuaHelper;
import salvo.sequence.python.Json;

/**
 * lua_func (§3.10): the bundled helper on a request file, in a Lua process of its own per call
 * (through Salvo's transport), or in the long-lived process of its {@code context_id}, as py_func
 * does; a stop kills either. The file must return a module table; its function gets the params
 * unpacked; several returns are a list. Lua's tm.gd sees the dictionary as the call started, and
 * its setgd/delgd apply when the call returns; values JSON cannot carry stay in the context.
 */
final class LuaFuncs implements AutoCloseable {
    private final Engine engine;
    private final Map<String, LuaContext> contexts = new java.util.concurrent.ConcurrentHashMap<>();

    LuaFuncs(Engine engine) {
        this.engine = engine;
    }

    Result run(Step step, Frame frame) {
        FunctionCall call = FunctionCall.of(step, frame, engine.testDirectory());
        Optional<Result> missing = call.missingFile("lua_func");
        if (missing.isPresent()) {
            return missing.get();
        }
        Path file = call.file();
        String func = call.func();
        List<?> params = call.params();
        Object bin = engine.dictionary().get("lua_bin");
        String luaBin = bin == null ? null : PyRepr.str(bin);
        String lua = LuaHelper.interpreter(luaBin).orElse(null);
        if (lua == null) {
            return Result.fail(LuaHelper.missing(luaBin));
        }
        call.log(frame);
        try (ScratchDirectory work = ScratchDirectory.create("salvo-lua-")) {
            Path request = work.path().resolve("request.json");
            Path answer = work.path().resolve("answer.json");
            ObjectNode req = Json.MAPPER.createObjectNode().put("file", file.toString()).put("func", func);
            req.set("params", Json.toJson(params));
            req.set("dict", Json.toJson(engine.dictionary().snapshot()));
            Files.writeString(request, Json.MAPPER.writeValueAsString(req));
            List<String> output = new ArrayList<>();
            Consumer<String> printed = line -> {
                output.add(line);
                frame.log(line);
            };
            Object contextId = frame.field("context_id");
            int exit;
            if (contextId == null) {
                ChildProcess.End end = ChildProcess.run(List.of(lua, LuaHelper.script().toString(), request.toString(),
                        answer.toString()), engine.testDirectory(), engine.helpers().environment("lua_env"), frame.stop,
                        engine.control(), printed);
                if (end.killed()) {
                    return stopped();
                }
                exit = end.exitCode();
            } else {
                String id = PyRepr.str(contextId);
                LuaContext context = context(id, lua);
                LuaContext.Ending ending = context.call(request, answer, frame.stop, printed);
                if (ending != LuaContext.Ending.ANSWERED) {
                    contexts.remove(id, context); // the next call of this context starts a new process
                    context.close();
                }
                if (ending == LuaContext.Ending.STOPPED) {
                    return stopped();
                }
                exit = context.exitCode();
            }
            if (!Files.isRegularFile(answer)) {
                String last = output.isEmpty() ? "" : ": " + output.get(output.size() - 1);
                return Result.fail("lua_func: '" + lua + "' exited with status " + exit + " without an answer"
                        + last + "; lua_bin must be a Lua 5.x interpreter");
            }
            return answered(step, frame, func, Json.MAPPER.readTree(answer.toFile()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Result.fail("lua_func: cannot run '" + lua + "': " + e.getMessage()
                    + "; install lua5.4 or set lua_bin with -d lua_bin=PATH");
        }
    }

    private static Result stopped() {
        return Result.fail("lua_func stopped: its Lua process was killed");
    }

    /** The context's process, started at its first call (or after a stop or a crash ended the last). */
    private LuaContext context(String id, String lua) throws IOException {
        LuaContext existing = contexts.get(id);
        if (existing != null && existing.isAlive()) {
            return existing;
        }
        LuaContext started = LuaContext.start(lua, LuaHelper.script(), engine.testDirectory(),
                engine.helpers().environment("lua_env"));
        contexts.put(id, started);
        return started;
    }

    /** Ends every context's process with the sequence. */
    @Override
    public void close() {
        contexts.values().forEach(LuaContext::close);
        contexts.clear();
    }

    private Result answered(Step step, Frame frame, String func, JsonNode answer) {
        for (JsonNode change : answer.path("changes")) {
            String name = change.path(1).asText();
            if (change.path(0).asText().equals("set")) {
                engine.dictionary().set(name, Json.fromJson(change.get(2)));
            } else {
                engine.dictionary().delete(name);
            }
        }
        if (!answer.path("ok").asBoolean()) {
            String error = answer.path("error").asText("the Lua helper gave no reason");
            error.lines().forEach(frame::log);
            return Result.fail("lua_func " + func + " failed: " + error.lines().findFirst().orElse(error));
        }
        Object value = Json.fromJson(answer.get("value"));
        frame.info("Returned value: " + PyRepr.repr(value));
        if (!step.name().isEmpty()) {
            engine.dictionary().set("lfn_" + step.name(), value);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("returned", value);
        return new Result(Verdict.PASS, value, "", data);
    }
}
