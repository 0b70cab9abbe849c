package salvo.terminal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Curses;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * The full-screen surface: takes the terminal over (raw input, alternate screen, hidden cursor),
 * draws frames through JLine's {@link Display}, which rewrites only the lines that changed, and
 * gives the terminal back exactly as it found it.
 */
public final class TerminalScreen {
    private static final Capability[] RESTORE = {
            Capability.cursor_normal, Capability.cursor_visible, Capability.keypad_local, Capability.exit_ca_mode};

    private final Terminal terminal;
    private final OutputStream fallback;
    private Display display;
    private Attributes original;
    private String restoreSequence = "";
    private Size size;
    private boolean active;

    /**
     * @param fallback where the restoring escape sequences go if JLine closed the terminal first
     *                 (its own shutdown hook restores the line discipline but not the screen)
     */
    public TerminalScreen(Terminal terminal, OutputStream fallback) {
        this.terminal = terminal;
        this.fallback = fallback;
    }

    public synchronized void enter() {
        original = new Attributes(terminal.getAttributes());
        restoreSequence = sequence(RESTORE);
        terminal.setAttributes(raw(original));
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.puts(Capability.clear_screen);
        terminal.flush();
        display = new Display(terminal, true);
        size = new Size(terminal.getWidth(), terminal.getHeight());
        display.resize(size.getRows(), size.getColumns());
        active = true;
    }

    /**
     * Input byte by byte with no echo. ISIG is off so Ctrl-C arrives as a key and stops the run
     * gracefully instead of signalling every child in the foreground process group.
     */
    private static Attributes raw(Attributes from) {
        Attributes raw = new Attributes(from);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN, LocalFlag.ISIG), false);
        raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.INLCR), false);
        // Block until a byte arrives: no timed polling of the tty.
        raw.setControlChar(ControlChar.VMIN, 1);
        raw.setControlChar(ControlChar.VTIME, 0);
        return raw;
    }

    /** Lets Ctrl-C signal again: the escape hatch when a graceful stop takes too long. */
    public synchronized void allowSignals() {
        if (active) {
            Attributes a = terminal.getAttributes();
            a.setLocalFlag(LocalFlag.ISIG, true);
            terminal.setAttributes(a);
        }
    }

    public synchronized int width() {
        return size == null ? terminal.getWidth() : size.getColumns();
    }

    public synchronized int height() {
        return size == null ? terminal.getHeight() : size.getRows();
    }

    /** Picks up a new terminal size; true when it changed (the next frame is drawn in full). */
    public synchronized boolean checkSize() {
        if (!active) {
            return false;
        }
        Size now = new Size(terminal.getWidth(), terminal.getHeight());
        if (now.equals(size)) {
            return false;
        }
        size = now;
        display.clear();
        display.resize(now.getRows(), now.getColumns());
        return true;
    }

    public synchronized void draw(List<AttributedString> lines) {
        if (!active) {
            return;
        }
        // Display edits the list it is given.
        display.update(new ArrayList<>(lines), -1);
        terminal.flush();
    }

    /** Gives the terminal back: cursor, keypad, normal screen and the saved line discipline. Idempotent. */
    public synchronized void restore() {
        if (!active) {
            return;
        }
        active = false;
        try {
            terminal.writer().write(restoreSequence);
            terminal.flush();
            terminal.setAttributes(original);
        } catch (IllegalStateException closed) {
            writeFallback();
        }
    }

    private void writeFallback() {
        try {
            fallback.write(restoreSequence.getBytes(terminal.encoding()));
            fallback.flush();
        } catch (IOException e) {
            // Nowhere left to write: the terminal is gone.
        }
    }

    private String sequence(Capability... capabilities) {
        StringBuilder out = new StringBuilder();
        for (Capability c : capabilities) {
            String s = terminal.getStringCapability(c);
            if (s != null) {
                Curses.tputs(out, s);
            }
        }
        return out.toString();
    }
}
