package dev.mailcert.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The plaintext part of a STARTTLS session: one command out, then its reply lines in (never pipelined). */
final class PlaintextChannel {
    private final ResponseLineReader reader;
    private final OutputStream out;

    PlaintextChannel(ResponseLineReader reader, OutputStream out) {
        this.reader = reader;
        this.out = out;
    }

    /** The next reply line, bounded by the reader's limits. */
    String readLine() throws IOException, ProtocolViolation {
        return reader.readLine();
    }

    /** Sends one command line with CRLF. Commands are fixed ASCII text and never carry credentials. */
    void send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
