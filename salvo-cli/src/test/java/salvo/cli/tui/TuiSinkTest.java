package salvo.cli.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static salvo.cli.tui.RunScript.T0;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import salvo.model.RunStatus;

/** The terminal layer on an in-memory terminal: what reaches the screen, and what keys do. */
class TuiSinkTest {
    private static final String ENTER_ALT_SCREEN = "\u001b[?1049h";
    private static final String LEAVE_ALT_SCREEN = "\u001b[?1049l";
    private static final String HIDE_CURSOR = "\u001b[?25l";
    private static final String SHOW_CURSOR = "\u001b[?25h";

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ByteArrayOutputStream summary = new ByteArrayOutputStream();
    private final AtomicInteger stops = new AtomicInteger();
    private PipedOutputStream keyboard;
    private ExternalTerminal terminal;
    private Attributes before;
    private TuiSink sink;

    @BeforeEach
    void openOnAnInMemoryTerminal() throws IOException {
        keyboard = new PipedOutputStream();
        terminal = new ExternalTerminal("test", "xterm-256color", new PipedInputStream(keyboard), screen,
                StandardCharsets.UTF_8);
        terminal.setSize(new Size(80, 24));
        before = new Attributes(terminal.getAttributes());
        // A clock that stands still: nothing on screen changes unless an event or a key changes it.
        Clock still = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);
        sink = TuiSink.openOn(terminal, Palette.COLOR, still, stops::incrementAndGet,
                new PrintStream(summary, true, StandardCharsets.UTF_8));
        sink.on(RunScript.started(2, Duration.ofSeconds(60), "t/a.py", "t/b.py"));
        sink.on(RunScript.unitStarted("gw1", "t/a.py", 1));
        sink.on(RunScript.finished("gw1", RunScript.failed("t/a.py::test_bad", 10, "assert 1 == 2", "trace", "out", 1)));
    }

    @AfterEach
    void close() throws IOException {
        sink.close();
        terminal.close();
    }

    @Test
    void takesTheScreenOverInRawMode() {
        awaitScreen("gw1");
        String out = screenText();
        assertTrue(out.contains(ENTER_ALT_SCREEN), "alternate screen");
        assertTrue(out.contains(HIDE_CURSOR), "cursor hidden");
        Attributes raw = terminal.getAttributes();
        assertFalse(raw.getLocalFlag(LocalFlag.ECHO));
        assertFalse(raw.getLocalFlag(LocalFlag.ICANON));
        assertFalse(raw.getLocalFlag(LocalFlag.ISIG), "Ctrl-C must arrive as a key");
    }

    @Test
    void redrawsOnlyWhatChanged() throws InterruptedException {
        awaitScreen("t/a.py::test_bad");
        int settled = screen.size();
        Thread.sleep(4 * TuiSink.FRAME_MILLIS);
        assertEquals(settled, screen.size(), "an unchanged frame writes nothing");

        sink.on(RunScript.testStarted("gw2", "t/b.py::test_new_one"));
        awaitScreen("test_new_one");
        String delta = screenText().substring(textLength(settled));
        assertFalse(delta.contains("20261123_101502_123"), "the header was not rewritten: " + delta);
        assertFalse(delta.contains("test_bad"), "the failure row was not rewritten: " + delta);
    }

    @Test
    void keysSwitchViewsAndQStopsTheRunOnce() throws Exception {
        awaitScreen("gw1");
        type("f");
        await(() -> !String.join("\n", sink.currentFrame().text()).contains("Workers"), "failures-only view");
        type("\r");
        await(() -> String.join("\n", sink.currentFrame().text()).contains("failure detail"), "detail view");
        type("\u001b");
        await(() -> String.join("\n", sink.currentFrame().text()).contains("f: overview"), "Esc back to the list");
        assertEquals(0, stops.get());
        type("q");
        await(() -> stops.get() == 1, "q asks the runner to stop");
        await(() -> sink.currentFrame().text().get(0).contains("stopping"), "header says it is stopping");
    }

    @Test
    void ctrlCIsAKeyThatStopsTheRunAndASecondOneMayThenSignal() throws Exception {
        awaitScreen("gw1");
        type("\u0003");
        await(() -> stops.get() == 1, "Ctrl-C asks the runner to stop");
        assertFalse(terminal.getAttributes().getLocalFlag(LocalFlag.ISIG));
        type("\u0003");
        await(() -> stops.get() == 2, "asked again");
        await(() -> terminal.getAttributes().getLocalFlag(LocalFlag.ISIG), "a third Ctrl-C would be a real SIGINT");
    }

    @Test
    void closeRestoresTheTerminalAndPrintsTheSummaryOnce() {
        awaitScreen("gw1");
        sink.on(RunScript.runFinished(RunStatus.INTERRUPTED, T0.plusSeconds(5)));
        sink.close();
        sink.close();
        String out = screenText();
        assertTrue(out.lastIndexOf(LEAVE_ALT_SCREEN) > out.lastIndexOf(ENTER_ALT_SCREEN), "normal screen");
        assertTrue(out.lastIndexOf(SHOW_CURSOR) > out.lastIndexOf(HIDE_CURSOR), "cursor visible");
        Attributes after = terminal.getAttributes();
        assertEquals(before.getLocalFlags(), after.getLocalFlags(), "echo and line mode back");
        assertEquals(before.getInputFlags(), after.getInputFlags());
        String printed = summary.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("salvo: run 20261123_101502_123 interrupted"), printed);
        assertTrue(printed.contains("FAILED   t/a.py::test_bad  assert 1 == 2"), printed);
        assertEquals(printed.indexOf("salvo: run"), printed.lastIndexOf("salvo: run"), "printed once");
        int written = screen.size();
        sink.on(RunScript.testStarted("gw2", "t/b.py::late"));
        assertEquals(written, screen.size(), "nothing drawn after close");
    }

    @Test
    void aResizeRedrawsForTheNewSize() {
        awaitScreen("gw1");
        terminal.setSize(new Size(50, 12));
        await(() -> sink.currentFrame().lines().size() == 12, "frame follows the new height");
        await(() -> screenText().contains("f: only failures"), "redrawn");
    }

    private void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private String screenText() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private int textLength(int bytes) {
        return new String(screen.toByteArray(), 0, bytes, StandardCharsets.UTF_8).length();
    }

    private void awaitScreen(String text) {
        await(() -> screenText().contains(text), "screen shows " + text);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
