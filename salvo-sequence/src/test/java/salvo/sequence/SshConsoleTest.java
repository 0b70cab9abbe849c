package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;
import salvo.testing.SshHosts;

/** console's ssh protocol (§3.6) against a real sshd (SshHosts: a network namespace, or a loopback port). */
class SshConsoleTest {
    private static SshHosts hosts;

    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    @BeforeAll
    static void startHost() throws IOException {
        assumeTrue(SshHosts.available(), "sshd and ssh are not installed (.ci/run installs them)");
        hosts = SshHosts.start(1);
    }

    @AfterAll
    static void stopHost() {
        if (hosts != null) {
            hosts.close();
        }
    }

    /** An open action to the host with every field given; the config file only knows the host's key. */
    private String open(String host, Object port) {
        Tum.write(dir, "client_config", "UserKnownHostsFile " + hosts.knownHosts() + "\nStrictHostKeyChecking yes\n");
        return "{protocol: ssh, ssh_host: \"" + host + "\", ssh_port: " + port + ", ssh_user: root, ssh_key: \""
                + hosts.clientKey() + "\", ssh_config: client_config}";
    }

    @Test
    void writesAndReadsUntilOverARealSsh() {
        SshHosts.Host h = hosts.hosts().get(0);
        Path tum = Tum.write(dir, "s.tum", """
                main:
                  name: m
                  steps:
                    - console:
                        name: remote
                        console_name: r
                        steps:
                          - open: %s
                          - writeln: "echo remote-$((6*7))"
                          - read_until: {name: answer, expected: remote-42, timeout: 20}
                          - writeln: "echo again"
                          - read_until: {name: regex, expected: "ag[a-z]+n\\\\r?\\\\n", regex: true, timeout: 20}
                          - close:
                """.formatted(open(h.address(), h.port())));
        Tum.Ran r = Tum.run(tum);
        assertEquals(Verdict.PASS, r.verdict(), r.toString());
        assertEquals(Verdict.PASS, r.row("answer").verdict(), r.toString());
        // The remote pty echoes what was written; read_until stops at the command's output.
        assertTrue(String.valueOf(r.dictionary().get("cn_remote")).contains("again"), r.toString());
        assertTrue(r.log().contains("[>r] : echo remote-$((6*7))"), r.log());
    }

    @Test
    void aHostThatCannotBeReachedFailsTheOpenWithSshsReason() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path tum = Tum.write(dir, "s.tum", """
                main:
                  name: m
                  steps:
                    - console: {name: nohost, console_name: a, steps: [{open: %s}]}
                    - console: {name: refused, console_name: b, steps: [{open: %s}]}
                    - console:
                        name: pwd
                        console_name: c
                        steps: [{open: {protocol: ssh, ssh_host: localhost, ssh_user: root, ssh_pwd: secret}}]
                    - console: {name: after, console_name: d, steps: [{write: x}]}
                """.formatted(open("no-such-host.invalid", 22), open("127.0.0.1", closed)));
        Tum.Ran r = Tum.run(tum);
        java.util.List<String> opens = r.all("console.open").stream().map(x -> x.message()).toList();
        assertTrue(opens.get(0).contains("ssh to root@no-such-host.invalid ended: ssh: Could not resolve hostname"), opens.get(0));
        assertTrue(opens.get(1).contains("Connection refused"), opens.get(1));
        assertTrue(opens.get(2).contains("ssh_pwd: Salvo logs in with keys only"), opens.get(2));
        assertEquals(Verdict.FAIL, r.row("nohost").verdict());
        assertEquals(Verdict.FAIL, r.row("refused").verdict());
        // A failed open registers nothing.
        assertTrue(r.row("console.write").message().contains("console 'd' is not open"), r.toString());
    }
}
