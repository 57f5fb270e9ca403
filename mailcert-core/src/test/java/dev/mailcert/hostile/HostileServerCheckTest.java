package dev.mailcert.hostile;

import static dev.mailcert.hostile.HostileCheck.DEADLINE;
import static dev.mailcert.hostile.HostileCheck.SERVER;
import static dev.mailcert.hostile.HostileCheck.address;
import static dev.mailcert.hostile.HostileCheck.serverAt;
import static dev.mailcert.probe.ScriptedServer.drip;
import static dev.mailcert.probe.ScriptedServer.flood;
import static dev.mailcert.probe.ScriptedServer.holdOpen;
import static dev.mailcert.probe.ScriptedServer.pause;
import static dev.mailcert.probe.ScriptedServer.readLine;
import static dev.mailcert.probe.ScriptedServer.reset;
import static dev.mailcert.probe.ScriptedServer.send;
import static dev.mailcert.probe.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.advise.Verdict;
import dev.mailcert.hostile.HostileCheck.Run;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.ScriptedServer.Step;
import dev.mailcert.probe.Security;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole checks against mail servers that misbehave on purpose. Each case ends on time with the
 * outcome that says what the server did, and never with a verdict the server talked mailcert into.
 */
class HostileServerCheckTest {
    private static final Duration SCRIPT_END = Duration.ofSeconds(3);
    private static SSLContext valid;

    @BeforeAll
    static void certificates() {
        valid = HostilePki.shared().leaf(SERVER, List.of(SERVER)).serverContext();
    }

