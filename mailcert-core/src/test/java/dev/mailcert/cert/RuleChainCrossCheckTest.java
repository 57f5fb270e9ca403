package dev.mailcert.cert;

import static dev.mailcert.cert.RuleChainCrossCheckTest.Client.ACCEPTS;
import static dev.mailcert.cert.RuleChainCrossCheckTest.Client.NOT_APPLICABLE;
import static dev.mailcert.cert.RuleChainCrossCheckTest.Client.REJECTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.lab.pki.RuleChain;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every certificate rule judged three times on the same generated chain ({@link RuleChain}): by
 * mailcert, by OpenSSL as an administrator would run it, and by the JDK's own PKIX validator:
 *
 * <pre>
 * openssl verify -x509_strict -auth_level 2 -purpose sslserver -verify_hostname HOST
 *                -CAfile root.pem -untrusted rest.pem -attime T leaf.pem
 * CertPathValidator.getInstance("PKIX") with the root as the only TrustAnchor, revocation off, date T
 * </pre>
 *
 * The table says what each client does; where one differs from mailcert the reason is in
 * docs/certificate-rules.md ("Where real clients differ"). The JDK's PKIX validator does not check host
 * names, so it does not apply to the wildcard row. Skipped (not failed) where no openssl command exists.
 */
class RuleChainCrossCheckTest {

    private static final Instant NOW = TestCertificates.NOW;

    enum Client {
        ACCEPTS,
        REJECTS,
        NOT_APPLICABLE
    }

    /** What OpenSSL and the JDK's PKIX validator do with each construction, as measured. */
    private record Peers(Client openssl, Client jdkPkix) {}

    private static final Map<RuleChain, Peers> PEERS = new EnumMap<>(Map.ofEntries(
            Map.entry(RuleChain.VALID, new Peers(ACCEPTS, ACCEPTS)),
            Map.entry(RuleChain.CRITICAL_UNKNOWN_EXTENSION_ON_LEAF, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.CRITICAL_UNKNOWN_EXTENSION_ON_INTERMEDIATE, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.CRITICAL_UNKNOWN_EXTENSION_ON_ROOT, new Peers(REJECTS, ACCEPTS)),
            Map.entry(RuleChain.CRITICAL_AIA_ON_LEAF, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.CRITICAL_AKI_ON_INTERMEDIATE, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.MALFORMED_AIA_ON_LEAF, new Peers(ACCEPTS, ACCEPTS)),
            Map.entry(RuleChain.MALFORMED_SKI_ON_LEAF, new Peers(REJECTS, ACCEPTS)),
            Map.entry(RuleChain.NAME_CONSTRAINT_DNS_PERMITTED, new Peers(ACCEPTS, ACCEPTS)),
            Map.entry(RuleChain.NAME_CONSTRAINT_DNS_NOT_PERMITTED, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.NAME_CONSTRAINT_DNS_EXCLUDED, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.NAME_CONSTRAINT_IP_NOT_PERMITTED, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.NAME_CONSTRAINT_IP_EXCLUDED, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.NAME_CONSTRAINT_DIRECTORY_NOT_PERMITTED, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.NAME_CONSTRAINT_DIRECTORY_EXCLUDED, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.NAME_CONSTRAINT_ON_ROOT, new Peers(REJECTS, ACCEPTS)),
            Map.entry(RuleChain.KEY_CERT_SIGN_ON_LEAF, new Peers(REJECTS, ACCEPTS)),
            Map.entry(RuleChain.EXPIRED_ROOT, new Peers(REJECTS, ACCEPTS)),
            Map.entry(RuleChain.RSA_1024_ROOT, new Peers(REJECTS, ACCEPTS)),
            Map.entry(RuleChain.P192_LEAF, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.DSA_LEAF, new Peers(ACCEPTS, ACCEPTS)),
            Map.entry(RuleChain.WILDCARD_OVER_PRIVATE_SUFFIX, new Peers(ACCEPTS, NOT_APPLICABLE)),
            Map.entry(RuleChain.DUPLICATE_EXTENSION, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.EMPTY_ISSUER, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.EXPLICIT_CURVE, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.SIGNATURE_ALGORITHM_MISMATCH, new Peers(REJECTS, REJECTS)),
            Map.entry(RuleChain.UNUSABLE_ISSUER_KEY, new Peers(REJECTS, REJECTS))));

    @TempDir
    Path dir;

    @BeforeAll
    static void opensslIsInstalled() {
        OpenSslCommand.assumeInstalled();
    }

    static Stream<Arguments> constructions() {
        return Stream.of(RuleChain.values()).map(c -> Arguments.of(c, c.build(NOW)));
    }

    @Test
    void everyConstructionHasMeasuredPeers() {
        assertThat(PEERS.keySet()).containsExactlyInAnyOrder(RuleChain.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructions")
    void mailcertJudgesAsTheRuleSaysAndPeersAsMeasured(RuleChain construction, RuleChain.Built chain) throws Exception {
        Path served = write("chain.pem", chain.servedPem());
        Path root = write("root.pem", chain.rootPem());
        Inspection ours = Inspector.inspect(Pem.readServed(served), chain.host(), TrustAnchors.fromPem(root), NOW);
        List<String> codes =
                ours.problems().stream().map(CertificateProblem::code).toList();
        String why = String.join("\n", ours.explanation());

        if (construction.expectedProblem().isEmpty()) {
            assertThat(codes).as(why).isEmpty();
        } else {
            assertThat(codes).as(why).containsExactly(construction.expectedProblem());
        }
        Peers peers = PEERS.get(construction);
        String openssl = opensslVerify(chain);
        assertThat(openssl.strip().endsWith(": OK") ? ACCEPTS : REJECTS)
                .as("openssl verify said: " + openssl)
                .isEqualTo(peers.openssl());
        if (peers.jdkPkix() != NOT_APPLICABLE) {
            assertThat(jdkPkix(chain)).isEqualTo(peers.jdkPkix());
        }
    }

    private String opensslVerify(RuleChain.Built chain) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "openssl",
                "verify",
                "-x509_strict",
                "-auth_level",
                "2",
                "-purpose",
                "sslserver",
                "-verify_hostname",
                chain.host(),
                "-CAfile",
                write("root.pem", chain.rootPem()).toString(),
                "-attime",
                Long.toString(NOW.getEpochSecond())));
        if (chain.served().size() > 1) {
            command.addAll(List.of(
                    "-untrusted",
                    write(
                                    "rest.pem",
                                    pem(chain.served().subList(1, chain.served().size())))
                            .toString()));
        }
        command.add(write("leaf.pem", pem(chain.served().subList(0, 1))).toString());
        return run(command);
    }

    /** The JDK's PKIX validator: any certificate it cannot parse, or a path it refuses, is a rejection. */
    private static Client jdkPkix(RuleChain.Built chain) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> path = new ArrayList<>();
            for (byte[] der : chain.served()) {
                path.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            X509Certificate root =
                    (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(chain.root()));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(NOW));
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
            return ACCEPTS;
        } catch (CertificateException | CertPathValidatorException e) {
            return REJECTS;
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the JDK's PKIX validator could not run", e);
        }
    }

    private static String pem(List<byte[]> ders) {
        return new RuleChain.Built(RuleChain.VALID, ders, ders.get(0), "", new byte[0]).servedPem();
    }

    private Path write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, text, StandardCharsets.US_ASCII);
        return path;
    }

    private String run(List<String> command) throws Exception {
        return OpenSslCommand.run(command, dir);
    }
}
