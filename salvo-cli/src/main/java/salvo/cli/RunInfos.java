package salvo.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import salvo.model.RunInfo;

/** Builds the identity of a run: label, host, git commit. The only I/O is asking git, briefly. */
final class RunInfos {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS")
            .withZone(ZoneId.systemDefault());

    private RunInfos() {}

    static RunInfo create(Path rootDir, Map<String, String> config) {
        Instant now = Instant.now();
        return new RunInfo(java.util.UUID.randomUUID().toString(), LABEL.format(now), now, host(), gitCommit(rootDir), rootDir.toString(), config);
    }

    private static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String gitCommit(Path dir) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (git.waitFor(2, TimeUnit.SECONDS) && git.exitValue() == 0) {
                return out;
            }
            git.destroyForcibly();
        } catch (IOException e) {
            // No git here: the run simply has no commit.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }
}
