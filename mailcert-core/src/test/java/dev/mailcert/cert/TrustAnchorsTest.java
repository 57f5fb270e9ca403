package dev.mailcert.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @TempDir
    Path dir;

    @Test
    void systemStoreHoldsTheJdkRootsAndIsCached() {
        TrustAnchors system = TrustAnchors.system();

        assertThat(system.roots()).isNotEmpty();
        assertThat(system.source()).contains("cacerts");
        assertThat(TrustAnchors.system()).isSameAs(system);
    }

    @Test
    void systemRootsPassTheRulesEveryCertificateObeys() {
        // anchors are now judged like every certificate: a root shipped by the JDK must not trip a rule
        List<String> broken = TrustAnchors.system().roots().stream()
                .flatMap(root -> PathRules.ownRules(root).stream().map(Finding::explanation))
                .toList();

        assertThat(broken).isEmpty();
    }

    @Test
    void pemFileTrustsExactlyItsCertificates() throws IOException {
        TestCertificates.Issued root = TestCertificates.ca("Only Root").build();
        Path file = dir.resolve("roots.pem");
        Files.writeString(file, Pem.write(List.of(root.certificate())));

        TrustAnchors trust = TrustAnchors.fromPem(file);

        assertThat(trust.roots()).containsExactly(root.certificate());
        assertThat(trust.source()).isEqualTo(file.toString());
    }

    @Test
    void pemFileWithoutCertificateIsBadInput() throws IOException {
        Path file = dir.resolve("empty.pem");
        Files.writeString(file, "# nothing here\n");

        assertThatThrownBy(() -> TrustAnchors.fromPem(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("contains no certificate");
    }

    @Test
    void systemRootsDoNotTrustALabChain() {
        TestCertificates.Issued root = TestCertificates.ca("Lab Root").build();
        TestCertificates.Issued leaf = TestCertificates.leaf("mail.example.com")
                .dns("mail.example.com")
                .issuedBy(root)
                .build();

        Assessment assessment = new CertificateAssessor(TrustAnchors.system())
                .assess(List.of(leaf.certificate(), root.certificate()), "mail.example.com", TestCertificates.NOW);

        assertThat(assessment.problems()).containsExactly(CertificateProblem.UNTRUSTED_ROOT);
    }
}
