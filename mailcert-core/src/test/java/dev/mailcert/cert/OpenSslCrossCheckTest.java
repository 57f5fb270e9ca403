package dev.mailcert.cert;

import static dev.mailcert.cert.CertificateProblem.EXPIRED;
import static dev.mailcert.cert.CertificateProblem.HOSTNAME_MISMATCH;
import static dev.mailcert.cert.CertificateProblem.INCOMPLETE_CHAIN;
import static dev.mailcert.cert.CertificateProblem.INVALID_CHAIN;
import static dev.mailcert.cert.CertificateProblem.NOT_YET_VALID;
import static dev.mailcert.cert.CertificateProblem.NO_SERVER_AUTH;
import static dev.mailcert.cert.CertificateProblem.SELF_SIGNED;
import static dev.mailcert.cert.CertificateProblem.UNTRUSTED_ROOT;
import static dev.mailcert.cert.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.cert.TestCertificates.Issued;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real peer for the rules: the same generated chains judged by OpenSSL, as an administrator would
 * check them by hand:
 *
 * <pre>
 * openssl verify -CAfile root.pem -untrusted rest.pem -attime T -purpose sslserver leaf.pem
 * openssl x509 -in leaf.pem -noout -checkhost NAME     (or -checkip ADDRESS)
 * </pre>
 *
 * Our chain verdict (every code but hostname-mismatch) must equal OpenSSL's verify verdict, and our
 * name verdict its -checkhost verdict. Two rows show where the rules knowingly differ: OpenSSL's
 * default host check still accepts partial wildcards (RFC 6125 §6.4.3 rule 3) and falls back to the
 * subject CN when there are no DNS names; RFC 9525 §6.3 forbids both. Weak keys and SHA-1 are left
 * out: OpenSSL judges them by its configured security level, which differs between systems.
 * Skipped (not failed) where no openssl command is installed.
 */
class OpenSslCrossCheckTest {

    private static final String HOST = "mail.example.com";
    private static final Instant LEAF_FROM = NOW.minus(Duration.ofDays(10));
    private static final Instant LEAF_UNTIL = NOW.plus(Duration.ofDays(80));

    private static final Issued ROOT = TestCertificates.ca("Cross Root CA").build();
    private static final Issued INTERMEDIATE =
            TestCertificates.ca("Cross Intermediate CA").issuedBy(ROOT).build();
    private static final Issued OTHER_ROOT =
            TestCertificates.ca("Cross Other Root").build();

    /** Where OpenSSL's host check knowingly differs from RFC 9525. */
    enum NameRule {
        SAME,
        OPENSSL_ACCEPTS
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void opensslIsInstalled() {
        OpenSslCommand.assumeInstalled();
    }

    private static TestCertificates.Spec server(String name) {
        return TestCertificates.leaf(name).dns(name).validity(LEAF_FROM, LEAF_UNTIL);
    }

    private static Arguments row(
            String name, List<Issued> served, String host, Instant at, NameRule rule, CertificateProblem... ours) {
        return Arguments.of(name, served, host, at, rule, List.of(ours));
    }

