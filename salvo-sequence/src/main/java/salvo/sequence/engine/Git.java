package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.sequence.expr.PyRepr;
import salvo.sequence.load.Step;

/**
 * git (§3.12): the state of every repository named (§9.10: all of them, not the first) and of
 * its submodules: {@code tag T} or {@code branch(M), commit <12 hex>}, then {@code from : <url>}.
 * A warning (not a repository, uncommitted changes) FAILs it.
 */
final class Git {
    private final Engine engine;

    Git(Engine engine) {
        this.engine = engine;
    }

    Result run(Step step, Frame frame) {
        Object repos = frame.field("repo");
        List<?> list = repos instanceof List<?> l ? l : List.of(repos);
        StringBuilder message = new StringBuilder();
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            for (Object r : list) {
                Path repo = engine.testDirectory().resolve(PyRepr.str(r)).normalize();
                String text = describeWithSubmodules(repo, frame);
                data.put(PyRepr.str(r), text);
                message.append(message.isEmpty() ? "" : "\n").append(text);
            }
        } catch (IOException e) {
            return Result.fail("git could not run: " + e.getMessage() + "; install git");
        }
        message.toString().lines().forEach(frame::info);
        String text = message.toString();
        Result r = new Result(text.contains("Warning") ? Verdict.FAIL : Verdict.PASS, text, text.lines().findFirst()
                .orElse(""), data);
        return r;
    }

    private String describeWithSubmodules(Path repo, Frame frame) throws IOException {
        if (!Files.isDirectory(repo)) {
            return "Warning: " + repo + " is not a directory";
        }
        Out top = git(repo, frame, "rev-parse", "--show-toplevel");
        if (top.code != 0) {
            return "Warning: " + repo + " is not a git repository";
        }
        List<String> parts = new ArrayList<>();
        parts.add(describe(repo, repo.toString(), frame));
        for (String line : git(repo, frame, "submodule", "status", "--recursive").lines) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 2) {
                parts.add(describe(repo.resolve(fields[1]), fields[1], frame));
            }
        }
        return String.join("\n", parts);
    }

    private String describe(Path repo, String label, Frame frame) throws IOException {
        Out tag = git(repo, frame, "describe", "--tags", "--exact-match");
        String state;
        if (tag.code == 0 && !tag.lines.isEmpty()) {
            state = "tag " + tag.lines.get(0).strip();
        } else {
            String branch = first(git(repo, frame, "rev-parse", "--abbrev-ref", "HEAD"));
            String commit = first(git(repo, frame, "rev-parse", "--short=12", "HEAD"));
            state = "branch(" + branch + "), commit " + commit;
        }
        String url = first(git(repo, frame, "config", "--get", "remote.origin.url"));
        String dirty = git(repo, frame, "status", "--porcelain", "--untracked-files=no").lines.isEmpty() ? ""
                : "\nWarning: " + label + " has uncommitted changes";
        return label + ": " + state + "\nfrom : " + (url.isEmpty() ? "(no remote)" : url) + dirty;
    }

    private record Out(int code, List<String> lines) {}

    private Out git(Path repo, Frame frame, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        List<String> lines = new ArrayList<>();
        ChildProcess.End end = ChildProcess.run(command, repo, frame.stop, engine.control(), lines::add);
        return new Out(end.exitCode(), lines);
    }

    private static String first(Out out) {
        return out.code == 0 && !out.lines.isEmpty() ? out.lines.get(0).strip() : "";
    }
}
