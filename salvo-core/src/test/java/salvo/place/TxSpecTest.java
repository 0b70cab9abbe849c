package salvo.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import salvo.model.WorkerRef;
import salvo.worker.WorkerSpec;

class TxSpecTest {
    @Test
    void readsXdistSyntax() {
        TxSpec ssh = TxSpec.parse("3*ssh=me@box.lan//python=python3.11//chdir=work/x//ssh_config=/etc/cfg");
        assertEquals(3, ssh.count());
        assertEquals(TxSpec.Kind.SSH, ssh.kind());
        assertEquals("me@box.lan", ssh.destination());
        assertEquals("box.lan", ssh.host());
        assertEquals(Optional.of("python3.11"), ssh.python());
        assertEquals(Optional.of("work/x"), ssh.chdir());
        assertEquals(Optional.of("/etc/cfg"), ssh.sshConfig());

        TxSpec popen = TxSpec.parse("popen//env:A=1//env:B=x=y//id=py311");
        assertEquals(1, popen.count());
        assertEquals(Map.of("A", "1", "B", "x=y"), popen.environment());
        assertEquals("py311", popen.host());
        assertEquals("", TxSpec.parse("2*popen").host(), "plain popen workers are this machine's");

        TxSpec socket = TxSpec.parse("2*socket=10.0.0.2:7777//token_file=keys/t");
        assertEquals(TxSpec.Kind.SOCKET, socket.kind());
        assertEquals(2, socket.count());
        assertEquals("10.0.0.2:7777", socket.host(), "one machine may listen on several ports: each is its own");
        assertEquals("10.0.0.2:7777", socket.environmentName());
        assertEquals(Optional.of("keys/t"), socket.tokenFile());
        assertEquals("lab", TxSpec.parse("socket=[::1]:7//token_file=t//id=lab").host());
    }

    @Test
    void refusesWhatDoesNotParseNamingTheSpec() {
        for (String[] bad : new String[][] {
                {"sshh=foo", "--tx sshh=foo: 'sshh=foo' is not an environment"},
                {"0*popen", "'0*' must be a number of workers from 1"},
                {"x*popen", "'x*' must be a number"},
                {"popen//python", "'python' is not KEY=VALUE"},
                {"popen//ssh_config=f", "unknown key 'ssh_config'"},
                {"ssh=h//nice=3", "unknown key 'nice'"},
                {"ssh=", "'' is not a host"},
                {"ssh=a b", "'a b' is not a host"},
                {"popen//env:1A=x", "'1A' is not an environment variable name"},
                {"socket=h:8888", "needs //token_file=FILE"},
                {"socket=h", "'h' is not HOST:PORT"},
                {"socket=h:0//token_file=t", "'h:0' is not HOST:PORT"},
                {"socket=h:1//token_file=t//python=python3", "the listening worker chooses its python: give it to "
                        + "`salvo worker --listen` there (--python)"},
                {"socket=h:1//token_file=t//chdir=x", "(--rootdir)"},
                {"socket=h:1//token_file=t//env:A=1", "the listening worker chooses its environment"},
                {"socket=h:1//token_file=t//ssh_config=c", "unknown key 'ssh_config': use token_file= or id="}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TxSpec.parse(bad[0]));
            assertEquals(true, e.getMessage().startsWith("--tx " + bad[0] + ": "), e.getMessage());
            assertEquals(true, e.getMessage().contains(bad[1]), e.getMessage());
        }
    }

    @Test
    void seatsTakeEnvironmentsInTurn() {
        assertEquals(List.of("a", "b", "c", "a", "c", "a"),
                Turns.of(List.of("a", "b", "c"), s -> s.equals("a") ? 3 : s.equals("b") ? 1 : 2));
    }

    @Test
    void theRemoteLineQuotesEveryWordAndNamesTheChannel() {
        WorkerSpec spec = new WorkerSpec(List.of("python3", "-m", "pytest", "-k", "a and b's"), Map.of("PYTHONPATH", "/x y"),
                Path.of("/srv/my dir"), "", true, WorkerSpec.Io.CAPTURED);
        assertEquals("cd '/srv/my dir' && exec env 'PYTHONPATH=/x y' SALVO_WORKER=gw2 SALVO_CHANNEL=stdio:tok python3 -m "
                + "pytest -k 'a and b'\\''s'", SshTransport.remoteLine(spec, new WorkerRef("h1", "gw2"), "tok"));
    }
}