    static Stream<Arguments> chains() {
        Issued otherIntermediate = TestCertificates.ca("Cross Other Intermediate")
                .issuedBy(OTHER_ROOT)
                .build();
        Issued notCa = TestCertificates.ca("Cross Intermediate CA")
                .caFlag(false)
                .issuedBy(ROOT)
                .build();
        Issued pathLenZero = TestCertificates.ca("Cross Policy CA")
                .pathLength(0)
                .issuedBy(ROOT)
                .build();
        Issued belowPathLenZero =
                TestCertificates.ca("Cross Issuing CA").issuedBy(pathLenZero).build();
        Issued leaf = server(HOST).issuedBy(INTERMEDIATE).build();
        return Stream.of(
                row("valid", List.of(leaf, INTERMEDIATE), HOST, NOW, NameRule.SAME),
                row(
                        "out of order with extras",
                        List.of(leaf, OTHER_ROOT, otherIntermediate, INTERMEDIATE),
                        HOST,
                        NOW,
                        NameRule.SAME),
                row("expired", List.of(leaf, INTERMEDIATE), HOST, LEAF_UNTIL.plusSeconds(1), NameRule.SAME, EXPIRED),
                row(
                        "not yet valid",
                        List.of(leaf, INTERMEDIATE),
                        HOST,
                        LEAF_FROM.minusSeconds(1),
                        NameRule.SAME,
                        NOT_YET_VALID),
                row("missing intermediate", List.of(leaf), HOST, NOW, NameRule.SAME, INCOMPLETE_CHAIN),
                row(
                        "wrong host",
                        List.of(leaf, INTERMEDIATE),
                        "imap.example.com",
                        NOW,
                        NameRule.SAME,
                        HOSTNAME_MISMATCH),
                row(
                        "wildcard covers one label",
                        List.of(server("*.example.com").issuedBy(INTERMEDIATE).build(), INTERMEDIATE),
                        HOST,
                        NOW,
                        NameRule.SAME),
                row(
                        "wildcard never covers two labels",
                        List.of(server("*.example.com").issuedBy(INTERMEDIATE).build(), INTERMEDIATE),
                        "a.mail.example.com",
                        NOW,
                        NameRule.SAME,
                        HOSTNAME_MISMATCH),
                row(
                        "wildcard never covers the apex",
                        List.of(server("*.example.com").issuedBy(INTERMEDIATE).build(), INTERMEDIATE),
                        "example.com",
                        NOW,
                        NameRule.SAME,
                        HOSTNAME_MISMATCH),
                row(
                        "partial wildcard",
                        List.of(server("m*.example.com").issuedBy(INTERMEDIATE).build(), INTERMEDIATE),
                        HOST,
                        NOW,
                        NameRule.OPENSSL_ACCEPTS,
                        HOSTNAME_MISMATCH),
                row(
                        "subject CN without SANs",
                        List.of(
                                TestCertificates.leaf(HOST)
                                        .validity(LEAF_FROM, LEAF_UNTIL)
                                        .issuedBy(INTERMEDIATE)
                                        .build(),
                                INTERMEDIATE),
                        HOST,
                        NOW,
                        NameRule.OPENSSL_ACCEPTS,
                        HOSTNAME_MISMATCH),
                row(
                        "IP reference and IP entry",
                        List.of(
                                server(HOST)
                                        .ip("2001:db8::7")
                                        .issuedBy(INTERMEDIATE)
                                        .build(),
                                INTERMEDIATE),
                        "2001:db8:0:0:0:0:0:7",
                        NOW,
                        NameRule.SAME),
                row(
                        "IP reference and DNS entry",
                        List.of(server("192.0.2.7").issuedBy(INTERMEDIATE).build(), INTERMEDIATE),
                        "192.0.2.7",
                        NOW,
                        NameRule.SAME,
                        HOSTNAME_MISMATCH),
                row("self-signed", List.of(server(HOST).build()), HOST, NOW, NameRule.SAME, SELF_SIGNED),
                row(
                        "untrusted root sent",
                        List.of(server(HOST).issuedBy(otherIntermediate).build(), otherIntermediate, OTHER_ROOT),
                        HOST,
                        NOW,
                        NameRule.SAME,
                        UNTRUSTED_ROOT),
                row(
                        "intermediate with CA:FALSE",
                        List.of(server(HOST).issuedBy(notCa).build(), notCa),
                        HOST,
                        NOW,
                        NameRule.SAME,
                        INVALID_CHAIN),
                row(
                        "path length exceeded",
                        List.of(server(HOST).issuedBy(belowPathLenZero).build(), belowPathLenZero, pathLenZero),
                        HOST,
                        NOW,
                        NameRule.SAME,
                        INVALID_CHAIN),
                row(
                        "leaf only for clients",
                        List.of(
                                server(HOST)
                                        .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                                        .issuedBy(INTERMEDIATE)
                                        .build(),
                                INTERMEDIATE),
                        HOST,
                        NOW,
                        NameRule.SAME,
                        NO_SERVER_AUTH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void verdictsAgreeWithOpenSsl(
            String name, List<Issued> served, String host, Instant at, NameRule rule, List<CertificateProblem> expected)
            throws Exception {
        Assessment ours = new CertificateAssessor(TrustAnchors.of(List.of(ROOT.certificate()), "cross roots"))
                .assess(served.stream().map(Issued::certificate).toList(), host, at);
        assertThat(ours.problems()).as(String.join("\n", ours.explanation())).isEqualTo(expected);

        boolean ourChainValid = ours.problems().stream().allMatch(p -> p == HOSTNAME_MISMATCH);
        boolean ourNameValid = !ours.problems().contains(HOSTNAME_MISMATCH);
        String verify = opensslVerify(served, at);
        String check = opensslCheckName(served.get(0), host);

        assertThat(verify.strip().endsWith(": OK"))
                .as("openssl verify said: " + verify)
                .isEqualTo(ourChainValid);
        boolean opensslNameValid = !check.contains("NOT match");
        assertThat(check).as("openssl gave a host verdict").contains("match");
        switch (rule) {
            case SAME ->
                assertThat(opensslNameValid).as("openssl said: " + check).isEqualTo(ourNameValid);
            case OPENSSL_ACCEPTS -> {
                assertThat(opensslNameValid).as("openssl said: " + check).isTrue();
                assertThat(ourNameValid)
                        .as("RFC 9525 §6.3 refuses what OpenSSL accepts")
                        .isFalse();
            }
        }
    }

    private String opensslVerify(List<Issued> served, Instant at) throws Exception {
        Path root = write("root.pem", List.of(ROOT));
        Path leaf = write("leaf.pem", served.subList(0, 1));
        List<String> command = new ArrayList<>(List.of(
                "openssl",
                "verify",
                "-CAfile",
                root.toString(),
                "-attime",
                Long.toString(at.getEpochSecond()),
                "-purpose",
                "sslserver"));
        if (served.size() > 1) {
            command.addAll(List.of(
                    "-untrusted",
                    write("rest.pem", served.subList(1, served.size())).toString()));
        }
        command.add(leaf.toString());
        return run(command);
    }

    private String opensslCheckName(Issued leaf, String host) throws Exception {
        boolean address = host.indexOf(':') >= 0 || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        return run(List.of(
                "openssl",
                "x509",
                "-in",
                write("leaf.pem", List.of(leaf)).toString(),
                "-noout",
                address ? "-checkip" : "-checkhost",
                host));
    }

    private Path write(String file, List<Issued> certs) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(
                path, Pem.write(certs.stream().map(Issued::certificate).toList()), StandardCharsets.US_ASCII);
        return path;
    }

    private String run(List<String> command) throws Exception {
        return OpenSslCommand.run(command, dir);
    }
}
