package dev.mailcert.discover;

import static dev.mailcert.discover.ScriptedHttpsServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.Deadline;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.discover.WebResponse.Kind;
import dev.mailcert.lab.pki.CertificateSpec;
import dev.mailcert.lab.pki.IssuedCertificate;
import dev.mailcert.lab.pki.LabPki;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTPS client against scripted servers on 127.0.0.1 that behave well, badly or not at all. */
class HttpsWebClientTest {
    private static final String HOST = "autoconfig.customer.example";
    private static final byte[] BODY = "<x/>".getBytes(StandardCharsets.UTF_8);
    private static final String TYPE = "text/xml; charset=utf-8";
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
        return new HttpsWebClient(
                new LoopbackDns(List.of(HOST, "elsewhere.example")), TrustAnchors.of(List.of(pki.root()), "lab root"));
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
        try (var server = new ScriptedHttpsServer(
                valid,
                (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nSet-Cookie: a=b\r\n\r\nhello"))) {
            WebResponse r = get(uri(server, "/mail/config-v1.1.xml?emailaddress=a%40b.example"), seconds(5));

            assertThat(r.kind()).isEqualTo(Kind.ANSWERED);
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(server.requests())
                    .singleElement()
                    .satisfies(head -> assertThat(head)
                            .startsWith("GET /mail/config-v1.1.xml?emailaddress=a%40b.example HTTP/1.1\r\n")
                            .contains("Host: " + HOST + ":" + server.port() + "\r\n", "User-Agent: mailcert\r\n")
                            .doesNotContainIgnoringCase("cookie"));
        }
    }

    @Test
    void post_sendsTheBodyWithItsTypeAndLength() throws Exception {
        try (var server = new ScriptedHttpsServer(
                valid, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = post(
                    uri(server, "/autodiscover/autodiscover.xml"),
                    "<x/>".getBytes(StandardCharsets.UTF_8),
                    "text/xml; charset=utf-8",
                    seconds(5));

            assertThat(r.status()).isEqualTo(200);
            assertThat(server.requests().get(0))
                    .startsWith("POST /autodiscover/autodiscover.xml HTTP/1.1\r\n")
                    .contains("Content-Type: text/xml; charset=utf-8\r\n", "Content-Length: 4\r\n");
        }
    }

    @Test
    void chunkedBody_isDecoded() throws Exception {
        try (var server = new ScriptedHttpsServer(
                valid,
                (head, out) -> write(
                        out,
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("abcdefg");
        }
    }

    @Test
    void redirectOnTheSameHost_isFollowed() throws Exception {
        try (var server = new ScriptedHttpsServer(
                valid,
                (head, out) -> write(
                        out,
                        head.startsWith("GET /old")
                                ? "HTTP/1.1 301 Moved\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n"
                                : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            WebResponse r = get(uri(server, "/old"), seconds(5));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.finalUri()).isEqualTo(uri(server, "/new").toString());
        }
    }

    @Test
    void redirectToAnotherHost_isRefused() throws Exception {
        try (var server = new ScriptedHttpsServer(
                valid,
                (head, out) -> write(
                        out,
                        "HTTP/1.1 302 Found\r\nLocation: https://elsewhere.example/config.xml\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).startsWith("redirects to another host: https://elsewhere.example/config.xml");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void redirectToPlainHttp_isRefused() throws Exception {
        try (var server = new ScriptedHttpsServer(
                valid,
                (head, out) -> write(
                        out, "HTTP/1.1 302 Found\r\nLocation: http://" + HOST + "/x\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).startsWith("redirects to a URL without https");
        }
    }

    @Test
    void endlessRedirects_stopAfterThree() throws Exception {
        try (var server = new ScriptedHttpsServer(
                valid,
                (head, out) -> write(out, "HTTP/1.1 307 Again\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n"))) {
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
        try (var server = new ScriptedHttpsServer(
                valid, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n"))) {
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
        try (var server = new ScriptedHttpsServer(
                otherName, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            WebResponse r = get(uri(server, "/mail/config-v1.1.xml?emailaddress=alice%40customer.example"), seconds(5));
            assertThat(r.kind()).isEqualTo(Kind.FAILED);
            assertThat(r.detail()).contains("hostname-mismatch", HOST);
            assertThat(server.requests()).allSatisfy(head -> assertThat(head).doesNotContain("alice"));
        }
    }

    @Test
    void certificateFromAnUntrustedAuthority_isRefused() throws Exception {
        IssuedCertificate stranger = LabPki.create().issue(CertificateSpec.forNames(HOST));
        try (var server = new ScriptedHttpsServer(
                stranger, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
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

    /** RFC 9110 §15.4: which redirects are followed, and with which method. */
    @Nested
    class Redirects {

        @Test
        void see303AfterPost_isFollowedWithGetAndNoBody() throws Exception {
            try (var server = new ScriptedHttpsServer(
                    valid,
                    (head, out) -> write(
                            out,
                            head.startsWith("POST ")
                                    ? "HTTP/1.1 303 See Other\r\nLocation: /result\r\nContent-Length: 0\r\n\r\n"
                                    : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
                WebResponse r = post(uri(server, "/autodiscover/autodiscover.xml"), BODY, TYPE, seconds(5));

                assertThat(r.status()).isEqualTo(200);
                assertThat(server.requests()).hasSize(2);
                assertThat(server.requests().get(1))
                        .startsWith("GET /result HTTP/1.1\r\n")
                        .doesNotContain("Content-Length", "Content-Type", "<x/>");
            }
        }

        /** 307 and 308 by RFC 9110; 301 and 302 too, as Outlook resends an Autodiscover POST (MS-OXDSCLI §3.1.5.1). */
        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {301, 302, 307, 308})
        void redirectAfterPost_repeatsThePostWithItsBody(int status) throws Exception {
            try (var server = new ScriptedHttpsServer(
                    valid,
                    (head, out) -> write(
                            out,
                            head.startsWith("POST /old")
                                    ? "HTTP/1.1 " + status + " Moved\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n"
                                    : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
                WebResponse r = post(uri(server, "/old"), BODY, TYPE, seconds(5));

                assertThat(r.status()).isEqualTo(200);
                assertThat(server.requests().get(1))
                        .startsWith("POST /new HTTP/1.1\r\n")
                        .contains("Content-Type: " + TYPE + "\r\n", "Content-Length: 4\r\n")
                        .endsWith("\r\n\r\n<x/>");
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {301, 302, 303, 307, 308})
        void anyRedirectAfterGet_isFollowedWithGet(int status) throws Exception {
            try (var server = new ScriptedHttpsServer(
                    valid,
                    (head, out) -> write(
                            out,
                            head.startsWith("GET /old")
                                    ? "HTTP/1.1 " + status + " Moved\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n"
                                    : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
                WebResponse r = get(uri(server, "/old"), seconds(5));

                assertThat(r.status()).isEqualTo(200);
                assertThat(server.requests().get(1)).startsWith("GET /new HTTP/1.1\r\n");
            }
        }

        @Test
        void redirectToTheSameHostOnAnotherPort_isRefusedAndThatPortNeverAsked() throws Exception {
            try (var other = new ScriptedHttpsServer(
                            valid, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
                    var server = new ScriptedHttpsServer(
                            valid,
                            (head, out) -> write(
                                    out,
                                    "HTTP/1.1 302 Found\r\nLocation: https://" + HOST + ":" + other.port()
                                            + "/config.xml\r\nContent-Length: 0\r\n\r\n"))) {
                WebResponse r = get(uri(server, "/"), seconds(5));

                assertThat(r.kind()).isEqualTo(Kind.FAILED);
                assertThat(r.detail()).startsWith("redirects to another port: https://" + HOST + ":" + other.port());
                assertThat(other.requests()).isEmpty();
            }
        }
    }

    /** RFC 9112 §5 and §6: header fields and how the body is framed. */
    @Nested
    class Framing {

        @Test
        void foldedHeaderLines_areJoinedWithASpaceAndUnderstood() throws Exception {
            // the server keeps the connection open: only the unfolded Content-Length frames the body
            try (var server = new ScriptedHttpsServer(valid, (head, out) -> {
                write(out, "HTTP/1.1 200 OK\r\nX-Note: folded\r\n\tacross lines\r\nContent-Length:\r\n 5\r\n\r\nhello");
                out.flush();
                Thread.sleep(3_000);
            })) {
                long start = System.nanoTime();
                WebResponse r = get(uri(server, "/"), seconds(8));

                assertThat(r.kind()).isEqualTo(Kind.ANSWERED);
                assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
        }

        @Test
        void foldedLocation_isFollowed() throws Exception {
            try (var server = new ScriptedHttpsServer(
                    valid,
                    (head, out) -> write(
                            out,
                            head.startsWith("GET /old")
                                    ? "HTTP/1.1 301 Moved\r\nLocation:\r\n /new\r\nContent-Length: 0\r\n\r\n"
                                    : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
                WebResponse r = get(uri(server, "/old"), seconds(5));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.finalUri()).isEqualTo(uri(server, "/new").toString());
            }
        }

        @Test
        void differingContentLengths_areRefused() throws Exception {
            try (var server = new ScriptedHttpsServer(
                    valid,
                    (head, out) ->
                            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"))) {
                WebResponse r = get(uri(server, "/"), seconds(5));
                assertThat(r.kind()).isEqualTo(Kind.FAILED);
                assertThat(r.detail())
                        .isEqualTo("not a valid HTTP response: differing Content-Length values: 5, 6"
                                + " (the body's length is unknown)");
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Content-Length: 5\r\nContent-Length: 5", "Content-Length: 5, 5"})
        void identicalContentLengths_areOneLength(String fields) throws Exception {
            try (var server = new ScriptedHttpsServer(
                    valid, (head, out) -> write(out, "HTTP/1.1 200 OK\r\n" + fields + "\r\n\r\nhello"))) {
                WebResponse r = get(uri(server, "/"), seconds(5));
                assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"204 No Content", "304 Not Modified"})
        void noContentAndNotModified_endWithTheHeadersWithoutWaitingForTheClose(String status) throws Exception {
            // a Content-Length is ignored for these (RFC 9112 §6.3), and the connection stays open
            try (var server = new ScriptedHttpsServer(valid, (head, out) -> {
                write(out, "HTTP/1.1 " + status + "\r\nContent-Length: 5\r\n\r\n");
                out.flush();
                Thread.sleep(3_000);
            })) {
                long start = System.nanoTime();
                WebResponse r = get(uri(server, "/"), seconds(8));

                assertThat(r.kind()).isEqualTo(Kind.ANSWERED);
                assertThat(r.status()).isEqualTo(Integer.parseInt(status.substring(0, 3)));
                assertThat(r.body()).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
        }

        @Test
        void interimResponses_haveNoBodyAndTheFinalOneFollows() throws Exception {
            try (var server = new ScriptedHttpsServer(valid, (head, out) -> {
                write(
                        out,
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                out.flush();
                Thread.sleep(3_000);
            })) {
                long start = System.nanoTime();
                WebResponse r = get(uri(server, "/"), seconds(8));

                assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("ok");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
        }
    }

    /** A host's addresses are tried in turn, within the deadline (RFC 8305 §5). */
    @Nested
    class Addresses {

        private HttpsWebClient clientFor(InetAddress... addresses) {
            return new HttpsWebClient(
                    new LoopbackDns(Map.of(HOST, List.of(addresses))),
                    TrustAnchors.of(List.of(pki.root()), "lab root"));
        }

        @Test
        void firstAddressSilent_theNextIsTriedWithinTheDeadline() throws Exception {
            try (var server = new ScriptedHttpsServer(
                            valid, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
                    var silent = new BlackHole(InetAddress.getByName("127.0.0.2"), server.port())) {
                long start = System.nanoTime();
                WebResponse r = clientFor(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"))
                        .get(uri(server, "/"), Instant.now(), seconds(8));

                assertThat(r.kind()).isEqualTo(Kind.ANSWERED);
                assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("ok");
                // the silent address had its share of the time (at most 3 s), then the next one answered
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isBetween(Duration.ofMillis(1500), Duration.ofSeconds(6));
            }
        }

        @Test
        void firstAddressRefuses_theNextIsTried() throws Exception {
            try (var server = new ScriptedHttpsServer(
                    valid, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
                WebResponse r = clientFor(InetAddress.getByName("127.0.0.3"), InetAddress.getByName("127.0.0.1"))
                        .get(uri(server, "/"), Instant.now(), seconds(5));
                assertThat(r.kind()).isEqualTo(Kind.ANSWERED);
            }
        }

        @Test
        void everyAddressSilent_isATimeoutAtTheDeadline() throws Exception {
            try (var silent = new BlackHole(InetAddress.getByName("127.0.0.2"), 0)) {
                int port = silent.port();
                try (var alsoSilent = new BlackHole(InetAddress.getByName("127.0.0.4"), port)) {
                    long start = System.nanoTime();
                    WebResponse r = clientFor(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.4"))
                            .get(
                                    URI.create("https://" + HOST + ":" + port + "/"),
                                    Instant.now(),
                                    Deadline.after(Duration.ofMillis(1500)));

                    assertThat(r.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(r.detail()).contains("127.0.0.2", "127.0.0.4");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                }
            }
        }
    }

    @Test
    void certificate_isJudgedAtTheTimeAskedNotNow() throws Exception {
        IssuedCertificate later =
                pki.issue(CertificateSpec.forNames(HOST).notYetValid()); // valid from 30 to 120 days on
        try (var server = new ScriptedHttpsServer(
                later, (head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            WebResponse inTwoMonths =
                    client().get(uri(server, "/"), Instant.now().plus(Duration.ofDays(60)), seconds(5));
            WebResponse now = client().get(uri(server, "/"), Instant.now(), seconds(5));

            assertThat(inTwoMonths.kind()).isEqualTo(Kind.ANSWERED);
            assertThat(now.kind()).isEqualTo(Kind.FAILED);
            assertThat(now.detail()).contains("not-yet-valid");
        }
    }
}
