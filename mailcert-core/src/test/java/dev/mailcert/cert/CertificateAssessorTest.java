package dev.mailcert.cert;

import static dev.mailcert.cert.CertificateProblem.EXPIRED;
import static dev.mailcert.cert.CertificateProblem.HOSTNAME_MISMATCH;
import static dev.mailcert.cert.CertificateProblem.INCOMPLETE_CHAIN;
import static dev.mailcert.cert.CertificateProblem.INVALID_CHAIN;
import static dev.mailcert.cert.CertificateProblem.NOT_YET_VALID;
import static dev.mailcert.cert.CertificateProblem.NO_SERVER_AUTH;
import static dev.mailcert.cert.CertificateProblem.SELF_SIGNED;
import static dev.mailcert.cert.CertificateProblem.UNTRUSTED_ROOT;
import static dev.mailcert.cert.CertificateProblem.WEAK_KEY;
import static dev.mailcert.cert.CertificateProblem.WEAK_SIGNATURE;
import static dev.mailcert.cert.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.BadInputException;
import dev.mailcert.cert.TestCertificates.Issued;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateAssessorTest {

    private static final String HOST = "mail.example.com";
    private static final Instant LEAF_FROM = NOW.minus(Duration.ofDays(10));
    private static final Instant LEAF_UNTIL = NOW.plus(Duration.ofDays(80));

    private static final Issued ROOT = TestCertificates.ca("Lab Root CA").build();
    private static final Issued INTERMEDIATE =
            TestCertificates.ca("Lab Intermediate CA").issuedBy(ROOT).build();
    private static final Issued LEAF = server(HOST).issuedBy(INTERMEDIATE).build();
    private static final Issued OTHER_ROOT =
            TestCertificates.ca("Other Root CA").build();
    private static final TrustAnchors TRUST = TrustAnchors.of(List.of(ROOT.certificate()), "test roots");

    private static TestCertificates.Spec server(String name) {
        return TestCertificates.leaf(name).dns(name).validity(LEAF_FROM, LEAF_UNTIL);
    }

    private static Arguments scenario(String name, List<Issued> served, CertificateProblem... expected) {
        return scenario(name, served, HOST, NOW, expected);
    }

    private static Arguments scenario(
            String name, List<Issued> served, String host, Instant at, CertificateProblem... expected) {
        return Arguments.of(name, served.stream().map(Issued::certificate).toList(), host, at, List.of(expected));
    }

    static Stream<Arguments> chains() {
        Issued otherIntermediate =
                TestCertificates.ca("Other Intermediate").issuedBy(OTHER_ROOT).build();
        Issued notCa = TestCertificates.ca("Lab Intermediate CA")
                .caFlag(false)
                .issuedBy(ROOT)
                .build();
        Issued noBasicConstraints = TestCertificates.ca("Lab Intermediate CA")
                .caFlag(null)
                .issuedBy(ROOT)
                .build();
        Issued noKeyCertSign = TestCertificates.ca("Lab Intermediate CA")
                .keyUsage(KeyUsage.cRLSign)
                .issuedBy(ROOT)
                .build();
        Issued expiredIntermediate = TestCertificates.ca("Lab Intermediate CA")
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)))
                .issuedBy(ROOT)
                .build();
        Issued pathLenZero =
                TestCertificates.ca("Policy CA").pathLength(0).issuedBy(ROOT).build();
        Issued belowPathLenZero =
                TestCertificates.ca("Issuing CA").issuedBy(pathLenZero).build();
        Issued sha1Intermediate =
                TestCertificates.ca("Lab Intermediate CA").sha1().issuedBy(ROOT).build();
        Issued rsa1024Intermediate = TestCertificates.ca("Lab Intermediate CA")
                .rsa(1024)
                .issuedBy(ROOT)
                .build();
        Issued clientOnlyIntermediate = TestCertificates.ca("Lab Intermediate CA")
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                .issuedBy(ROOT)
                .build();
        Issued serverIntermediate = TestCertificates.ca("Lab Intermediate CA")
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
                .issuedBy(ROOT)
                .build();
        Issued sameNameOtherKey =
                TestCertificates.ca("Lab Intermediate CA").issuedBy(OTHER_ROOT).build();
        Issued crossSigned = TestCertificates.ca("Lab Intermediate CA")
                .keys(INTERMEDIATE.keys())
                .issuedBy(OTHER_ROOT)
                .build();
        KeyPair stranger = TestCertificates.ecKeys();
        Issued notYetValidIntermediate = TestCertificates.ca("Lab Intermediate CA")
                .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)))
                .issuedBy(ROOT)
                .build();
        Issued rolledOver =
                TestCertificates.ca("Policy CA").issuedBy(pathLenZero).build();
        Issued pathLenOne = TestCertificates.ca("Policy CA One")
                .pathLength(1)
                .issuedBy(ROOT)
                .build();
        Issued belowPathLenOne =
                TestCertificates.ca("Issuing CA One").issuedBy(pathLenOne).build();
        Issued twoBelowPathLenOne =
                TestCertificates.ca("Issuing CA Two").issuedBy(belowPathLenOne).build();
        Issued rsaIntermediate = TestCertificates.ca("Lab Intermediate CA")
                .rsa(2048)
                .issuedBy(ROOT)
                .build();
        Issued untrustedSha1Intermediate = TestCertificates.ca("Other Intermediate")
                .sha1()
                .issuedBy(OTHER_ROOT)
                .build();
        Issued sha1Root = TestCertificates.ca("Old Other Root").sha1().build();
        Issued underSha1Root = TestCertificates.ca("Modern Other Intermediate")
                .issuedBy(sha1Root)
                .build();
        Issued orphanNotCa = TestCertificates.ca("Orphan Intermediate")
                .caFlag(false)
                .issuedBy(OTHER_ROOT)
                .build();
        Issued loopA =
                TestCertificates.ca("Loop A").keys(TestCertificates.ecKeys()).build();
        Issued loopB = TestCertificates.ca("Loop B").issuedBy(loopA).build();
        Issued loopACrossB =
                TestCertificates.ca("Loop A").keys(loopA.keys()).issuedBy(loopB).build();
        return Stream.of(
                scenario("leaf and intermediate", List.of(LEAF, INTERMEDIATE)),
                scenario("trusted root sent as last element", List.of(LEAF, INTERMEDIATE, ROOT)),
                scenario("out of order with extras", List.of(LEAF, OTHER_ROOT, ROOT, otherIntermediate, INTERMEDIATE)),
                scenario(
                        "leaf issued directly by the root",
                        List.of(server(HOST).issuedBy(ROOT).build())),
                scenario("missing intermediate", List.of(LEAF), INCOMPLETE_CHAIN),
                scenario("only unrelated extras", List.of(LEAF, otherIntermediate), INCOMPLETE_CHAIN),
                scenario("wrong name", List.of(LEAF, INTERMEDIATE), "imap.example.com", NOW, HOSTNAME_MISMATCH),
                scenario(
                        "IP reference with IP SAN",
                        List.of(
                                server(HOST)
                                        .ip("192.0.2.7")
                                        .issuedBy(INTERMEDIATE)
                                        .build(),
                                INTERMEDIATE),
                        "192.0.2.7",
                        NOW),
                scenario(
                        "expired leaf with wrong name",
                        List.of(LEAF, INTERMEDIATE),
                        "imap.example.com",
                        LEAF_UNTIL.plusSeconds(1),
                        HOSTNAME_MISMATCH,
                        EXPIRED),
                scenario("valid at exactly notBefore", List.of(LEAF, INTERMEDIATE), HOST, LEAF_FROM),
                scenario("valid at exactly notAfter", List.of(LEAF, INTERMEDIATE), HOST, LEAF_UNTIL),
                scenario(
                        "one second before notBefore",
                        List.of(LEAF, INTERMEDIATE),
                        HOST,
                        LEAF_FROM.minusSeconds(1),
                        NOT_YET_VALID),
                scenario(
                        "one second after notAfter",
                        List.of(LEAF, INTERMEDIATE),
                        HOST,
                        LEAF_UNTIL.plusSeconds(1),
                        EXPIRED),
                scenario("self-signed leaf", List.of(server(HOST).build()), SELF_SIGNED),
                scenario(
                        "self-signed leaf sent with extras",
                        List.of(server(HOST).build(), INTERMEDIATE),
                        SELF_SIGNED),
                scenario(
                        "untrusted root sent",
                        List.of(server(HOST).issuedBy(otherIntermediate).build(), otherIntermediate, OTHER_ROOT),
                        UNTRUSTED_ROOT),
                scenario(
                        "untrusted root not sent",
                        List.of(server(HOST).issuedBy(otherIntermediate).build(), otherIntermediate),
                        INCOMPLETE_CHAIN),
                scenario(
                        "intermediate with CA:FALSE",
                        List.of(server(HOST).issuedBy(notCa).build(), notCa),
                        INVALID_CHAIN),
                scenario(
                        "intermediate without basic constraints",
                        List.of(server(HOST).issuedBy(noBasicConstraints).build(), noBasicConstraints),
                        INVALID_CHAIN),
                scenario(
                        "CA without keyCertSign",
                        List.of(server(HOST).issuedBy(noKeyCertSign).build(), noKeyCertSign),
                        INVALID_CHAIN),
                scenario(
                        "expired intermediate",
                        List.of(server(HOST).issuedBy(expiredIntermediate).build(), expiredIntermediate),
                        INVALID_CHAIN),
                scenario(
                        "pathLen 0 with a leaf below",
                        List.of(server(HOST).issuedBy(pathLenZero).build(), pathLenZero)),
                scenario(
                        "pathLen 0 exceeded",
                        List.of(server(HOST).issuedBy(belowPathLenZero).build(), belowPathLenZero, pathLenZero),
                        INVALID_CHAIN),
                scenario(
                        "self-issued CA below pathLen 0 does not count (RFC 5280 §6.1.4(l))",
                        List.of(server(HOST).issuedBy(rolledOver).build(), rolledOver, pathLenZero)),
                scenario(
                        "pathLen 1 with one intermediate below",
                        List.of(server(HOST).issuedBy(belowPathLenOne).build(), belowPathLenOne, pathLenOne)),
                scenario(
                        "pathLen 1 exceeded by two",
                        List.of(
                                server(HOST).issuedBy(twoBelowPathLenOne).build(),
                                twoBelowPathLenOne,
                                belowPathLenOne,
                                pathLenOne),
                        INVALID_CHAIN),
                scenario(
                        "not yet valid intermediate",
                        List.of(server(HOST).issuedBy(notYetValidIntermediate).build(), notYetValidIntermediate),
                        INVALID_CHAIN),
                scenario(
                        "signature by another key",
                        List.of(
                                server(HOST)
                                        .issuedBy(INTERMEDIATE)
                                        .forgedWith(stranger)
                                        .build(),
                                INTERMEDIATE),
                        INVALID_CHAIN),
                scenario(
                        "issuer with the same name but another key is skipped",
                        List.of(LEAF, sameNameOtherKey, INTERMEDIATE)),
                scenario(
                        "anchored path preferred over an untrusted cross-sign",
                        List.of(LEAF, crossSigned, OTHER_ROOT, INTERMEDIATE)),
                scenario("cross-signed only", List.of(LEAF, crossSigned, OTHER_ROOT), UNTRUSTED_ROOT),
                scenario(
                        "SHA-1 leaf",
                        List.of(server(HOST).sha1().issuedBy(INTERMEDIATE).build(), INTERMEDIATE),
                        WEAK_SIGNATURE),
                scenario(
                        "SHA-1 intermediate",
                        List.of(server(HOST).issuedBy(sha1Intermediate).build(), sha1Intermediate),
                        WEAK_SIGNATURE),
                scenario(
                        "MD5 leaf",
                        List.of(server(HOST).md5().issuedBy(rsaIntermediate).build(), rsaIntermediate),
                        WEAK_SIGNATURE),
                scenario(
                        "untrusted root and SHA-1 intermediate at once",
                        List.of(
                                server(HOST).issuedBy(untrustedSha1Intermediate).build(),
                                untrustedSha1Intermediate,
                                OTHER_ROOT),
                        UNTRUSTED_ROOT,
                        WEAK_SIGNATURE),
                scenario(
                        "SHA-1 self-signature of an untrusted root is not judged",
                        List.of(server(HOST).issuedBy(underSha1Root).build(), underSha1Root, sha1Root),
                        UNTRUSTED_ROOT),
                scenario(
                        "RSA-1024 leaf",
                        List.of(server(HOST).rsa(1024).issuedBy(INTERMEDIATE).build(), INTERMEDIATE),
                        WEAK_KEY),
                scenario(
                        "RSA-2048 leaf",
                        List.of(server(HOST).rsa(2048).issuedBy(INTERMEDIATE).build(), INTERMEDIATE)),
                scenario(
                        "RSA-1024 intermediate",
                        List.of(server(HOST).issuedBy(rsa1024Intermediate).build(), rsa1024Intermediate),
                        WEAK_KEY),
                scenario(
                        "leaf only for clients",
                        List.of(
                                server(HOST)
                                        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                                        .issuedBy(INTERMEDIATE)
                                        .build(),
                                INTERMEDIATE),
                        NO_SERVER_AUTH),
                scenario(
                        "leaf for servers and clients",
                        List.of(
                                server(HOST)
                                        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth)
                                        .issuedBy(INTERMEDIATE)
                                        .build(),
                                INTERMEDIATE)),
                scenario(
                        "leaf with anyExtendedKeyUsage",
                        List.of(
                                server(HOST)
                                        .extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage)
                                        .issuedBy(INTERMEDIATE)
                                        .build(),
                                INTERMEDIATE)),
                scenario(
                        "intermediate only for clients",
                        List.of(server(HOST).issuedBy(clientOnlyIntermediate).build(), clientOnlyIntermediate),
                        NO_SERVER_AUTH),
                scenario(
                        "intermediate for servers",
                        List.of(server(HOST).issuedBy(serverIntermediate).build(), serverIntermediate)),
                scenario(
                        "issuers that certify each other, none trusted",
                        List.of(server(HOST).issuedBy(loopB).build(), loopB, loopACrossB),
                        INCOMPLETE_CHAIN),
                scenario(
                        "not-yet-valid and self-signed",
                        List.of(server(HOST)
                                .validity(NOW.plusSeconds(60), LEAF_UNTIL)
                                .build()),
                        NOT_YET_VALID,
                        SELF_SIGNED),
                scenario(
                        "issuer not a CA and its own issuer missing",
                        List.of(server(HOST).issuedBy(orphanNotCa).build(), orphanNotCa),
                        INCOMPLETE_CHAIN,
                        INVALID_CHAIN),
                scenario(
                        "wrong name, expired, not a server certificate, intermediate missing",
                        List.of(server(HOST)
                                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                                .issuedBy(INTERMEDIATE)
                                .build()),
                        "www.example.com",
                        LEAF_UNTIL.plusSeconds(1),
                        HOSTNAME_MISMATCH,
                        EXPIRED,
                        INCOMPLETE_CHAIN,
                        NO_SERVER_AUTH),
                scenario(
                        "many problems at once",
                        List.of(server(HOST)
                                .rsa(1024)
                                .sha1()
                                .extendedKeyUsage(KeyPurposeId.id_kp_emailProtection)
                                .issuedBy(INTERMEDIATE)
                                .build()),
                        "imap.example.com",
                        LEAF_UNTIL.plusSeconds(60),
                        HOSTNAME_MISMATCH,
                        EXPIRED,
                        INCOMPLETE_CHAIN,
                        WEAK_KEY,
                        WEAK_SIGNATURE,
                        NO_SERVER_AUTH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void classifiesChain(
            String name, List<X509Certificate> served, String host, Instant at, List<CertificateProblem> expected) {
        Assessment assessment = new CertificateAssessor(TRUST).assess(served, host, at);

        assertThat(assessment.problems())
                .as(String.join("\n", assessment.explanation()))
                .isEqualTo(expected);
        assertThat(assessment.valid()).isEqualTo(expected.isEmpty());
        assertThat(assessment.explanation()).isNotEmpty();
        assertThat(assessment.path().get(0)).isEqualTo(served.get(0));
    }

    @Test
    void pathIsBuiltFromTheLeafToTheAnchorWhateverTheOrder() {
        Assessment assessment = new CertificateAssessor(TRUST)
                .assess(
                        List.of(
                                LEAF.certificate(),
                                OTHER_ROOT.certificate(),
                                ROOT.certificate(),
                                INTERMEDIATE.certificate()),
                        HOST,
                        NOW);

        assertThat(assessment.path())
                .containsExactly(LEAF.certificate(), INTERMEDIATE.certificate(), ROOT.certificate());
    }

    @Test
    void missingIntermediateIsExplainedWithTheChainAsSent() {
        Assessment assessment = new CertificateAssessor(TRUST).assess(List.of(LEAF.certificate()), HOST, NOW);

        assertThat(assessment.explanation())
                .anySatisfy(line -> assertThat(line)
                        .startsWith(
                                "The server sent 1 certificate; the issuer 'CN=Lab Intermediate CA' of 'CN=mail.example.com'"
                                        + " is not included and is not a trusted authority (trusted: test roots)."));
        assertThat(assessment.path()).containsExactly(LEAF.certificate());
    }

    @Test
    void issuersThatCertifyEachOtherAreExplainedAsALoop() {
        Issued loopA = TestCertificates.ca("Loop A").build();
        Issued loopB = TestCertificates.ca("Loop B").issuedBy(loopA).build();
        Issued loopACrossB =
                TestCertificates.ca("Loop A").keys(loopA.keys()).issuedBy(loopB).build();

        Assessment assessment = new CertificateAssessor(TRUST)
                .assess(
                        List.of(
                                server(HOST).issuedBy(loopB).build().certificate(),
                                loopB.certificate(),
                                loopACrossB.certificate()),
                        HOST,
                        NOW);

        assertThat(assessment.explanation().get(0))
                .contains("is already on the path")
                .contains("only certify each other");
    }

    @Test
    void untrustedRootIsExplainedWithWhatWasSent() {
        Issued intermediate =
                TestCertificates.ca("Other Intermediate").issuedBy(OTHER_ROOT).build();

        Assessment assessment = new CertificateAssessor(TRUST)
                .assess(
                        List.of(
                                server(HOST).issuedBy(intermediate).build().certificate(),
                                intermediate.certificate(),
                                OTHER_ROOT.certificate()),
                        HOST,
                        NOW);

        assertThat(assessment.explanation().get(0))
                .isEqualTo("The chain ends at 'CN=Other Root CA', a root certificate"
                        + " the server sent itself (the server sent 3 certificates), which is not a trusted authority"
                        + " (trusted: test roots).");
        assertThat(assessment.path()).hasSize(3).endsWith(OTHER_ROOT.certificate());
    }

    @Test
    void anchorSelfSignatureIsNotJudged() {
        Issued oldRoot = TestCertificates.ca("Old Root").rsa(2048).sha1().build();
        Issued intermediate =
                TestCertificates.ca("Modern Intermediate").issuedBy(oldRoot).build();
        Issued leaf = server(HOST).issuedBy(intermediate).build();

        Assessment assessment = new CertificateAssessor(TrustAnchors.of(List.of(oldRoot.certificate()), "old"))
                .assess(List.of(leaf.certificate(), intermediate.certificate(), oldRoot.certificate()), HOST, NOW);

        assertThat(assessment.problems()).isEmpty();
    }

    @Test
    void anchorKeyIsJudgedLikeEveryOther() {
        Issued weakRoot = TestCertificates.ca("Old Root").rsa(1024).build();
        Issued intermediate =
                TestCertificates.ca("Modern Intermediate").issuedBy(weakRoot).build();
        Issued leaf = server(HOST).issuedBy(intermediate).build();

        Assessment assessment = new CertificateAssessor(TrustAnchors.of(List.of(weakRoot.certificate()), "old"))
                .assess(List.of(leaf.certificate(), intermediate.certificate()), HOST, NOW);

        assertThat(assessment.problems()).containsExactly(WEAK_KEY);
        assertThat(assessment.explanation())
                .anySatisfy(l -> assertThat(l)
                        .isEqualTo("'CN=Old Root' has a 1024-bit RSA key; at least 2048 bits are required."));
    }

    @Test
    void expiredAnchorIsAnInvalidChain() {
        Issued oldRoot = TestCertificates.ca("Expired Root")
                .validity(NOW.minus(Duration.ofDays(4000)), NOW.minus(Duration.ofDays(1)))
                .build();
        Issued leaf = server(HOST).issuedBy(oldRoot).build();

        Assessment assessment = new CertificateAssessor(TrustAnchors.of(List.of(oldRoot.certificate()), "old"))
                .assess(List.of(leaf.certificate()), HOST, NOW);

        assertThat(assessment.problems()).containsExactly(INVALID_CHAIN);
        assertThat(assessment.explanation().get(0)).startsWith("The trusted authority 'CN=Expired Root' expired on");
    }

    @Test
    void pinnedLeafIsJudgedByNameDatesAndTheRulesOfEveryCertificate() {
        Issued pinned = server(HOST).rsa(1024).issuedBy(INTERMEDIATE).build();
        CertificateAssessor assessor =
                new CertificateAssessor(TrustAnchors.of(List.of(pinned.certificate()), "pinned"));

        assertThat(assessor.assess(List.of(pinned.certificate()), HOST, NOW).problems())
                .containsExactly(WEAK_KEY);
        assertThat(assessor.assess(List.of(pinned.certificate()), "other.example.com", LEAF_UNTIL.plusSeconds(1))
                        .problems())
                .containsExactly(HOSTNAME_MISMATCH, EXPIRED, WEAK_KEY);
        Issued pinnedEc = server(HOST).issuedBy(INTERMEDIATE).build();
        assertThat(new CertificateAssessor(TrustAnchors.of(List.of(pinnedEc.certificate()), "pinned"))
                        .assess(List.of(pinnedEc.certificate()), HOST, NOW)
                        .problems())
                .isEmpty();
    }

    @Test
    void selfSignedLeafIsNotAlsoReportedAsUntrustedRoot() {
        Assessment assessment = new CertificateAssessor(TRUST)
                .assess(List.of(server(HOST).build().certificate()), HOST, NOW);

        assertThat(assessment.problems()).containsExactly(SELF_SIGNED);
        assertThat(assessment.explanation().get(0)).contains("is signed by itself");
    }

    @Test
    void everyProblemHasAnExplanationLine() {
        Assessment assessment = new CertificateAssessor(TRUST)
                .assess(
                        List.of(server(HOST)
                                .rsa(1024)
                                .sha1()
                                .issuedBy(INTERMEDIATE)
                                .build()
                                .certificate()),
                        "imap.example.com",
                        LEAF_UNTIL.plusSeconds(60));

        assertThat(assessment.explanation())
                .anySatisfy(l -> assertThat(l).contains("imap.example.com is not one of them"));
        assertThat(assessment.explanation()).anySatisfy(l -> assertThat(l).startsWith("The certificate expired on"));
        assertThat(assessment.explanation()).anySatisfy(l -> assertThat(l).contains("1024-bit RSA key"));
        assertThat(assessment.explanation()).anySatisfy(l -> assertThat(l).contains("SHA1withECDSA"));
        assertThat(assessment.explanation()).anySatisfy(l -> assertThat(l).startsWith("Chain as sent (leaf first):"));
    }

    @Test
    void noCertificateIsBadInput() {
        assertThatThrownBy(() -> new CertificateAssessor(TRUST).assess(List.of(), HOST, NOW))
                .isInstanceOf(BadInputException.class);
    }
}
