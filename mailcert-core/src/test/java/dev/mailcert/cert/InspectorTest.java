package dev.mailcert.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectorTest {

    private static final TestCertificates.Issued ROOT =
            TestCertificates.ca("Inspect Root").build();
    private static final TestCertificates.Issued INTERMEDIATE =
            TestCertificates.ca("Inspect Intermediate").issuedBy(ROOT).build();
    private static final TestCertificates.Issued LEAF = TestCertificates.leaf("*.webhost.example")
            .dns("*.webhost.example", "webhost.example")
            .ip("192.0.2.7")
            .issuedBy(INTERMEDIATE)
            .build();
    private static final TrustAnchors TRUST = TrustAnchors.of(List.of(ROOT.certificate()), "inspect roots");

    @Test
    void summarisesTheLeafAndThePathAsBuilt() throws Exception {
        Inspection inspection = Inspector.inspect(
                List.of(LEAF.certificate(), INTERMEDIATE.certificate()),
                "srv12.webhost.example",
                TRUST,
                TestCertificates.NOW);

        assertThat(inspection.valid()).isTrue();
        assertThat(inspection.problems()).isEmpty();
        CertificateSummary leaf = inspection.certificate();
        assertThat(leaf.subject()).isEqualTo("CN=*.webhost.example");
        assertThat(leaf.issuer()).isEqualTo("CN=Inspect Intermediate");
        assertThat(leaf.dnsNames()).containsExactly("*.webhost.example", "webhost.example");
        assertThat(leaf.ipAddresses()).containsExactly("192.0.2.7");
        assertThat(leaf.notBefore()).isEqualTo(LEAF.certificate().getNotBefore().toInstant());
        assertThat(leaf.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(LEAF.certificate().getEncoded())));
        assertThat(inspection.chain())
                .extracting(CertificateSummary::subject)
                .containsExactly("CN=*.webhost.example", "CN=Inspect Intermediate", "CN=Inspect Root");
    }

    @Test
    void reportsTheSharedHostingMismatchInPlainWords() {
        Inspection inspection = Inspector.inspect(
                List.of(LEAF.certificate(), INTERMEDIATE.certificate()),
                "mail.customer.example",
                TRUST,
                TestCertificates.NOW);

        assertThat(inspection.valid()).isFalse();
        assertThat(inspection.problems()).containsExactly(CertificateProblem.HOSTNAME_MISMATCH);
        assertThat(inspection.explanation().get(0))
                .isEqualTo("The certificate covers *.webhost.example,"
                        + " webhost.example and 192.0.2.7; mail.customer.example is not one of them: a wildcard covers exactly"
                        + " one label, and *.webhost.example covers only names directly below webhost.example"
                        + " (such as mail.webhost.example).");
    }
}
