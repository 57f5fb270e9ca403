package dev.mailcert.hostile;

import static dev.mailcert.hostile.HostileCheck.DEADLINE;
import static dev.mailcert.hostile.HostileCheck.SERVER;
import static dev.mailcert.hostile.HostileCheck.address;
import static dev.mailcert.hostile.HostileCheck.serverAt;
import static dev.mailcert.probe.ScriptedServer.holdOpen;
import static dev.mailcert.probe.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.advise.Verdict;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.hostile.HostileCheck.Run;
import dev.mailcert.lab.dns.DnsBehaviour;
import dev.mailcert.probe.Handshake;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.ProbeResult;
import dev.mailcert.probe.Prober;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole checks against servers that present absurd certificates: a chain of a hundred and a
 * certificate with ten thousand names. Over the network the JDK's own TLS limits refuse them; the
 * same certificates handed to the rest of the pipeline directly show that assessment, the search
 * for alternative names and the reports stay bounded too.
 */
class HostileCertificateCheckTest {
    private static HostilePki.Issued hundredChain;
    private static HostilePki.Issued tenThousandNames;

    @BeforeAll
    static void certificates() {
        hundredChain = HostilePki.shared().longChain(SERVER, 99);
        tenThousandNames = HostilePki.shared()
                .leaf(
                        "many names",
                        IntStream.rangeClosed(1, 10_000)
                                .mapToObj(i -> "n" + i + ".other.test")
                                .toList());
    }

    @Test
    void aHundredCertificateChain_overTheNetwork_endsOnTimeWithAnHonestOutcome() throws Exception {
        assertThat(hundredChain.chain()).hasSize(100);
        InetAddress address = address("127.0.50.30");
        try (MailPorts ports = MailPorts.on(address)
                .serve(Protocol.IMAP, Security.TLS, startTls(hundredChain.serverContext()), holdOpen())
                .start()) {
            Run run = HostileCheck.run("100-certificate chain (network)", serverAt(address));

            // about 35 KB of certificates: over the JDK's 32 KiB limit for one handshake message
            assertThat(run.outcome(Protocol.IMAP, Security.TLS)).isEqualTo(Outcome.TLS_FAILED);
            assertThat(run.at(Protocol.IMAP, Security.TLS).probe().detail())
                    .contains("exceeds the maximum allowed size");
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
            assertThat(run.took()).isLessThan(DEADLINE);
        }
    }

    @Test
    void tenThousandNames_overTheNetwork_endsOnTimeWithAnHonestOutcome() throws Exception {
        InetAddress address = address("127.0.50.31");
        try (MailPorts ports = MailPorts.on(address)
                .serve(Protocol.IMAP, Security.TLS, startTls(tenThousandNames.serverContext()), holdOpen())
                .start()) {
            Run run = HostileCheck.run("10,000 SAN entries (network)", serverAt(address));

            assertThat(run.outcome(Protocol.IMAP, Security.TLS)).isEqualTo(Outcome.TLS_FAILED);
            assertThat(run.at(Protocol.IMAP, Security.TLS).probe().detail())
                    .contains("exceeds the maximum allowed size");
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
            assertThat(run.took()).isLessThan(DEADLINE);
        }
    }

    @Test
    void aHundredCertificateChain_handedOver_isJudgedNotTrusted() {
        InetAddress address = address("127.0.50.32");
        Run run = HostileCheck.run(
                "100-certificate chain (handed over)",
                serverAt(address),
                DnsBehaviour.normal(),
                DEADLINE,
                presenting(hundredChain.chain()));

        // a path of 100 is beyond the 20 that path building follows: never a trusted chain
        assertThat(run.diagnosis().endpoints())
                .hasSize(6)
                .allSatisfy(e -> assertThat(e.problems()).containsExactly(CertificateProblem.INVALID_CHAIN));
        assertThat(run.at(Protocol.IMAP, Security.TLS)
                        .assessment()
                        .orElseThrow()
                        .explanation())
                .anyMatch(line -> line.contains("20 certificates"));
        assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
        assertThat(run.took()).isLessThan(DEADLINE);
    }

    @Test
    void tenThousandNames_handedOver_candidatesAreCapped() {
        InetAddress address = address("127.0.50.33");
        Run run = HostileCheck.run(
                "10,000 SAN entries (handed over)",
                serverAt(address),
                DnsBehaviour.normal(),
                DEADLINE,
                presenting(tenThousandNames.chain()));

        assertThat(run.diagnosis().endpoints())
                .allSatisfy(e -> assertThat(e.problems()).containsExactly(CertificateProblem.HOSTNAME_MISMATCH));
        assertThat(run.diagnosis().candidates()).hasSize(24);
        assertThat(run.advice().why())
                .anyMatch(line ->
                        line.contains("more names for this server were found than mailcert checks (24 at most)"))
                .anyMatch(line -> line.contains("and 9994 more"));
        assertThat(run.text()).contains("+9997 more");
        assertThat(run.advice().verdict()).isEqualTo(Verdict.UNFIXABLE);
        assertThat(run.took()).isLessThan(DEADLINE);
    }

    /** A prober that completes every handshake at once and presents {@code chain}: no sockets. */
    private static Prober presenting(List<X509Certificate> chain) {
        return (address, endpoint, sni, deadline) -> new ProbeResult(
                address,
                endpoint,
                sni,
                Outcome.HANDSHAKE,
                Optional.of(new Handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", chain)),
                "TLSv1.3 handshake completed",
                Duration.ZERO);
    }
}
