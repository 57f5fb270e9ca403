package dev.mailcert.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.lab.link.RoundTripTime;
import dev.mailcert.lab.mail.MailService;
import dev.mailcert.lab.scenario.Scenario;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The seed scenario 100 ms away: every DNS answer and every exchange with the mail and web
 * servers costs what it would over the internet. Lower bounds only: the lab may be slower than
 * its round-trip time on a loaded machine, never faster.
 */
class LabRoundTripTest {
    private static final Duration RTT = Duration.ofMillis(100);
    /** Away from the default offset and from the other lab tests, so that no other lab collides. */
    private static final int OFFSET = 26000;

    private static Lab lab;
    private static SSLContext trustingTheLab;

    @BeforeAll
    static void startDistantLab() throws Exception {
        lab = Lab.start(Scenario.builtIn("shared-hosting").withRtt(new RoundTripTime(RTT)), OFFSET);
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("root", lab.trustRoots().get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        trustingTheLab = SSLContext.getInstance("TLS");
        trustingTheLab.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @Test
    void aDnsAnswerOverUdpCostsOneRoundTrip() throws Exception {
        long asked = System.nanoTime();
        Message answer = resolver(false).send(query("mail.customer.example."));
        assertThat(since(asked)).isGreaterThanOrEqualTo(RTT);
        assertThat(answer.getSection(Section.ANSWER))
                .singleElement()
                .extracting(r -> ((ARecord) r).getAddress().getHostAddress())
                .isEqualTo("127.0.10.7");
    }

    @Test
    void aDnsAnswerOverTcpCostsTheConnectionAndTheExchange() throws Exception {
        long asked = System.nanoTime();
        Message answer = resolver(true).send(query("srv12.webhost.example."));
        assertThat(since(asked)).isGreaterThanOrEqualTo(RTT.multipliedBy(2));
        assertThat(answer.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void anImapGreetingArrivesTwoRoundTripsAfterTheConnect_andACommandCostsOneMore() throws Exception {
        long connecting = System.nanoTime(); // before connect: the lab's clock may start before connect() returns here
        try (Socket socket = connect(MailService.IMAP_STARTTLS)) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("* OK");
            assertThat(since(connecting)).isGreaterThanOrEqualTo(RTT.multipliedBy(2));

            long asked = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write("a1 CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).startsWith("* CAPABILITY");
            assertThat(in.readLine()).isEqualTo("a1 OK CAPABILITY completed");
            assertThat(since(asked)).isGreaterThanOrEqualTo(RTT);
        }
    }

    @Test
    void anImplicitTlsHandshakeIsDoneTwoRoundTripsAfterTheConnect_withTheScenariosCertificate() throws Exception {
        try (Socket plain = connect(MailService.IMAP_TLS)) {
            long connected = System.nanoTime();
            SSLSocket tls = handshake(plain, "srv12.webhost.example");
            assertThat(since(connected))
                    .isGreaterThanOrEqualTo(RTT.multipliedBy(2)); // the TCP connection, then TLS 1.3
            assertThat(tls.getSession().getPeerCertificates()[0])
                    .isEqualTo(lab.certificates().get("webhost-wildcard").leaf());
            var in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("* OK");
        }
    }

    @Test
    void anAutoconfigRequestOverHttpsCostsThreeRoundTrips() throws Exception {
        InetSocketAddress web = lab.webServers().get(0).address();
        try (Socket plain = new Socket()) {
            plain.connect(web, 5000);
            plain.setSoTimeout(10_000);
            long connected = System.nanoTime();
            SSLSocket tls = handshake(plain, "autoconfig.customer.example");
            OutputStream out = tls.getOutputStream();
            out.write(("GET /mail/config-v1.1.xml HTTP/1.1\r\nHost: autoconfig.customer.example\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(tls.getInputStream().readNBytes(1 << 20), StandardCharsets.UTF_8);
            assertThat(since(connected)).isGreaterThanOrEqualTo(RTT.multipliedBy(3)); // connection, TLS 1.3, request
            assertThat(response).startsWith("HTTP/1.1 200").contains("<hostname>mail.customer.example</hostname>");
        }
    }

    private static Socket connect(MailService service) throws Exception {
        Socket socket = new Socket();
        socket.connect(
                new InetSocketAddress(
                        lab.mailServers().get(0).spec().address(),
                        lab.mailServers().get(0).port(service)),
                5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static SSLSocket handshake(Socket plain, String sni) throws Exception {
        SSLSocket tls = (SSLSocket) trustingTheLab.getSocketFactory().createSocket(plain, sni, plain.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(sni)));
        parameters.setProtocols(new String[] {"TLSv1.3"});
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static SimpleResolver resolver(boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(lab.dnsAddress());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(10));
        return resolver;
    }

    private static Message query(String name) throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
