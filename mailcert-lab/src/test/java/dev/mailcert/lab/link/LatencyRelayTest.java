package dev.mailcert.lab.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timing assertions here are lower bounds only: a relay can be slower than its round trip, never faster. */
class LatencyRelayTest {
    private static final RoundTripTime RTT = new RoundTripTime(Duration.ofMillis(100));
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private ServerSocket backend;
    private LatencyRelay relay;

    @AfterEach
    void stop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aGreetingArrivesTwoRoundTripsAfterTheConnect_andEachExchangeCostsOneMore() throws Exception {
        startBackend(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            for (int b; (b = in.read()) >= 0; ) {
                out.write(b); // an echo: one byte back for each byte
                out.flush();
            }
        });
        try (Socket client = connect()) {
            long connected = System.nanoTime();
            assertThat(readLine(client)).isEqualTo("hello");
            assertThat(since(connected))
                    .isGreaterThanOrEqualTo(RTT.value().multipliedBy(2)); // SYN, SYN-ACK, ACK, then the greeting

            long asked = System.nanoTime();
            client.getOutputStream().write("x\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(client)).isEqualTo("x");
            assertThat(since(asked)).isGreaterThanOrEqualTo(RTT.value());
        }
    }

    @Test
    void aClientThatSpeaksFirstIsHeardOneAndAHalfRoundTripsAfterItsConnect() throws Exception {
        startBackend(socket -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                out.write(b);
                out.flush();
            }
        });
        try (Socket client = connect()) {
            long connected = System.nanoTime();
            client.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(client)).isEqualTo("ping");
            // as over a real link: the connect costs one round trip, the exchange another
            assertThat(since(connected)).isGreaterThanOrEqualTo(RTT.value().multipliedBy(2));
        }
    }

    @Test
    void everyByteArrivesUnchangedAndInOrder_inBothDirections_andTheEndOfStreamToo() throws Exception {
        byte[] payload = new byte[3 * 1024 * 1024 + 17]; // more than the chunks the relay keeps in flight
        new Random(42).nextBytes(payload);
        startBackend(socket -> {
            byte[] received = socket.getInputStream().readNBytes(payload.length);
            socket.getOutputStream().write(received); // back as it came
            socket.shutdownOutput();
        });
        try (Socket client = connect()) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    client.getOutputStream().write(payload);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] back = client.getInputStream().readNBytes(payload.length + 1);
            writer.join();
            assertThat(back)
                    .isEqualTo(payload); // and then the end of stream, or readNBytes would wait for one more byte
        }
    }

    @Test
    void aServerThatIsGoneEndsTheClientsConnection() throws Exception {
        backend = new ServerSocket(0, 50, loopback);
        InetSocketAddress gone = (InetSocketAddress) backend.getLocalSocketAddress();
        backend.close();
        relay = LatencyRelay.start(new InetSocketAddress(loopback, 0), gone, RTT);
        try (Socket client = connect()) {
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    private interface Conversation {
        void run(Socket socket) throws IOException;
    }

    private void startBackend(Conversation conversation) throws IOException {
        backend = new ServerSocket(0, 50, loopback);
        Thread.ofVirtual().start(() -> {
            try (Socket socket = backend.accept()) {
                conversation.run(socket);
            } catch (IOException e) {
                // the test ended the connection
            }
        });
        relay = LatencyRelay.start(
                new InetSocketAddress(loopback, 0), (InetSocketAddress) backend.getLocalSocketAddress(), RTT);
    }

    private Socket connect() throws IOException {
        Socket client = new Socket();
        client.connect(relay.address(), 2000);
        client.setSoTimeout(10_000);
        return client;
    }

    private static String readLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            line.append((char) b);
        }
        return line.toString();
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
