package dev.mailcert.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import dev.mailcert.cert.TestCertificates.Issued;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NameConstraintRulesTest {

    @ParameterizedTest(name = "{0} within {1} -> {2}")
    @CsvSource(textBlock = """
            mail.example.com,     example.com,      true
            example.com,          example.com,      true
            MAIL.EXAMPLE.COM,     example.com,      true
            mail.example.com,     EXAMPLE.com,      true
            *.example.com,        example.com,      true
            mail.badexample.com,  example.com,      false
            example.com,          .example.com,     false
            mail.example.com,     .example.com,     true
            mail.example.com,     mail.example.com, true
            example.com,          mail.example.com, false
            mail.example.org,     example.com,      false
            mail.example.com,     '',               true
            """)
    void dnsNameWithinSubtree(String name, String constraint, boolean within) {
        assertThat(NameConstraintRules.dnsWithin(name, constraint)).isEqualTo(within);
    }

    @ParameterizedTest(name = "{0} within {1}/{2} -> {3}")
    @CsvSource(textBlock = """
            192.0.2.7,     192.0.2.0,   ffffff00,                         true
            192.0.3.7,     192.0.2.0,   ffffff00,                         false
            192.0.2.7,     0.0.0.0,     00000000,                         true
            192.0.2.7,     192.0.2.7,   ffffffff,                         true
            2001:db8::7,   2001:db8::,  ffffffffffffffff0000000000000000, true
            2001:db9::7,   2001:db8::,  ffffffffffffffff0000000000000000, false
            ::ffff:c000:207, 192.0.2.0, ffffff00,                         false
            """)
    void addressWithinSubtree(String address, String base, String mask, boolean within) {
        byte[] octets = address.startsWith("::ffff:")
                ? mapped(address)
                : InetAddresses.forString(address).getAddress();
        byte[] baseOctets = InetAddresses.forString(base).getAddress();
        byte[] constraint = new byte[baseOctets.length * 2];
        System.arraycopy(baseOctets, 0, constraint, 0, baseOctets.length);
        System.arraycopy(HexFormat.of().parseHex(mask), 0, constraint, baseOctets.length, baseOctets.length);

        assertThat(NameConstraintRules.ipWithin(octets, constraint)).isEqualTo(within);
    }

    private static final Issued ROOT = TestCertificates.ca("Constraint Root").build();

    /** An intermediate with these name constraints, and below it a leaf for mail.example.com with more SAN entries. */
    private static List<X509Certificate> chain(
            GeneralSubtree[] permitted, GeneralSubtree[] excluded, GeneralName... leafNames) {
        Issued ca = TestCertificates.ca("Constrained CA")
                .issuedBy(ROOT)
                .extension(Extension.nameConstraints, true, new NameConstraints(permitted, excluded))
                .build();
        return List.of(leafWithNames(ca, leafNames).certificate(), ca.certificate());
    }

    private static Issued leafWithNames(Issued ca, GeneralName... names) {
        GeneralName[] all = new GeneralName[names.length + 1];
        all[0] = new GeneralName(GeneralName.dNSName, "mail.example.com");
        System.arraycopy(names, 0, all, 1, names.length);
        return TestCertificates.leaf("mail.example.com")
                .issuedBy(ca)
                .extension(Extension.subjectAlternativeName, false, new GeneralNames(all))
                .build();
    }

    private static GeneralSubtree[] subtree(GeneralName base) {
        return new GeneralSubtree[] {new GeneralSubtree(base)};
    }

    static Stream<Arguments> otherForms() {
        GeneralName mailbox = new GeneralName(GeneralName.rfc822Name, "postmaster@example.com");
        GeneralName uri = new GeneralName(GeneralName.uniformResourceIdentifier, "https://mail.example.com/x");
        GeneralName other = new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
            new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.9"), new DERTaggedObject(true, 0, new DERUTF8String("a@b"))
        }));
        return Stream.of(
                Arguments.of(
                        "mailbox within a permitted host",
                        chain(subtree(new GeneralName(GeneralName.rfc822Name, "example.com")), null, mailbox),
                        List.of()),
                Arguments.of(
                        "mailbox outside the permitted domain",
                        chain(subtree(new GeneralName(GeneralName.rfc822Name, ".example.org")), null, mailbox),
                        List.of(CertificateProblem.INVALID_CHAIN)),
                Arguments.of(
                        "mailbox excluded",
                        chain(
                                null,
                                subtree(new GeneralName(GeneralName.rfc822Name, "postmaster@example.com")),
                                mailbox),
                        List.of(CertificateProblem.INVALID_CHAIN)),
                Arguments.of(
                        "URI host within",
                        chain(
                                subtree(new GeneralName(GeneralName.uniformResourceIdentifier, ".example.com")),
                                null,
                                uri),
                        List.of()),
                Arguments.of(
                        "URI host excluded",
                        chain(
                                null,
                                subtree(new GeneralName(GeneralName.uniformResourceIdentifier, "mail.example.com")),
                                uri),
                        List.of(CertificateProblem.INVALID_CHAIN)),
                Arguments.of(
                        "otherName under an otherName constraint cannot be checked",
                        chain(subtree(other), null, other),
                        List.of(CertificateProblem.INVALID_CHAIN)),
                Arguments.of(
                        "constraint of another form does not touch DNS names", chain(subtree(other), null), List.of()),
                Arguments.of(
                        "subtree with a maximum",
                        chain(
                                new GeneralSubtree[] {
                                    new GeneralSubtree(
                                            new GeneralName(GeneralName.dNSName, "example.com"),
                                            BigInteger.ZERO,
                                            BigInteger.TWO)
                                },
                                null),
                        List.of(CertificateProblem.INVALID_CHAIN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherForms")
    void otherNameFormsAndBounds(String name, List<X509Certificate> path, List<CertificateProblem> expected) {
        Assessment assessment = new CertificateAssessor(TrustAnchors.of(List.of(ROOT.certificate()), "test root"))
                .assess(path, "mail.example.com", TestCertificates.NOW);

        assertThat(assessment.problems())
                .as(String.join("\n", assessment.explanation()))
                .isEqualTo(expected);
    }

    /** An IPv4-mapped IPv6 address as the 16 octets a certificate holds (never an IPv4 address). */
    private static byte[] mapped(String address) {
        return ReferenceName.octets(address);
    }
}