    @Test
    void noGreeting_everyStartTlsPortTimesOutAtTheDeadline() throws Exception {
        InetAddress address = address("127.0.50.1");
        try (MailPorts ports = MailPorts.on(address).serveStartTls(holdOpen()).start()) {
            Run run = HostileCheck.run("no greeting (STARTTLS ports silent)", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.STARTTLS)).isEqualTo(Outcome.TIMEOUT);
                assertThat(run.outcome(p, Security.TLS)).isEqualTo(Outcome.REFUSED);
            }
            assertThat(run.took()).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100));
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNREACHABLE);
            assertHungUp(ports);
        }
    }

    @Test
    void oneByteASecond_endsAtTheDeadlineNotAtTheEndOfTheGreeting() throws Exception {
        InetAddress address = address("127.0.50.2");
        Duration second = Duration.ofSeconds(1);
        try (MailPorts ports = MailPorts.on(address)
                .serve(Protocol.IMAP, Security.STARTTLS, drip("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n", second))
                .serve(Protocol.POP3, Security.STARTTLS, drip("+OK ready\r\n", second))
                .serve(Protocol.SMTP, Security.STARTTLS, drip("220 mx.hostile.test ESMTP\r\n", second))
                .start()) {
            Run run = HostileCheck.run("one byte a second", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.STARTTLS)).isEqualTo(Outcome.TIMEOUT);
                assertThat(run.at(p, Security.STARTTLS).probe().detail()).contains("deadline passed");
            }
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNREACHABLE);
            assertHungUp(ports);
        }
    }

    @Test
    void endlessLine_isProtocolErrorLongBeforeTheDeadline() throws Exception {
        InetAddress address = address("127.0.50.3");
        try (MailPorts ports = MailPorts.on(address)
                .serveStartTls(flood("A".repeat(8192), 100_000))
                .start()) {
            Run run = HostileCheck.run("endless line", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.STARTTLS)).isEqualTo(Outcome.PROTOCOL_ERROR);
                assertThat(run.at(p, Security.STARTTLS).probe().detail()).contains("longer than 4096 bytes");
            }
            assertThat(run.took()).isLessThan(DEADLINE);
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
            assertThat(run.advice().recommendations()).isEmpty();
        }
    }

    @Test
    void aMillionResponseLines_isProtocolErrorAfterTheLineLimit() throws Exception {
        InetAddress address = address("127.0.50.4");
        try (MailPorts ports = MailPorts.on(address)
                .serve(
                        Protocol.IMAP,
                        Security.STARTTLS,
                        send("* OK ready\r\n"),
                        readLine(),
                        flood("* CAPABILITY IMAP4rev1\r\n", 1_000_000))
                .serve(
                        Protocol.POP3,
                        Security.STARTTLS,
                        send("+OK ready\r\n"),
                        readLine(),
                        send("+OK\r\n"),
                        flood("X-CAPABILITY\r\n", 1_000_000))
                .serve(Protocol.SMTP, Security.STARTTLS, flood("220-hello\r\n", 1_000_000))
                .start()) {
            Run run = HostileCheck.run("a million response lines", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.STARTTLS)).isEqualTo(Outcome.PROTOCOL_ERROR);
                assertThat(run.at(p, Security.STARTTLS).probe().detail()).contains("more than 100 lines");
            }
            assertThat(run.took()).isLessThan(DEADLINE);
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
        }
    }

    @Test
    void plaintextInjectedWithTheGoAhead_isDiscardedAndNeverReadAsTls() throws Exception {
        InetAddress address = address("127.0.50.5");
        String imapInjected = "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na3 OK fake logout\r\n";
        String smtpInjected = "250-injected\r\n250 AUTH PLAIN\r\n";
        try (MailPorts ports = MailPorts.on(address)
                .serve(
                        Protocol.IMAP,
                        Security.STARTTLS,
                        send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n"),
                        readLine(),
                        send("a2 OK begin TLS\r\n" + imapInjected),
                        startTls(valid),
                        readLine(),
                        readLine())
                .serve(
                        Protocol.SMTP,
                        Security.STARTTLS,
                        send("220 ready\r\n"),
                        readLine(),
                        send("250-mx\r\n250 STARTTLS\r\n"),
                        readLine(),
                        send("220 go ahead\r\n" + smtpInjected),
                        startTls(valid),
                        readLine(),
                        readLine())
                .start()) {
            Run run = HostileCheck.run("plaintext injected after the STARTTLS go-ahead", serverAt(address));

            assertThat(run.outcome(Protocol.IMAP, Security.STARTTLS)).isEqualTo(Outcome.HANDSHAKE);
            assertThat(run.at(Protocol.IMAP, Security.STARTTLS).probe().detail())
                    .contains("discarded " + imapInjected.length() + " bytes sent after the STARTTLS go-ahead");
            assertThat(run.outcome(Protocol.SMTP, Security.STARTTLS)).isEqualTo(Outcome.HANDSHAKE);
            assertThat(run.at(Protocol.SMTP, Security.STARTTLS).probe().detail())
                    .contains("discarded " + smtpInjected.length() + " bytes");
            assertThat(run.at(Protocol.IMAP, Security.STARTTLS).valid()).isTrue();
            assertThat(run.advice().verdict()).isEqualTo(Verdict.OK);
            ports.awaitEnd(SCRIPT_END);
            assertThat(ports.at(Protocol.IMAP, Security.STARTTLS).received())
                    .containsExactly("a2 STARTTLS", "a3 LOGOUT");
            assertThat(ports.at(Protocol.SMTP, Security.STARTTLS).received())
                    .containsExactly("EHLO mailcert.invalid", "STARTTLS", "QUIT");
        }
    }

    @Test
    void startTlsNotAdvertised_isUnavailableOnEveryProtocol_andNothingMoreIsSent() throws Exception {
        InetAddress address = address("127.0.50.6");
        try (MailPorts ports = MailPorts.on(address)
                .serve(
                        Protocol.IMAP,
                        Security.STARTTLS,
                        send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"),
                        readLine())
                .serve(
                        Protocol.POP3,
                        Security.STARTTLS,
                        send("+OK ready\r\n"),
                        readLine(),
                        send("+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n"),
                        readLine())
                .serve(
                        Protocol.SMTP,
                        Security.STARTTLS,
                        send("220 ready\r\n"),
                        readLine(),
                        send("250-mx\r\n250 AUTH PLAIN LOGIN\r\n"),
                        readLine())
                .start()) {
            Run run = HostileCheck.run("STARTTLS not advertised", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.STARTTLS)).isEqualTo(Outcome.STARTTLS_UNAVAILABLE);
            }
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
            assertThat(run.advice().why()).anyMatch(line -> line.contains("none of its mail ports offers TLS"));
            ports.awaitEnd(SCRIPT_END);
            assertThat(ports.at(Protocol.IMAP, Security.STARTTLS).received()).isEmpty();
            assertThat(ports.at(Protocol.POP3, Security.STARTTLS).received()).containsExactly("CAPA");
            assertThat(ports.at(Protocol.SMTP, Security.STARTTLS).received()).containsExactly("EHLO mailcert.invalid");
        }
    }

    record Refusal(
            String name, String address, Protocol protocol, List<String> replies, List<String> commands, String reply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Refusal> refusals() {
        return List.of(
                new Refusal(
                        "STARTTLS answered NO",
                        "127.0.50.20",
                        Protocol.IMAP,
                        List.of("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n", "a2 NO TLS is broken\r\n"),
                        List.of("a2 STARTTLS"),
                        "a2 NO TLS is broken"),
                new Refusal(
                        "STARTTLS answered BAD",
                        "127.0.50.21",
                        Protocol.IMAP,
                        List.of("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n", "a2 BAD what\r\n"),
                        List.of("a2 STARTTLS"),
                        "a2 BAD what"),
                new Refusal(
                        "STLS answered -ERR",
                        "127.0.50.22",
                        Protocol.POP3,
                        List.of("+OK ready\r\n", "+OK\r\nSTLS\r\n.\r\n", "-ERR not now\r\n"),
                        List.of("CAPA", "STLS"),
                        "-ERR not now"),
                new Refusal(
                        "STARTTLS answered 454",
                        "127.0.50.23",
                        Protocol.SMTP,
                        List.of("220 ready\r\n", "250-mx\r\n250 STARTTLS\r\n", "454 4.7.0 TLS not available\r\n"),
                        List.of("EHLO mailcert.invalid", "STARTTLS"),
                        "454 4.7.0 TLS not available"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void startTlsRefused_isUnavailable_andNoCommandFollows(Refusal refusal) throws Exception {
        InetAddress address = address(refusal.address());
        // each reply is followed by reading the client's next line: after the last one, that read
        // records any command mailcert should not have sent, or ends when it hangs up
        List<Step> script = new ArrayList<>();
        refusal.replies().forEach(reply -> {
            script.add(send(reply));
            script.add(readLine());
        });
        try (MailPorts ports = MailPorts.on(address)
                .serve(refusal.protocol(), Security.STARTTLS, script.toArray(Step[]::new))
                .start()) {
            Run run = HostileCheck.run(refusal.name(), serverAt(address));

            assertThat(run.outcome(refusal.protocol(), Security.STARTTLS)).isEqualTo(Outcome.STARTTLS_UNAVAILABLE);
            assertThat(run.at(refusal.protocol(), Security.STARTTLS).probe().detail())
                    .contains(refusal.reply());
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
            ports.awaitEnd(SCRIPT_END);
            assertThat(ports.at(refusal.protocol(), Security.STARTTLS).received())
                    .isEqualTo(refusal.commands());
            assertThat(ports.at(refusal.protocol(), Security.STARTTLS).sniReceived())
                    .isNull();
        }
    }

    @Test
    void imapPreauth_isUnavailable_andNothingIsSent() throws Exception {
        InetAddress address = address("127.0.50.7");
        try (MailPorts ports = MailPorts.on(address)
                .serve(Protocol.IMAP, Security.STARTTLS, send("* PREAUTH IMAP4rev1 logged in as alice\r\n"), readLine())
                .start()) {
            Run run = HostileCheck.run("IMAP PREAUTH", serverAt(address));

            assertThat(run.outcome(Protocol.IMAP, Security.STARTTLS)).isEqualTo(Outcome.STARTTLS_UNAVAILABLE);
            assertThat(run.at(Protocol.IMAP, Security.STARTTLS).probe().detail())
                    .contains("PREAUTH");
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
            ports.awaitEnd(SCRIPT_END);
            assertThat(ports.at(Protocol.IMAP, Security.STARTTLS).received()).isEmpty();
        }
    }

    @Test
    void capabilitiesThatChangeAfterTls_areNeverUsed_andTheDialogueStopsAfterTheHandshake() throws Exception {
        InetAddress address = address("127.0.50.8");
        try (MailPorts ports = MailPorts.on(address)
                .serve(
                        Protocol.IMAP,
                        Security.STARTTLS,
                        send("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n"),
                        readLine(),
                        send("a2 OK begin TLS\r\n"),
                        startTls(valid),
                        send("* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=LOGIN SASL-IR\r\n"),
                        readLine(),
                        readLine())
                .serve(
                        Protocol.SMTP,
                        Security.STARTTLS,
                        send("220 ready\r\n"),
                        readLine(),
                        send("250-mx\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n"),
                        readLine(),
                        send("220 go ahead\r\n"),
                        startTls(valid),
                        readLine(),
                        readLine())
                .start()) {
            Run run = HostileCheck.run("capabilities that change after TLS", serverAt(address));

            assertThat(run.outcome(Protocol.IMAP, Security.STARTTLS)).isEqualTo(Outcome.HANDSHAKE);
            assertThat(run.outcome(Protocol.SMTP, Security.STARTTLS)).isEqualTo(Outcome.HANDSHAKE);
            assertThat(run.advice().verdict()).isEqualTo(Verdict.OK);
            ports.awaitEnd(SCRIPT_END);
            // no CAPABILITY or EHLO again, no AUTH or LOGIN: only the farewell after the handshake
            assertThat(ports.at(Protocol.IMAP, Security.STARTTLS).received())
                    .containsExactly("a2 STARTTLS", "a3 LOGOUT");
            assertThat(ports.at(Protocol.SMTP, Security.STARTTLS).received())
                    .containsExactly("EHLO mailcert.invalid", "STARTTLS", "QUIT");
            assertThat(ports.at(Protocol.IMAP, Security.STARTTLS).sniReceived()).containsExactly(SERVER);
        }
    }

    @Test
    void garbageInsteadOfAServerHello_isTlsFailed() throws Exception {
        InetAddress address = address("127.0.50.9");
        try (MailPorts ports = MailPorts.on(address)
                .serve(Protocol.IMAP, Security.TLS, send("* OK IMAP4rev1 ready, no TLS here\r\n"), holdOpen())
                .serve(Protocol.POP3, Security.TLS, send("HTTP/1.1 400 Bad Request\r\n\r\n"), holdOpen())
                .serve(Protocol.SMTP, Security.TLS, send("\u0000\u00ff".repeat(512)), holdOpen())
                .start()) {
            Run run = HostileCheck.run("garbage instead of a ServerHello", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.TLS)).isEqualTo(Outcome.TLS_FAILED);
            }
            assertThat(run.took()).isLessThan(DEADLINE);
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
        }
    }

    @Test
    void tlsAlert_isTlsFailedWithTheAlert() throws Exception {
        InetAddress address = address("127.0.50.10");
        // a TLS 1.2 record: content type 21 (alert), length 2, fatal (2) handshake_failure (40)
        String alert = "\u0015\u0003\u0003\u0000\u0002\u0002\u0028";
        try (MailPorts ports = MailPorts.on(address)
                .serveImplicitTls(pause(Duration.ofMillis(50)), send(alert), holdOpen())
                .start()) {
            Run run = HostileCheck.run("a TLS alert", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.TLS)).isEqualTo(Outcome.TLS_FAILED);
                assertThat(run.at(p, Security.TLS).probe().detail()).contains("handshake_failure");
            }
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
        }
    }

    @Test
    void resetMidHandshake_isTlsFailed() throws Exception {
        InetAddress address = address("127.0.50.11");
        // the ClientHello has arrived unread when the server resets
        try (MailPorts ports = MailPorts.on(address)
                .serveImplicitTls(pause(Duration.ofMillis(100)), reset())
                .start()) {
            Run run = HostileCheck.run("reset mid-handshake", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.TLS)).isEqualTo(Outcome.TLS_FAILED);
            }
            assertThat(run.took()).isLessThan(DEADLINE);
        }
    }

    @Test
    void acceptsButNeverSpeaksTls_timesOutAtTheDeadline() throws Exception {
        InetAddress address = address("127.0.50.12");
        try (MailPorts ports =
                MailPorts.on(address).serveImplicitTls(holdOpen()).start()) {
            Run run = HostileCheck.run("accepts and never speaks TLS", serverAt(address));

            for (Protocol p : Protocol.values()) {
                assertThat(run.outcome(p, Security.TLS)).isEqualTo(Outcome.TIMEOUT);
                assertThat(run.at(p, Security.TLS).probe().detail()).contains("TLS handshake");
            }
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNREACHABLE);
            assertHungUp(ports);
        }
    }

    /** Every connection was closed by mailcert: no script still waits for its client. */
    private static void assertHungUp(MailPorts ports) throws InterruptedException {
        ports.awaitEnd(SCRIPT_END);
        assertThat(ports.stillRunning())
                .as("scripts whose client never hung up")
                .isZero();
    }
}
