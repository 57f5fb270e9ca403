package dev.mailcert.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.Deadline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lean offer (TLS 1.3, one x25519 key share) goes only to a port that spoke TLS 1.3 before,
 * and a refusal of it is made good with the full offer: what is reported is always what the
 * JDK's full offer gets.
 */
class KeyShareOfferTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String SNI = TestServerIdentity.SERVER_NAME;

    private static TestServerIdentity identity;

    @BeforeAll
    static void generateCertificates() throws Exception {
        identity = TestServerIdentity.generate();
    }

    @Test
    void aTls13PortWithX25519_isAskedWithOneKeyShareFromTheSecondHandshakeOn() throws Exception {
        try (TlsServer server = TlsServer.start(null, null)) {
            TlsProber prober = new TlsProber(ProbeLimits.defaults());

            List<ProbeResult> results = probeThreeTimes(prober, server);

            results.forEach(r -> assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.HANDSHAKE));
            assertThat(server.versions(3)).containsExactly("TLSv1.3", "TLSv1.3", "TLSv1.3");
            assertThat(server.connections()).as("no handshake made twice").isEqualTo(3);
        }
    }

    @Test
    void aTls13PortWithoutX25519_refusesTheLeanOfferOnce_andEveryProbeReportsTheFullOffersHandshake() throws Exception {
        try (TlsServer server = TlsServer.start(null, "secp256r1")) {
            TlsProber prober = new TlsProber(ProbeLimits.defaults());

            List<ProbeResult> results = probeThreeTimes(prober, server);

            results.forEach(r -> {
                assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.HANDSHAKE);
                assertThat(r.handshake().orElseThrow().tlsVersion()).isEqualTo("TLSv1.3");
                assertThat(r.detail()).isEqualTo("TLSv1.3 handshake completed");
            });
            // first: full offer; second: lean, refused, then full again; third: full (the refusal is remembered)
            assertThat(server.connections()).isEqualTo(4);
            assertThat(server.versions(3)).containsExactly("TLSv1.3", "TLSv1.3", "TLSv1.3");
        }
    }

    @Test
    void aServerThatIgnoresTheLeanOffer_costsHalfTheTimeLeft_andTheFullOfferStillShakesHands() throws Exception {
        try (TlsServer server = TlsServer.silentWithoutSecp256r1Share()) {
            TlsProber prober = new TlsProber(ProbeLimits.defaults());
            Endpoint endpoint = new Endpoint(Protocol.IMAP, server.port(), Security.TLS);

            ProbeResult first = prober.probe(LOOPBACK, endpoint, SNI, Deadline.after(Duration.ofSeconds(4)));
            ProbeResult second = prober.probe(LOOPBACK, endpoint, SNI, Deadline.after(Duration.ofSeconds(4)));
            long started = System.nanoTime();
            ProbeResult third = prober.probe(LOOPBACK, endpoint, SNI, Deadline.after(Duration.ofSeconds(4)));
            Duration thirdTook = Duration.ofNanos(System.nanoTime() - started);

            assertThat(first.outcome()).as(first.detail()).isEqualTo(Outcome.HANDSHAKE);
            assertThat(second.outcome()).as(second.detail()).isEqualTo(Outcome.HANDSHAKE);
            assertThat(second.elapsed())
                    .as("the unanswered lean attempt waited about half the time left")
                    .isBetween(Duration.ofMillis(1500), Duration.ofMillis(3900));
            assertThat(third.outcome()).as(third.detail()).isEqualTo(Outcome.HANDSHAKE);
            assertThat(thirdTook)
                    .as("the port keeps the full offer: no second wait")
                    .isLessThan(Duration.ofMillis(1500));
            // first: full; second: lean (unanswered), then full; third: full
            assertThat(server.connections()).isEqualTo(4);
        }
    }

    @Test
    void aTls12Port_neverGetsTheLeanOffer() throws Exception {
        try (TlsServer server = TlsServer.start("TLSv1.2", null)) {
            TlsProber prober = new TlsProber(ProbeLimits.defaults());

            List<ProbeResult> results = probeThreeTimes(prober, server);

            results.forEach(
                    r -> assertThat(r.handshake().orElseThrow().tlsVersion()).isEqualTo("TLSv1.2"));
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    private static List<ProbeResult> probeThreeTimes(TlsProber prober, TlsServer server) {
        Endpoint endpoint = new Endpoint(Protocol.IMAP, server.port(), Security.TLS);
        return List.of(
                prober.probe(LOOPBACK, endpoint, SNI, Deadline.after(Duration.ofSeconds(5))),
                prober.probe(LOOPBACK, endpoint, SNI, Deadline.after(Duration.ofSeconds(5))),
                prober.probe(LOOPBACK, endpoint, SNI, Deadline.after(Duration.ofSeconds(5))));
    }

    /** A TLS server on loopback that handshakes with every client, limited to a version and a group if asked. */
    private static final class TlsServer implements AutoCloseable {
        private final ServerSocket listener;
        private final List<String> versions = new CopyOnWriteArrayList<>();
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        private final boolean silentWithoutSecp256r1;

        private TlsServer(@Nullable String onlyVersion, @Nullable String onlyGroup) throws IOException {
            this(onlyVersion, onlyGroup, false);
        }

        private TlsServer(@Nullable String onlyVersion, @Nullable String onlyGroup, boolean silentWithoutSecp256r1)
                throws IOException {
            this.silentWithoutSecp256r1 = silentWithoutSecp256r1;
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(LOOPBACK, 0));
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket plain = listener.accept();
                        accepted.add(plain);
                        Thread.ofVirtual().start(() -> handshake(plain, onlyVersion, onlyGroup));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        static TlsServer start(@Nullable String onlyVersion, @Nullable String onlyGroup) throws IOException {
            return new TlsServer(onlyVersion, onlyGroup);
        }

        /** Like a middlebox that drops what it does not know: a ClientHello without a secp256r1 key share gets no answer. */
        static TlsServer silentWithoutSecp256r1Share() throws IOException {
            return new TlsServer(null, null, true);
        }

        private void handshake(Socket plain, @Nullable String onlyVersion, @Nullable String onlyGroup) {
            InputStream consumed = InputStream.nullInputStream();
            if (silentWithoutSecp256r1) {
                try {
                    byte[] hello = readRecord(plain.getInputStream());
                    if (!hasKeyShare(hello, SECP256R1)) {
                        plain.getInputStream().read(); // silent until the client hangs up
                        plain.close();
                        return;
                    }
                    consumed = new ByteArrayInputStream(hello);
                } catch (IOException e) {
                    return;
                }
            }
            try (SSLSocket tls =
                    (SSLSocket) identity.serverContext().getSocketFactory().createSocket(plain, consumed, true)) {
                tls.setUseClientMode(false);
                SSLParameters parameters = tls.getSSLParameters();
                if (onlyVersion != null) {
                    parameters.setProtocols(new String[] {onlyVersion});
                }
                if (onlyGroup != null) {
                    parameters.setNamedGroups(new String[] {onlyGroup});
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                versions.add(tls.getSession().getProtocol());
                tls.getInputStream().read(); // until the client hangs up
            } catch (IOException ignored) {
                // a refused handshake or a client that hung up
            }
        }

        int port() {
            return listener.getLocalPort();
        }

        private static final int SECP256R1 = 0x0017;

        /** One TLS record, header included: the ClientHello. */
        private static byte[] readRecord(InputStream in) throws IOException {
            byte[] header = in.readNBytes(5);
            int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
            byte[] body = in.readNBytes(length);
            byte[] record = Arrays.copyOf(header, 5 + body.length);
            System.arraycopy(body, 0, record, 5, body.length);
            return record;
        }

        /** True when the ClientHello in {@code record} carries a key share for {@code group} (RFC 8446 §4.2.8). */
        private static boolean hasKeyShare(byte[] record, int group) {
            ByteBuffer hello = ByteBuffer.wrap(record);
            hello.position(5 + 4 + 2 + 32); // record and handshake headers, version, random
            hello.position(hello.position() + 1 + (hello.get(hello.position()) & 0xff)); // session id
            hello.position(hello.position() + 2 + (hello.getShort(hello.position()) & 0xffff)); // cipher suites
            hello.position(hello.position() + 1 + (hello.get(hello.position()) & 0xff)); // compression methods
            int end = hello.position() + 2 + (hello.getShort() & 0xffff);
            while (hello.position() < end) {
                int type = hello.getShort() & 0xffff;
                int length = hello.getShort() & 0xffff;
                int next = hello.position() + length;
                if (type == 0x0033) { // key_share
                    int sharesEnd = hello.position() + 2 + (hello.getShort() & 0xffff);
                    while (hello.position() < sharesEnd) {
                        int shareGroup = hello.getShort() & 0xffff;
                        hello.position(hello.position() + 2 + (hello.getShort(hello.position()) & 0xffff));
                        if (shareGroup == group) {
                            return true;
                        }
                    }
                }
                hello.position(next);
            }
            return false;
        }

        int connections() {
            return accepted.size();
        }

        /** The versions of the completed handshakes, once {@code expected} completed (or after 5 s). */
        List<String> versions(int expected) throws InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (versions.size() < expected && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            return List.copyOf(versions);
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
