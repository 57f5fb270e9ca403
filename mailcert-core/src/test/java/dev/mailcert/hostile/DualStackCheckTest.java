package dev.mailcert.hostile;

import static dev.mailcert.hostile.HostileCheck.SERVER;
import static dev.mailcert.hostile.HostileCheck.address;
import static dev.mailcert.probe.ScriptedServer.holdOpen;
import static dev.mailcert.probe.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.hostile.HostileCheck.Run;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every address of the configured name is probed, A and AAAA, and a difference between them is a finding. */
class DualStackCheckTest {

    @Test
    void ipv4AndIpv6AddressesAreBothProbed_andTheirDifferentCertificatesAreReported() throws Exception {
        InetAddress v4 = address("127.0.50.61");
        InetAddress v6 = address("::1");
        var right = HostilePki.shared().leaf(SERVER, List.of(SERVER)).serverContext();
        var wrong = HostilePki.shared()
                .leaf("other.hostile.test", List.of("other.hostile.test"))
                .serverContext();
        try (MailPorts ipv4 = MailPorts.on(v4)
                        .serve(Protocol.IMAP, Security.TLS, startTls(right), holdOpen())
                        .start();
                MailPorts ipv6 = MailPorts.on(v6)
                        .serve(Protocol.IMAP, Security.TLS, startTls(wrong), holdOpen())
                        .start()) {
            Run run = HostileCheck.run(
                    "A and AAAA with different certificates",
                    SERVER + ". A " + v4.getHostAddress() + "\n" + SERVER + ". AAAA ::1\n");

            var imaps = run.diagnosis().endpoints().stream()
                    .filter(e -> e.endpoint().protocol() == Protocol.IMAP
                            && e.endpoint().security() == Security.TLS)
                    .toList();
            assertThat(imaps).extracting(e -> e.probe().address()).containsExactly(v4, v6);
            assertThat(imaps.get(0).valid()).isTrue();
            assertThat(imaps.get(1).problems()).containsExactly(CertificateProblem.HOSTNAME_MISMATCH);
            // a client may reach either address: one bad certificate is enough to warn
            assertThat(run.advice().verdict()).isEqualTo(dev.mailcert.advise.Verdict.UNFIXABLE);
            assertThat(run.advice().why())
                    .anyMatch(line -> line.contains("present different certificates on IMAP")
                            && line.contains("127.0.50.61")
                            && line.contains("0:0:0:0:0:0:0:1"));
        }
    }
}
