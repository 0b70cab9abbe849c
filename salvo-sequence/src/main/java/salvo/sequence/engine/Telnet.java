package salvo.sequence.engine;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The telnet protocol around a console's bytes (RFC 854): a server's option negotiation is
 * answered by refusing every option (DO becomes WONT, WILL becomes DONT), so the session stays a
 * plain network virtual terminal; commands and subnegotiations are taken out of what the console
 * reads, and a 0xFF byte is escaped both ways. The streams share one lock for writing, so a
 * refusal never splits a line the item is writing.
 */
final class Telnet {
    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;

    private Telnet() {}

    /** What the console reads: the server's data without its commands, which are answered on {@code replies}. */
    static InputStream reading(InputStream in, OutputStream replies) {
        return new Reading(in, replies);
    }

    /** What the console writes: data with 0xFF escaped. */
    static OutputStream writing(OutputStream out) {
        return new Writing(out);
    }

    private static final class Reading extends FilterInputStream {
        private static final int NOTHING_YET = -2;
        private final OutputStream replies;

        Reading(InputStream in, OutputStream replies) {
            super(in);
            this.replies = replies;
        }

        @Override
        public int read() throws IOException {
            return next(true);
        }

        /**
         * The next data byte, answering the commands in front of it; {@link #NOTHING_YET} when
         * {@code wait} is false and only commands had arrived. A command's own bytes are always
         * waited for: a server sends them together.
         */
        private int next(boolean wait) throws IOException {
            while (true) {
                if (!wait && in.available() == 0) {
                    return NOTHING_YET;
                }
                int b = in.read();
                if (b != IAC) {
                    return b;
                }
                int command = in.read();
                if (command == -1) {
                    return -1;
                }
                if (command == IAC) {
                    return IAC; // an escaped data byte
                }
                if (command == DO || command == DONT || command == WILL || command == WONT) {
                    int option = in.read();
                    if (option == -1) {
                        return -1;
                    }
                    refuse(command, option);
                } else if (command == SB) {
                    skipSubnegotiation();
                }
                // Any other command (GA, NOP, AYT...) carries no data.
            }
        }

        /** Only DO and WILL ask for an answer; refusing what is already off would start a loop. */
        private void refuse(int command, int option) throws IOException {
            int answer = command == DO ? WONT : command == WILL ? DONT : -1;
            if (answer != -1) {
                synchronized (replies) {
                    replies.write(new byte[] {(byte) IAC, (byte) answer, (byte) option});
                    replies.flush();
                }
            }
        }

        /** Up to IAC SE; an IAC IAC inside is a data byte, so it cannot end it. */
        private void skipSubnegotiation() throws IOException {
            for (int b; (b = in.read()) != -1; ) {
                if (b == IAC) {
                    int escaped = in.read();
                    if (escaped == SE || escaped == -1) {
                        return;
                    }
                }
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = next(true);
            if (first == -1) {
                return -1;
            }
            buffer[offset] = (byte) first;
            int n = 1;
            // Only what is already here, and never a wait after a trailing command: a server that
            // ends its output with one (telnetd's WILL ECHO after a shell's prompt) then waits for us.
            for (int b; n < length && (b = next(false)) >= 0; ) {
                buffer[offset + n++] = (byte) b;
            }
            return n;
        }
    }

    private static final class Writing extends FilterOutputStream {
        Writing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        /** Escaped into one write: a byte at a time, a line would leave in as many packets. */
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            java.io.ByteArrayOutputStream escaped = new java.io.ByteArrayOutputStream(length + 8);
            for (int i = offset; i < offset + length; i++) {
                if ((bytes[i] & 0xFF) == IAC) {
                    escaped.write(IAC);
                }
                escaped.write(bytes[i]);
            }
            synchronized (out) {
                escaped.writeTo(out);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (out) {
                out.flush();
            }
        }
    }
}
