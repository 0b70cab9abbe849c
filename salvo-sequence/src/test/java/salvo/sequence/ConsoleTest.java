package salvo.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import salvo.sequence.engine.Verdict;
import salvo.testing.NoLeftoverProcesses;

/** console (§3.6) on a terminal (a real shell) and on a TCP socket. */
class ConsoleTest {
    @TempDir
    Path dir;

    @RegisterExtension
    NoLeftoverProcesses noLeftovers = new NoLeftoverProcesses(() -> dir);

    private Tum.Ran run(String steps) {
        return Tum.run(Tum.write(dir, "t.tum", "main:\n  name: m\n  steps:\n" + steps.stripIndent().indent(4)));
    }

    @Test
    void aTerminalConsoleWritesReadsAndIsSharedByLaterItems() {
        Tum.Ran r = run("""
                - console:
                    name: shell
                    console_name: sh
                    steps:
                      - open: {protocol: terminal, shell: /bin/sh}
                      - writeln: echo "ready-$((40 + 2))"
                      - read_until: {name: ready, expected: ["nope", "ready-42"], timeout: 10}
                - console:
                    name: later
                    console_name: sh
                    steps:
                      - writeln: echo "value=7"
                      - read_until: {name: val, expected: 'value=(\\d+)', regex: true, timeout: 10}
                      - read_until: {name: late, expected: never, timeout: 0.3}
                      - close:
                - console:
                    name: closed
                    console_name: sh
                    steps: [{writeln: hi}]
                """);
        assertEquals(Verdict.PASS, r.row("shell").verdict(), r.toString());
        assertEquals("ready-42", r.row("ready").data().get("matched"));
        assertTrue(r.log().contains("[>sh] : echo \"ready-$((40 + 2))\""), r.log());
        assertTrue(r.log().contains(" sh] ready-42"), r.log());
        assertTrue(String.valueOf(r.row("val").data().get("data")).endsWith("value=7"), r.row("val").data().toString());
        assertTrue(r.dictionary().containsKey("cn_later"), "set even when read_until timed out");
        assertEquals(Verdict.FAIL, r.row("late").verdict());
        assertTrue(r.row("late").message().contains("not received within 0.3 s"), r.row("late").message());
        assertEquals(Verdict.FAIL, r.row("closed").verdict());
    }

