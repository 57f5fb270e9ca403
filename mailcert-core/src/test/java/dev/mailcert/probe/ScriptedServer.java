package dev.mailcert.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * A one-connection server on a loopback address that plays a script: send bytes, read a line,
 * upgrade to TLS, stall, flood, reset. It records the lines the client sent and the SNI it asked
 * for, so a test can check what the client did as well as what it concluded. Public so that whole
 * checks (dev.mailcert.hostile) can put one on each mail port of an address.
 */
public final class ScriptedServer implements AutoCloseable {

    public sealed interface Step {}

    public record Send(byte[] bytes) implements Step {}

    public record ReadLine() implements Step {}

    /** Upgrades to TLS as the server; {@code protocols} empty means the JDK's defaults. */
    public record StartTls(SSLContext context, List<String> protocols) implements Step {}

    public record Pause(Duration duration) implements Step {}

    /** Sends {@code bytes} one at a time with {@code pause} between them. */
    public record Drip(byte[] bytes, Duration pause) implements Step {}

    /** Sends {@code unit} up to {@code times} times, or until the client stops listening. */
    public record Flood(byte[] unit, long times) implements Step {}

    /** Reads and ignores everything until the client hangs up. */
    public record HoldOpen() implements Step {}

    /** Closes with a TCP reset. */
    public record Reset() implements Step {}

    public static Step send(String text) {
        return new Send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Step readLine() {
        return new ReadLine();
    }

    static Step startTls(TestServerIdentity identity) {
        return new StartTls(identity.serverContext(), List.of());
    }

    static Step startTls(TestServerIdentity identity, String onlyProtocol) {
        return new StartTls(identity.serverContext(), List.of(onlyProtocol));
    }

    public static Step startTls(SSLContext context) {
        return new StartTls(context, List.of());
    }

    public static Step pause(Duration duration) {
        return new Pause(duration);
    }

    public static Step drip(String text, Duration pause) {
        return new Drip(text.getBytes(StandardCharsets.ISO_8859_1), pause);
    }

    public static Step flood(String unit, long times) {
        return new Flood(unit.getBytes(StandardCharsets.ISO_8859_1), times);
    }

    public static Step holdOpen() {
        return new HoldOpen();
    }

    public static Step reset() {
        return new Reset();
    }

    private final ServerSocket listener;
    private final List<Step> script;
    private final Thread thread;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile List<String> sniReceived;
    private volatile Socket connection;

    private ScriptedServer(InetSocketAddress bind, List<Step> script) throws IOException {
        this.listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(bind, 1);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        this.script = script;
        this.thread = Thread.ofVirtual().name("scripted-server").start(this::serve);
    }

    static ScriptedServer start(Step... script) throws IOException {
        return new ScriptedServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of(script));
    }

    /** A server on {@code bind} (a loopback address and port) playing {@code script} to its first client. */
    public static ScriptedServer startAt(InetSocketAddress bind, List<Step> script) throws IOException {
        return new ScriptedServer(bind, List.copyOf(script));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The lines the client sent, plaintext and over TLS, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** The SNI host names of the client's TLS handshake; null when no handshake completed. */
    public List<String> sniReceived() {
        return sniReceived;
    }

    /** Waits for the script to end (or the client to hang up). */
    public void awaitEnd(Duration limit) throws InterruptedException {
        thread.join(limit);
    }

    /** True while the script still runs: its client has not hung up and the script has not ended. */
    public boolean running() {
        return thread.isAlive();
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
                        SSLSocket tls = (SSLSocket)
                                startTls.context().getSocketFactory().createSocket(current, null, true);
                        if (!startTls.protocols().isEmpty()) {
                            tls.setEnabledProtocols(startTls.protocols().toArray(String[]::new));
                        }
                        tls.startHandshake();
                        sniReceived = ((ExtendedSSLSession) tls.getSession())
                                .getRequestedServerNames().stream()
                                        .map(name -> ((SNIHostName) name).getAsciiName())
                                        .toList();
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
