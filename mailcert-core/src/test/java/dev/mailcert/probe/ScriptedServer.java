package dev.mailcert.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A one-connection server on 127.0.0.1 that plays a script: send bytes, read a line, upgrade to
 * TLS, stall, flood, reset. It records the lines the client sent and the SNI it asked for, so a
 * test can check what the client did as well as what it concluded.
 */
final class ScriptedServer implements AutoCloseable {

    sealed interface Step {}

    record Send(byte[] bytes) implements Step {}

    record ReadLine() implements Step {}

    /** Upgrades to TLS as the server; {@code protocols} empty means the JDK's defaults. */
    record StartTls(SSLContext context, List<String> protocols) implements Step {}

    record Pause(Duration duration) implements Step {}

    /** Sends {@code bytes} one at a time with {@code pause} between them. */
    record Drip(byte[] bytes, Duration pause) implements Step {}

    /** Sends {@code unit} up to {@code times} times, or until the client stops listening. */
    record Flood(byte[] unit, long times) implements Step {}

    /** Reads and ignores everything until the client hangs up. */
    record HoldOpen() implements Step {}

    /** Closes with a TCP reset. */
    record Reset() implements Step {}

    static Step send(String text) {
        return new Send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Step readLine() {
        return new ReadLine();
    }

    static Step startTls(TestServerIdentity identity) {
        return new StartTls(identity.serverContext(), List.of());
    }

    static Step startTls(TestServerIdentity identity, String onlyProtocol) {
        return new StartTls(identity.serverContext(), List.of(onlyProtocol));
    }

    static Step pause(Duration duration) {
        return new Pause(duration);
    }

    static Step drip(String text, Duration pause) {
        return new Drip(text.getBytes(StandardCharsets.ISO_8859_1), pause);
    }

    static Step flood(String unit, long times) {
        return new Flood(unit.getBytes(StandardCharsets.ISO_8859_1), times);
    }

    static Step holdOpen() {
        return new HoldOpen();
    }

    static Step reset() {
        return new Reset();
    }

    private final ServerSocket listener;
    private final List<Step> script;
    private final Thread thread;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile List<String> sniReceived;
    private volatile Socket connection;

    private ScriptedServer(List<Step> script) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.script = script;
        this.thread = Thread.ofVirtual().name("scripted-server").start(this::serve);
    }

    static ScriptedServer start(Step... script) throws IOException {
        return new ScriptedServer(List.of(script));
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The lines the client sent, plaintext and over TLS, in order. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** The SNI host names of the client's TLS handshake; null when no handshake completed. */
    List<String> sniReceived() {
        return sniReceived;
    }

    /** Waits for the script to end (or the client to hang up). */
    void awaitEnd(Duration limit) throws InterruptedException {
        thread.join(limit);
    }

    private void serve() {
        try (Socket accepted = listener.accept()) {
            connection = accepted;
            Socket current = accepted;
            InputStream in = accepted.getInputStream();
            OutputStream out = accepted.getOutputStream();
            for (Step step : script) {
                switch (step) {
                    case Send send -> {
                        out.write(send.bytes());
                        out.flush();
                    }
                    case ReadLine r -> {
                        String line = readLine(in);
                        if (line == null) {
                            return;
                        }
                        received.add(line);
                    }
                    case StartTls startTls -> {
                        SSLSocket tls = (SSLSocket) startTls.context().getSocketFactory().createSocket(current, null, true);
                        if (!startTls.protocols().isEmpty()) {
                            tls.setEnabledProtocols(startTls.protocols().toArray(String[]::new));
                        }
                        tls.startHandshake();
                        sniReceived = ((ExtendedSSLSession) tls.getSession()).getRequestedServerNames().stream()
                                .map(name -> ((SNIHostName) name).getAsciiName()).toList();
                        current = tls;
                        in = tls.getInputStream();
                        out = tls.getOutputStream();
                    }
                    case Pause pause -> Thread.sleep(pause.duration());
                    case Drip drip -> {
                        for (byte b : drip.bytes()) {
                            out.write(b);
                            out.flush();
                            Thread.sleep(drip.pause());
                        }
                    }
                    case Flood flood -> {
                        for (long i = 0; i < flood.times(); i++) {
                            out.write(flood.unit());
                        }
                        out.flush();
                    }
                    case HoldOpen h -> {
                        while (in.read() >= 0) {
                            // ignore
                        }
                    }
                    case Reset r -> {
                        accepted.setSoLinger(true, 0);
                        accepted.close();
                        return;
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up or the test ended: the script stops here
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() > 10_000) {
                throw new IOException("client line too long");
            }
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws Exception {
        listener.close();
        Socket accepted = connection;
        if (accepted != null) {
            accepted.close();
        }
        thread.interrupt();
        thread.join(Duration.ofSeconds(5));
    }
}
