package dev.mailcert.lab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabPkiTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static LabPki pki;

    @BeforeAll
    static void createPki() {
        pki = LabPki.create();
    }

    @Test
    void servedChainValidatesToTheRoot() throws Exception {
        IssuedCertificate issued = pki.issue(CertificateSpec.forNames("*.webhost.example", "webhost.example"));

        assertThat(issued.chainAsServed()).containsExactly(issued.leaf(), pki.intermediate());
        validate(issued.chainAsServed()); // throws when the path is broken
    }

    @Test
    void caCertificatesCarryTheirNamesAndConstraints() {
        assertThat(pki.root().getSubjectX500Principal().getName()).isEqualTo("CN=" + LabPki.ROOT_NAME);
        assertThat(pki.intermediate().getSubjectX500Principal().getName()).isEqualTo("CN=" + LabPki.INTERMEDIATE_NAME);
        assertThat(pki.intermediate().getBasicConstraints()).isZero();
        assertThat(pki.intermediate().getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(pki.root().getKeyUsage()[5]).as("keyCertSign").isTrue();
    }

    @Test
    void leafCarriesDnsAndIpSubjectAltNames() throws Exception {
        X509Certificate leaf = pki.issue(CertificateSpec.forNames("mail.example", "*.mail.example", "127.0.0.1"))
                .leaf();

        assertThat(leaf.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(2, "mail.example"), List.of(2, "*.mail.example"), List.of(7, "127.0.0.1"));
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=mail.example");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    }

    @Test
    void commonNameCanDifferFromTheNames() {
        X509Certificate leaf = pki.issue(CertificateSpec.forNames("a.example").withCommonName("Someone Else"))
                .leaf();

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=Someone Else");
    }

    @Test
    void expiredLeafEndedThirtyDaysAgo() {
        X509Certificate leaf =
                pki.issue(CertificateSpec.forNames("old.example").expired()).leaf();

        long daysAgo = (System.currentTimeMillis() - leaf.getNotAfter().getTime()) / 86_400_000L;
        assertThat(daysAgo).isEqualTo(30);
        assertThatThrownBy(leaf::checkValidity).isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void notYetValidLeafStartsInTheFuture() {
        X509Certificate leaf =
                pki.issue(CertificateSpec.forNames("new.example").notYetValid()).leaf();

        assertThat(leaf.getNotBefore()).isAfter(new Date());
    }

    @Test
    void weakLeafHasA1024BitKey() throws Exception {
        IssuedCertificate issued =
                pki.issue(CertificateSpec.forNames("weak.example").withKeyBits(1024));

        assertThat(((RSAPublicKey) issued.leaf().getPublicKey()).getModulus().bitLength())
                .isEqualTo(1024);
        assertThat(issued.key().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void sha1LeafIsSignedWithSha1() {
        X509Certificate leaf = pki.issue(
                        CertificateSpec.forNames("sha1.example").signedWith(SignatureAlgorithm.SHA1_WITH_RSA))
                .leaf();

        assertThat(leaf.getSigAlgName()).isEqualTo("SHA1withRSA");
    }

    @Test
    void leafWithoutIntermediateIsServedAlone() {
        IssuedCertificate issued =
                pki.issue(CertificateSpec.forNames("lonely.example").withoutIntermediate());

        assertThat(issued.chainAsServed()).containsExactly(issued.leaf());
        assertThat(issued.leaf().getIssuerX500Principal())
                .isEqualTo(pki.intermediate().getSubjectX500Principal());
        assertThatThrownBy(() -> validate(issued.chainAsServed())).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void selfSignedLeafIsItsOwnIssuerAndNotTrusted() throws Exception {
        IssuedCertificate issued =
                pki.issue(CertificateSpec.forNames("*.cheaphost.example").issuedBy(Issuer.SELF));

        assertThat(issued.leaf().getIssuerX500Principal())
                .isEqualTo(issued.leaf().getSubjectX500Principal());
        issued.leaf().verify(issued.leaf().getPublicKey());
        assertThat(issued.chainAsServed()).containsExactly(issued.leaf());
        assertThatThrownBy(() -> validate(issued.chainAsServed())).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void leafSignedByTheRootValidatesWithoutIntermediate() throws Exception {
        IssuedCertificate issued =
                pki.issue(CertificateSpec.forNames("direct.example").issuedBy(Issuer.ROOT));

        assertThat(issued.chainAsServed()).containsExactly(issued.leaf());
        validate(issued.chainAsServed());
    }

    @Test
    void clientAuthOnlyLeafLacksServerAuth() throws Exception {
        X509Certificate leaf = pki.issue(
                        CertificateSpec.forNames("client.example").forPurpose(KeyPurpose.CLIENT_AUTH))
                .leaf();

        assertThat(leaf.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    }

    @Test
    void rootPemParsesBackToTheRoot() throws Exception {
        List<java.security.cert.Certificate> parsed = List.copyOf(CertificateFactory.getInstance("X.509")
                .generateCertificates(new java.io.ByteArrayInputStream(
                        pki.rootPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

        assertThat(parsed).containsExactly(pki.root());
    }

    @Test
    void impossibleSpecsAreRejected() {
        assertThatThrownBy(() -> CertificateSpec.forNames()).hasMessageContaining("at least one name");
        assertThatThrownBy(() -> CertificateSpec.forNames("a.example").withKeyBits(256))
                .hasMessageContaining("256");
        assertThatThrownBy(() -> CertificateSpec.forNames("a.example")
                        .validBetween(java.time.Duration.ofDays(1), java.time.Duration.ofDays(-1)))
                .hasMessageContaining("notBefore");
    }

    private static void validate(List<X509Certificate> chain) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(pki.root(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }
}
