package dev.mailcert.lab.mail;

import dev.mailcert.lab.mail.Dialogue.Farewell;
import dev.mailcert.lab.mail.Dialogue.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** One client connection: optional implicit TLS, greeting, then command and reply until the end. */
final class MailSession {
    /** Longer than any command line these dialogues accept (RFC 5321 §4.5.3.1.4 allows 512). */
    static final int MAX_LINE_BYTES = 1000;

    static final int MAX_COMMANDS = 50;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(15);

    private final SSLSocketFactory tls;
    private final Dialogue dialogue;
    private Socket socket;
    private LineReader in;
    private OutputStream out;

    MailSession(Socket accepted, SSLSocketFactory tls, Dialogue dialogue) {
        this.socket = accepted;
        this.tls = tls;
        this.dialogue = dialogue;
    }

    /** Runs the conversation; I/O failures simply end it. */
    void run(boolean implicitTls) {
        try {
            socket.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
            if (implicitTls) {
                startTls();
            } else {
                attachStreams();
            }
            converse();
        } catch (IOException e) {
            // the client left, or the handshake failed: nothing to report for a fixture server
        }
    }

    private void converse() throws IOException {
        send(List.of(dialogue.greeting()));
        try {
            for (int commands = 0; commands < MAX_COMMANDS; commands++) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                Reply reply = dialogue.answer(line);
                send(reply.lines());
                switch (reply.next()) {
                    case CONTINUE -> {}
                    case CLOSE -> {
                        return;
                    }
                    case START_TLS -> {
                        if (in.hasBufferedInput()) {
                            return; // commands pipelined after STARTTLS would be plaintext injection (RFC 3207 §5)
                        }
                        startTls();
                        dialogue.tlsStarted();
                    }
                }
            }
            send(List.of(dialogue.farewell(Farewell.TOO_MANY_COMMANDS)));
        } catch (LineReader.LineTooLongException e) {
            send(List.of(dialogue.farewell(Farewell.LINE_TOO_LONG)));
        } catch (SocketTimeoutException e) {
            send(List.of(dialogue.farewell(Farewell.IDLE)));
        }
    }

    private void startTls() throws IOException {
        SSLSocket secured = (SSLSocket) tls.createSocket(socket, null, true);
        secured.startHandshake();
        socket = secured;
        attachStreams(); // a new reader: nothing read before the handshake is kept
    }

    private void attachStreams() throws IOException {
        in = new LineReader(socket.getInputStream(), MAX_LINE_BYTES);
        out = socket.getOutputStream();
    }

    private void send(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append("\r\n"));
        out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
