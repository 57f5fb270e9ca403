package dev.mailcert.probe;

import static dev.mailcert.probe.ScriptedServer.drip;
import static dev.mailcert.probe.ScriptedServer.flood;
import static dev.mailcert.probe.ScriptedServer.holdOpen;
import static dev.mailcert.probe.ScriptedServer.pause;
import static dev.mailcert.probe.ScriptedServer.readLine;
import static dev.mailcert.probe.ScriptedServer.reset;
import static dev.mailcert.probe.ScriptedServer.send;
import static dev.mailcert.probe.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.Deadline;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prober against scripted servers on loopback: well-behaved ones first, then hostile ones. */
class TlsProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String SNI = TestServerIdentity.SERVER_NAME;
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    /** Slack for a loaded machine: every probe must end by its deadline plus this. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private static TestServerIdentity identity;

    private final TlsProber prober = new TlsProber(ProbeLimits.defaults());

    @BeforeAll
    static void generateCertificates() throws Exception {
        identity = TestServerIdentity.generate();
    }

    @Test
    void implicitTls_completesHandshake_capturesChainAndSendsSni() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(startTls(identity), holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.TLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            Handshake handshake = result.handshake().orElseThrow();
            assertThat(handshake.chain()).containsExactly(identity.leaf(), identity.ca());
            assertThat(handshake.tlsVersion()).isEqualTo("TLSv1.3");
            assertThat(handshake.cipherSuite()).startsWith("TLS_");
            assertThat(result.detail()).isEqualTo("TLSv1.3 handshake completed");
            server.awaitEnd(DEADLINE);
            assertThat(server.sniReceived()).containsExactly(SNI);
            assertThat(server.received())
                    .as("nothing is sent over implicit TLS")
                    .isEmpty();
        }
    }

    @Test
    void implicitTls_serverWithOnlyTls12_completesWithTls12() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(startTls(identity, "TLSv1.2"), holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.TLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            assertThat(result.handshake().orElseThrow().tlsVersion()).isEqualTo("TLSv1.2");
            assertThat(result.handshake().orElseThrow().chain()).containsExactly(identity.leaf(), identity.ca());
            server.awaitEnd(DEADLINE);
            assertThat(server.sniReceived()).containsExactly(SNI);
        }
    }

    @Test
    void implicitTls_serverWithNoVersionInCommon_isTlsFailed() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(startTls(identity, "TLSv1.1"), holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.TLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.TLS_FAILED);
        }
    }

    @Test
    void implicitTls_withoutSni_sendsNoServerName() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(startTls(identity), holdOpen())) {
            ProbeResult result = probe(server, Protocol.SMTP, Security.TLS, null, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            server.awaitEnd(DEADLINE);
            assertThat(server.sniReceived()).isEmpty();
        }
    }

    @Test
    void implicitTls_addressAsSni_isNotSentAndSaysSo() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(startTls(identity), holdOpen())) {
            ProbeResult result = probe(server, Protocol.POP3, Security.TLS, "127.0.0.1", DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            assertThat(result.detail()).contains("no SNI sent");
            server.awaitEnd(DEADLINE);
            assertThat(server.sniReceived()).isEmpty();
        }
    }

    @Test
    void imapStartTls_asksCapabilities_upgrades_thenLogsOutOverTls() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
                send("* OK IMAP ready\r\n"),
                readLine(),
                send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK done\r\n"),
                readLine(),
                send("a2 OK begin TLS\r\n"),
                startTls(identity),
                readLine(),
                holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            assertThat(result.handshake().orElseThrow().leaf()).isEqualTo(identity.leaf());
            assertThat(result.detail()).doesNotContain("discarded");
            server.awaitEnd(DEADLINE);
            assertThat(server.received()).containsExactly("a1 CAPABILITY", "a2 STARTTLS", "a3 LOGOUT");
            assertThat(server.sniReceived()).containsExactly(SNI);
        }
    }

    @Test
    void pop3StartTls_checksCapa_upgrades_thenQuitsOverTls() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
                send("+OK POP3 ready\r\n"),
                readLine(),
                send("+OK\r\nUSER\r\nSTLS\r\n.\r\n"),
                readLine(),
                send("+OK begin TLS\r\n"),
                startTls(identity),
                readLine(),
                holdOpen())) {
            ProbeResult result = probe(server, Protocol.POP3, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            server.awaitEnd(DEADLINE);
            assertThat(server.received()).containsExactly("CAPA", "STLS", "QUIT");
        }
    }

    @Test
    void smtpStartTls_multiLineGreetingAndEhlo_upgrades_thenQuitsOverTls() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
                send("220-mx.probe.test ESMTP\r\n220-no UCE\r\n220 ready\r\n"),
                readLine(),
                send("250-mx.probe.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250 8BITMIME\r\n"),
                readLine(),
                send("220 2.0.0 Ready to start TLS\r\n"),
                startTls(identity),
                readLine(),
                holdOpen())) {
            ProbeResult result = probe(server, Protocol.SMTP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            server.awaitEnd(DEADLINE);
            assertThat(server.received()).containsExactly("EHLO mailcert.invalid", "STARTTLS", "QUIT");
        }
    }

    @Test
    void imapInjectionAfterGoAhead_isDiscarded_andNeverReadAsTlsOrReply() throws Exception {
        String injected = "* BYE fake\r\na3 OK fake logout\r\n";
        try (ScriptedServer server = ScriptedServer.start(
                send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n"),
                readLine(),
                send("a2 OK begin TLS\r\n" + injected),
                startTls(identity),
                readLine(),
                holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            assertThat(result.detail())
                    .contains("discarded " + injected.length() + " bytes sent after the STARTTLS go-ahead");
            server.awaitEnd(DEADLINE);
            assertThat(server.received()).containsExactly("a2 STARTTLS", "a3 LOGOUT");
        }
    }

    @Test
    void smtpInjectionAfterGoAhead_isDiscarded() throws Exception {
        String injected = "250-injected\r\n250 AUTH PLAIN\r\n";
        try (ScriptedServer server = ScriptedServer.start(
                send("220 ready\r\n"),
                readLine(),
                send("250-mx\r\n250 STARTTLS\r\n"),
                readLine(),
                send("220 go ahead\r\n" + injected),
                startTls(identity),
                readLine(),
                holdOpen())) {
            ProbeResult result = probe(server, Protocol.SMTP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.HANDSHAKE);
            assertThat(result.detail()).contains("discarded " + injected.length() + " bytes");
        }
    }

    @Test
    void plaintextArrivingLaterThanTheGoAhead_failsAsTls_notAsAReply() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
                send("+OK ready\r\n"),
                readLine(),
                send("+OK\r\nSTLS\r\n.\r\n"),
                readLine(),
                send("+OK begin TLS\r\n"),
                pause(Duration.ofMillis(200)),
                send("-ERR injected late\r\n"),
                holdOpen())) {
            ProbeResult result = probe(server, Protocol.POP3, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.TLS_FAILED);
        }
    }

    @Test
    void imapWithoutStartTls_isUnavailable_andSendsNothingMore() throws Exception {
        assertUnavailable(
                Protocol.IMAP,
                List.of("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"),
                List.of(),
                "does not advertise STARTTLS");
    }

    @Test
    void pop3WithoutStls_isUnavailable_andSendsNothingMore() throws Exception {
        assertUnavailable(
                Protocol.POP3,
                List.of("+OK ready\r\n", "+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n"),
                List.of("CAPA"),
                "does not advertise STLS");
    }

    @Test
    void smtpWithoutStartTls_isUnavailable_andSendsNothingMore() throws Exception {
        assertUnavailable(
                Protocol.SMTP,
                List.of("220 ready\r\n", "250-mx\r\n250 AUTH PLAIN LOGIN\r\n"),
                List.of("EHLO mailcert.invalid"),
                "does not advertise STARTTLS");
    }

    @Test
    void imapStartTlsAnsweredNo_isUnavailable() throws Exception {
        assertUnavailable(
                Protocol.IMAP,
                List.of("* OK [CAPABILITY STARTTLS] ready\r\n", "a2 NO TLS is broken\r\n"),
                List.of("a2 STARTTLS"),
                "a2 NO TLS is broken");
    }

    @Test
    void imapStartTlsAnsweredBad_isUnavailable() throws Exception {
        assertUnavailable(
                Protocol.IMAP,
                List.of("* OK [CAPABILITY STARTTLS] ready\r\n", "a2 BAD what\r\n"),
                List.of("a2 STARTTLS"),
                "a2 BAD what");
    }

    @Test
    void pop3StlsAnsweredErr_isUnavailable() throws Exception {
        assertUnavailable(
                Protocol.POP3,
                List.of("+OK ready\r\n", "+OK\r\nSTLS\r\n.\r\n", "-ERR not now\r\n"),
                List.of("CAPA", "STLS"),
                "-ERR not now");
    }

    @Test
    void smtpStartTlsAnswered454_isUnavailable() throws Exception {
        assertUnavailable(
                Protocol.SMTP,
                List.of("220 ready\r\n", "250-mx\r\n250 STARTTLS\r\n", "454 4.7.0 TLS not available\r\n"),
                List.of("EHLO mailcert.invalid", "STARTTLS"),
                "454 4.7.0 TLS not available");
    }

    @Test
    void imapPreauth_isUnavailable_andSendsNothing() throws Exception {
        assertUnavailable(Protocol.IMAP, List.of("* PREAUTH you are in\r\n"), List.of(), "PREAUTH");
    }

    @Test
    void noGreeting_endsAsTimeoutAtTheDeadline() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.STARTTLS, SNI, Duration.ofMillis(1500));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.TIMEOUT);
            assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        }
    }

    @Test
    void noGreeting_endsAtTheStepTimeoutWhenThatComesFirst() throws Exception {
        ProbeLimits limits = new ProbeLimits(Duration.ofSeconds(1), Duration.ofMillis(300), 4096, 100, 65536);
        try (ScriptedServer server = ScriptedServer.start(holdOpen())) {
            Deadline deadline = Deadline.after(DEADLINE);
            ProbeResult result = new TlsProber(limits)
                    .probe(LOOPBACK, endpoint(server, Protocol.SMTP, Security.STARTTLS), SNI, deadline);

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(result.detail()).contains("no answer in time");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void greetingDrippedSlowly_stillEndsAtTheDeadline() throws Exception {
        ProbeLimits limits = new ProbeLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 4096, 100, 65536);
        try (ScriptedServer server = ScriptedServer.start(drip("* OK " + "x".repeat(1000), Duration.ofMillis(100)))) {
            long started = System.nanoTime();
            ProbeResult result = new TlsProber(limits)
                    .probe(
                            LOOPBACK,
                            endpoint(server, Protocol.IMAP, Security.STARTTLS),
                            SNI,
                            Deadline.after(Duration.ofMillis(1500)));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofMillis(1500).plus(MARGIN));
        }
    }

    @Test
    void endlessLine_isProtocolErrorQuickly() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(flood("A".repeat(8192), 100_000))) {
            ProbeResult result = probe(server, Protocol.SMTP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(result.detail()).contains("longer than 4096 bytes");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aMillionGreetingLines_isProtocolErrorAfterTheLineLimit() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(flood("220-hello\r\n", 1_000_000))) {
            ProbeResult result = probe(server, Protocol.SMTP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(result.detail()).contains("more than 100 lines");
        }
    }

    @Test
    void tooManyBytesBeforeTls_isProtocolError() throws Exception {
        // 60 lines of 2 KiB: within the line and line-count limits, over the 64 KiB byte limit
        // held open afterwards: closing with the client's command unread would reset the connection
        // and could discard the flood before the client counts it
        try (ScriptedServer server = ScriptedServer.start(flood("* OK " + "y".repeat(2048) + "\r\n", 60), holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(result.detail()).contains("more than 65536 bytes");
        }
    }

    @Test
    void plaintextInsteadOfServerHello_isTlsFailed() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(send("* OK IMAP4rev1 ready, no TLS here\r\n"), holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.TLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.TLS_FAILED);
        }
    }

    @Test
    void serverThatNeverSpeaksTls_endsAsTimeoutAtTheDeadline() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(holdOpen())) {
            ProbeResult result = probe(server, Protocol.SMTP, Security.TLS, SNI, Duration.ofMillis(1500));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.TIMEOUT);
            assertThat(result.detail()).contains("TLS handshake");
        }
    }

    @Test
    void resetMidHandshake_isTlsFailed() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(pause(Duration.ofMillis(100)), reset())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.TLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.TLS_FAILED);
        }
    }

    @Test
    void resetBeforeGreeting_isRefused() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(reset())) {
            ProbeResult result = probe(server, Protocol.POP3, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.REFUSED);
        }
    }

    @Test
    void rejectingGreeting_isProtocolErrorWithTheServersWords() throws Exception {
        try (ScriptedServer server =
                ScriptedServer.start(send("* BYE too many connections from your address\r\n"), holdOpen())) {
            ProbeResult result = probe(server, Protocol.IMAP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(result.detail()).contains("too many connections");
        }
    }

    @Test
    void serverTextInDetail_isMadePrintable() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(send("554 \u001b[31mred\u001b[0m\r\n"), holdOpen())) {
            ProbeResult result = probe(server, Protocol.SMTP, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(result.detail()).doesNotContain("\u001b").contains("\\u001b[31mred");
        }
    }

    @Test
    void closedPort_isRefused() throws Exception {
        // a low port on a loopback address nothing binds: an ephemeral port just freed could be handed to
        // the probe's own socket as its source port, and a TCP self-connection is not a refusal
        java.net.InetAddress nobody = java.net.InetAddress.getByName("127.0.98.1");
        long started = System.nanoTime();
        ProbeResult result =
                prober.probe(nobody, new Endpoint(Protocol.IMAP, 9, Security.TLS), SNI, Deadline.after(DEADLINE));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.REFUSED);
        assertThat(result.detail()).isEqualTo("connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(MARGIN);
    }

    @Test
    void expiredDeadline_isTimeoutWithoutConnecting() {
        ProbeResult result = prober.probe(
                LOOPBACK, new Endpoint(Protocol.IMAP, 1, Security.TLS), SNI, Deadline.after(Duration.ZERO));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(result.detail()).isEqualTo("deadline passed before connecting");
    }

    private void assertUnavailable(
            Protocol protocol, List<String> replies, List<String> expectedCommands, String expectedDetail)
            throws Exception {
        // each reply is followed by reading the client's next line; after the last one, that read
        // records any command the client should not have sent, or ends when it hangs up
        ScriptedServer.Step[] script = new ScriptedServer.Step[replies.size() * 2];
        for (int i = 0; i < replies.size(); i++) {
            script[2 * i] = send(replies.get(i));
            script[2 * i + 1] = readLine();
        }
        try (ScriptedServer server = ScriptedServer.start(script)) {
            ProbeResult result = probe(server, protocol, Security.STARTTLS, SNI, DEADLINE);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.STARTTLS_UNAVAILABLE);
            assertThat(result.detail()).contains(expectedDetail);
            assertThat(result.handshake()).isEmpty();
            server.awaitEnd(DEADLINE);
            assertThat(server.received())
                    .as("no command after STARTTLS was found unavailable")
                    .isEqualTo(expectedCommands);
            assertThat(server.sniReceived()).isNull();
        }
    }

    private ProbeResult probe(
            ScriptedServer server, Protocol protocol, Security security, String sni, Duration deadline) {
        long started = System.nanoTime();
        ProbeResult result =
                prober.probe(LOOPBACK, endpoint(server, protocol, security), sni, Deadline.after(deadline));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("probe ends by its deadline").isLessThan(deadline.plus(MARGIN));
        assertThat(result.elapsed()).isLessThanOrEqualTo(took);
        return result;
    }

    private static Endpoint endpoint(ScriptedServer server, Protocol protocol, Security security) {
        return new Endpoint(protocol, server.port(), security);
    }
}
