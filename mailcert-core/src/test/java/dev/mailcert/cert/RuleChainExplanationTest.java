package dev.mailcert.cert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.lab.pki.RuleChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each broken rule is explained in words that name the rule and the certificate that breaks it. */
class RuleChainExplanationTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CRITICAL_UNKNOWN_EXTENSION_ON_ROOT      | 'CN=Rule Root CA' has a critical extension 1.3.6.1.4.1.55555.1.1 that clients do not process, so they must reject the certificate (RFC 5280 §4.2).
            CRITICAL_AIA_ON_LEAF                    | 'CN=mail.example.com' marks its authority information access extension critical, which RFC 5280 §4.2.2.1 forbids; clients reject it.
            MALFORMED_SKI_ON_LEAF                   | 'CN=mail.example.com' has a malformed subject key identifier extension (its value is not what RFC 5280 defines); clients reject it.
            NAME_CONSTRAINT_DNS_NOT_PERMITTED       | 'CN=Rule Intermediate CA' may only issue for DNS name example.org (permitted subtrees), but 'CN=mail.example.com' below it names DNS name mail.example.com (name constraints, RFC 5280 §4.2.1.10).
            NAME_CONSTRAINT_DIRECTORY_NOT_PERMITTED | 'CN=Rule Intermediate CA' may only issue for directory name 'O=Permitted Org' (permitted subtrees), but 'CN=mail.example.com' below it names directory name 'CN=mail.example.com' (name constraints, RFC 5280 §4.2.1.10).
            NAME_CONSTRAINT_ON_ROOT                 | 'CN=Rule Root CA' may only issue for DNS name example.org (permitted subtrees), but 'CN=mail.example.com' below it names DNS name mail.example.com (name constraints, RFC 5280 §4.2.1.10).
            KEY_CERT_SIGN_ON_LEAF                   | 'CN=mail.example.com' may sign certificates by its key usage (keyCertSign) but is not a certificate authority (basic constraints do not say CA:TRUE); RFC 5280 §4.2.1.3 forbids that combination.
            DSA_LEAF                                | 'CN=mail.example.com' has a DSA key, which TLS clients no longer accept at any size (only RSA and ECDSA keys are allowed for servers).
            UNUSABLE_ISSUER_KEY                     | Certificate 2 the server sent 'CN=Rule Intermediate CA' is DER but breaks X.509, so TLS clients refuse the chain as a whole: the JDK says: subject key, Invalid RSA public key.
            """)
    void explanationNamesTheRuleAndTheCertificate(RuleChain construction, String line) throws IOException {
        RuleChain.Built chain = construction.build(TestCertificates.NOW);
        Path served = dir.resolve("chain.pem");
        Path root = dir.resolve("root.pem");
        Files.writeString(served, chain.servedPem());
        Files.writeString(root, chain.rootPem());

        Inspection inspection = Inspector.inspect(
                Pem.readServed(served), chain.host(), TrustAnchors.fromPem(root), TestCertificates.NOW);

        assertThat(inspection.explanation()).anySatisfy(l -> assertThat(l).startsWith(line));
    }
}