    /**
     * A real telnetd (Debian's inetutils-telnetd, started per connection by socat as inetd would,
     * running a shell instead of login): its option negotiation is answered, its commands do not
     * reach read_until, and a command typed there runs.
     */
    @Test
    void aTelnetConsoleTalksToARealTelnetd() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/sbin/telnetd").canExecute()
                && new java.io.File("/usr/bin/socat").canExecute(), "apt-get install inetutils-telnetd socat");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process inetd = new ProcessBuilder("socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                "EXEC:/usr/sbin/telnetd -h -E /bin/sh").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 100; i++) {
                try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                    break;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(50);
                }
            }
            Tum.Ran r = run("""
                    - console:
                        name: box
                        console_name: box
                        steps:
                          - open: {protocol: telnet, telnet_host: 127.0.0.1, telnet_port: %d}
                          - read_until: {name: prompt, expected: "# ", timeout: 15}
                          - writeln: echo hello-$((40+2))
                          - read_until: {name: answer, expected: "hello-42", timeout: 15}
                          - close:
                    """.formatted(port));
            assertEquals(Verdict.PASS, r.row("box").verdict(), r.toString());
            String read = String.valueOf(r.row("prompt").data().get("data"));
            assertTrue(read.chars().noneMatch(c -> c == 0xFF || c == 0xFFFD), "no telnet command reached read_until: " + read);
        } finally {
            inetd.destroy();
            inetd.waitFor();
            for (ProcessHandle left : ProcessHandle.allProcesses().filter(p -> p.info().command()
                    .map(c -> c.endsWith("telnetd")).orElse(false)).toList()) {
                left.destroy(); // the session's telnetd, if socat's fork left it
            }
        }
    }

    @Test
    void aReadUntilLosingASyncAnyRaceFailsPromptly() {
        long start = System.nanoTime();
        Tum.Ran r = run("""
                - parallel:
                    sync: any
                    branches:
                      - name: watch
                        steps:
                          - console:
                              console_name: sh
                              steps:
                                - open: {protocol: terminal, shell: /bin/sh}
                                - read_until: {name: panic, expected: PANIC}
                      - {name: cycle, steps: [{sleep: {timeout: 0.3}}]}
                """);
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
        assertEquals(Verdict.FAIL, r.row("panic").verdict());
        assertTrue(r.row("panic").message().startsWith("read_until stopped"), r.row("panic").message());
        assertEquals(Verdict.PASS, r.row("parallel").verdict());
    }

    @Test
    void aSerialConsoleOnAPseudoTerminalPair() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/socat").canExecute(),
                "socat makes the pty pair (apt-get install socat)");
        Path ports = java.nio.file.Files.createTempDirectory("salvo-pty-");
        Path ours = ports.resolve("ttyS");
        Path device = ports.resolve("ttyDev");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + ours, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 100 && !(java.nio.file.Files.exists(ours) && java.nio.file.Files.exists(device)); i++) {
                Thread.sleep(50);
            }
            Thread dut = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(new java.io.FileInputStream(device.toFile()),
                        StandardCharsets.UTF_8));
                     PrintWriter out = new PrintWriter(new java.io.FileOutputStream(device.toFile()), true)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.print("echo: " + line + "\r\nlogin: ");
                        out.flush();
                    }
                } catch (java.io.IOException e) {
                    // the pair went away with socat
                }
            }, "pty-device");
            dut.setDaemon(true);
            dut.start();
            Tum.Ran r = run("""
                    - console:
                        name: uart
                        console_name: uart
                        steps:
                          - open: {protocol: serial, serial_port: %s, serial_baudrate: 115200}
                          - writeln: reboot
                          - read_until: {name: login, expected: "login:", timeout: 10}
                          - close:
                    - console:
                        name: missing
                        console_name: m
                        steps: [{open: {protocol: serial, serial_port: %s/none, serial_baudrate: 9600}}]
                    """.formatted(ours, ports));
            assertEquals(Verdict.PASS, r.row("uart").verdict(), r.toString());
            assertEquals("echo: reboot\r\nlogin:", r.row("login").data().get("data"));
            assertTrue(r.log().contains(" uart] echo: reboot"), r.log());
            assertEquals("console 'm' could not open (serial): no serial port at " + ports + "/none",
                    r.all("console.open").get(1).message());
        } finally {
            socat.destroy();
            socat.waitFor();
            try (var files = java.nio.file.Files.list(ports)) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
            java.nio.file.Files.deleteIfExists(ports);
        }
    }

    @Test
    void aRawTcpConsole() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                     PrintWriter out = new PrintWriter(s.getOutputStream(), true)) {
                    out.println("login:");
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.println("you said " + line);
                    }
                } catch (java.io.IOException e) {
                    // the test ended
                }
            });
            echo.setDaemon(true);
            echo.start();
            Tum.Ran r = run("""
                    - console:
                        name: dut
                        console_name: dut
                        steps:
                          - open: {protocol: rawtcp, tcp_host: 127.0.0.1, tcp_port: %d}
                          - read_until: {expected: "login:", timeout: 10}
                          - writeln: root
                          - read_until: {name: said, expected: "you said root", timeout: 10}
                          - close:
                    - console:
                        name: serial
                        console_name: s
                        steps: [{open: {protocol: serial, serial_port: /dev/null, serial_baudrate: 9600}}]
                    """.formatted(server.getLocalPort()));
            assertEquals(Verdict.PASS, r.row("dut").verdict(), r.toString());
            assertEquals(Verdict.FAIL, r.row("serial").verdict());
            assertTrue(r.toString().contains("console 's' could not open (serial): stty cannot set /dev/null to 9600 baud"),
                    r.toString());
        }
    }
}
