package dev.mailcert.discover;

import static dev.mailcert.discover.ScriptedHttpsServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.Deadline;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.discover.WebResponse.Kind;
import dev.mailcert.lab.pki.CertificateSpec;
import dev.mailcert.lab.pki.IssuedCertificate;
import dev.mailcert.lab.pki.LabPki;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTPS client against scripted servers on 127.0.0.1 that behave well, badly or not at all. */
class HttpsWebClientTest {
    private static final String HOST = "autoconfig.customer.example";
    private static LabPki pki;
    private static IssuedCertificate valid;
    private static IssuedCertificate otherName;

    @BeforeAll
    static void certificates() {
        pki = LabPki.create();
        valid = pki.issue(CertificateSpec.forNames(HOST, "other.customer.example"));
        otherName = pki.issue(CertificateSpec.forNames("*.webhost.example"));
    }

    private static HttpsWebClient client() {
        return new HttpsWebClient(new LoopbackDns(List.of(HOST, "elsewhere.example")), TrustAnchors.of(List.of(pki.root()), "lab root"));
    }

    private static WebResponse get(URI uri, Deadline deadline) {
        return client().get(uri, Instant.now(), deadline);
    }

    private static WebResponse post(URI uri, byte[] body, String contentType, Deadline deadline) {
        return client().post(uri, body, contentType, Instant.now(), deadline);
    }

    private static URI uri(ScriptedHttpsServer server, String path) {
        return URI.create("https://" + HOST + ":" + server.port() + path);
    }

    private static Deadline seconds(int seconds) {
        return Deadline.after(Duration.ofSeconds(seconds));
    }

    @Test
    void get_sendsAMinimalRequestWithHostAndUserAgentAndReadsTheBody() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) ->
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nSet-Cookie: a=b\r\n\r\nhello"))) {
            WebResponse r = get(uri(server, "/mail/config-v1.1.xml?emailaddress=a%40b.example"), seconds(5));

            assertThat(r.kind()).isEqualTo(Kind.ANSWERED);
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(server.requests()).singleElement().satisfies(head -> assertThat(head)
                    .startsWith("GET /mail/config-v1.1.xml?emailaddress=a%40b.example HTTP/1.1\r\n")
                    .contains("Host: " + HOST + ":" + server.port() + "\r\n", "User-Agent: mailcert\r\n")
                    .doesNotContainIgnoringCase("cookie"));
        }
    }

    @Test
    void post_sendsTheBodyWithItsTypeAndLength() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = post(uri(server, "/autodiscover/autodiscover.xml"), "<x/>".getBytes(StandardCharsets.UTF_8),
                    "text/xml; charset=utf-8", seconds(5));

            assertThat(r.status()).isEqualTo(200);
            assertThat(server.requests().get(0)).startsWith("POST /autodiscover/autodiscover.xml HTTP/1.1\r\n")
                    .contains("Content-Type: text/xml; charset=utf-8\r\n", "Content-Length: 4\r\n");
        }
    }

    @Test
    void chunkedBody_isDecoded() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> write(out,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("abcdefg");
        }
    }

    @Test
    void redirectOnTheSameHost_isFollowed() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> write(out, head.startsWith("GET /old")
                ? "HTTP/1.1 301 Moved\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            WebResponse r = get(uri(server, "/old"), seconds(5));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.finalUri()).isEqualTo(uri(server, "/new").toString());
        }
    }

    @Test
    void redirectToAnotherHost_isRefused() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> write(out,
                "HTTP/1.1 302 Found\r\nLocation: https://elsewhere.example/config.xml\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).startsWith("redirects to another host: https://elsewhere.example/config.xml");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void redirectToPlainHttp_isRefused() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> write(out,
                "HTTP/1.1 302 Found\r\nLocation: http://" + HOST + "/x\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).startsWith("redirects to a URL without https");
        }
    }

    @Test
    void endlessRedirects_stopAfterThree() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> write(out,
                "HTTP/1.1 307 Again\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).isEqualTo("more than 3 redirects");
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void oversizeBody_isRefusedWithoutReadingIt() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> {
            write(out, "HTTP/1.1 200 OK\r\n\r\n"); // framed by the end of the connection
            byte[] kib = new byte[1024];
            for (int i = 0; i < 300; i++) {
                out.write(kib);
            }
        })) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).startsWith("too large");
        }
    }

    @Test
    void oversizeDeclaredLength_isRefusedAtOnce() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).startsWith("too large");
        }
    }

    @Test
    void serverThatNeverAnswers_endsAtTheDeadline() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> Thread.sleep(8_000))) {
            long start = System.nanoTime();
            WebResponse r = get(uri(server, "/"), Deadline.after(Duration.ofMillis(800)));
            assertThat(r.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void slowDrip_endsAtTheDeadlineEvenThoughEveryReadGetsAByte() throws Exception {
        try (var server = new ScriptedHttpsServer(valid, (head, out) -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 100; i++) {
                write(out, "X-Drip: " + i + "\r\n");
                out.flush();
                Thread.sleep(100);
            }
        })) {
            long start = System.nanoTime();
            WebResponse r = get(uri(server, "/"), Deadline.after(Duration.ofMillis(800)));
            assertThat(r.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void certificateForAnotherName_isRefusedBeforeTheRequestIsSent() throws Exception {
        try (var server = new ScriptedHttpsServer(otherName, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/mail/config-v1.1.xml?emailaddress=alice%40customer.example"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).contains("hostname-mismatch", HOST);
            assertThat(server.requests()).allSatisfy(head -> assertThat(head).doesNotContain("alice"));
        }
    }

    @Test
    void certificateFromAnUntrustedAuthority_isRefused() throws Exception {
        IssuedCertificate stranger = LabPki.create().issue(CertificateSpec.forNames(HOST));
        try (var server = new ScriptedHttpsServer(stranger, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            // the stranger's intermediate chains to a root nobody here trusts, and that root is not sent
            assertThat(r.detail()).contains("certificate refused", "incomplete-chain");
        }
    }

    @Test
    void unknownHost_isNoSuchHost() {
        WebResponse r = get(URI.create("https://nope.customer.example/"), seconds(2));
        assertThat(r.kind()).isEqualTo(Kind.NO_SUCH_HOST);
        assertThat(r.detail()).contains("does not exist");
    }

    @Test
    void closedPort_isRefused() throws Exception {
        int port = 9; // low and unused: a freed ephemeral port could come back as this client's source port
        WebResponse r = get(URI.create("https://" + HOST + ":" + port + "/"), seconds(2));
        assertThat(r.kind()).isEqualTo(Kind.REFUSED);
    }
}
