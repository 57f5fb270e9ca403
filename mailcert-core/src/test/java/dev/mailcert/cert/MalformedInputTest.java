package dev.mailcert.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mailcert.BadInputException;
import dev.mailcert.Printable;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seeded random malformed input: PEM text, damaged DER, odd names and hostile chains. Whatever comes
 * in, the only exception is BadInputException and every call returns quickly.
 */
class MalformedInputTest {

    private static final long SEED = 0x6d61696c63657274L;
    private static final int ROUNDS = 400;
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(2);
    private static final String NAME_CHARACTERS = "abcxyz019.-*:[]_%ü. \u0000\u202eAZ";

    private static final List<String> NAME_PIECES = List.of(
            "mail",
            "example",
            ".",
            "..",
            "-",
            "*",
            "*.",
            "xn--",
            "xn--zz",
            "xn--bcher-kva",
            "b\u00fccher",
            "fa\u00df",
            "\u03c2",
            "\u200d",
            "\u200c",
            "\u3002",
            "\uff0e",
            "\u0301",
            "\u0661",
            "\ud83d",
            "\udce7",
            "\ud83d\udce7",
            "\u202e",
            "\u0000",
            "\n",
            "\t",
            " ",
            "_",
            "%",
            "%25eth0",
            "[",
            "]",
            ":",
            "::",
            "ffff:",
            "2001:db8",
            "192.0.2.7",
            "255",
            "256",
            "0x7f",
            "1e3",
            "a".repeat(63),
            "a".repeat(64),
            "\u00e9".repeat(60),
            "COM",
            "\u0130",
            "\ufb01");

    private static final TestCertificates.Issued ROOT =
            TestCertificates.ca("Fuzz Root").build();
    private static final TestCertificates.Issued INTERMEDIATE =
            TestCertificates.ca("Fuzz Intermediate").issuedBy(ROOT).build();
    private static final TestCertificates.Issued LEAF = TestCertificates.leaf("mail.example.com")
            .dns("mail.example.com", "*.example.net", "f*.example.org")
            .ip("192.0.2.7", "2001:db8::1")
            .issuedBy(INTERMEDIATE)
            .build();
    private static final TrustAnchors TRUST = TrustAnchors.of(List.of(ROOT.certificate()), "fuzz roots");

    private final Random random = new Random(SEED);

    @Test
    void randomPemTextIsParsedOrRefusedQuickly() {
        String valid = Pem.write(List.of(LEAF.certificate(), INTERMEDIATE.certificate()));
        for (int round = 0; round < ROUNDS; round++) {
            String text = mutateText(valid);
            List<X509Certificate> certs = guarded("PEM " + round, () -> Pem.readCertificates(text));
            if (certs != null) {
                assertThat(certs).isNotEmpty();
            }
        }
    }

    @Test
    void damagedDerIsRefusedOrAssessedWithoutCrashing() throws CertificateEncodingException {
        byte[] der = LEAF.certificate().getEncoded();
        int parsed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] damaged = mutateBytes(der);
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder().encodeToString(damaged) + "\n-----END CERTIFICATE-----\n";
            List<X509Certificate> certs = guarded("DER " + round, () -> Pem.readCertificates(pem));
            if (certs == null) {
                continue;
            }
            parsed++;
            List<X509Certificate> served = List.of(certs.get(0), INTERMEDIATE.certificate());
            String name = randomName();
            guarded(
                    "inspect " + round + " " + name,
                    () -> Inspector.inspect(served, name, TRUST, TestCertificates.NOW));
            guarded("match " + round, () -> HostnameMatcher.match("mail.example.com", certs.get(0)));
        }
        assertThat(parsed)
                .as("some mutations still parse, so the assessor is exercised")
                .isPositive();
    }

    @Test
    void randomReferenceNamesAreMatchedOrRefused() {
        for (int round = 0; round < ROUNDS * 5; round++) {
            String name = randomName();
            NameMatch match = guarded("name " + round, () -> HostnameMatcher.match(name, LEAF.certificate()));
            if (match != null) {
                assertThat(match.reason()).isNotBlank();
            }
        }
    }

    /**
     * Names as a person might paste them after --host: IDN pieces (deviation characters, joiners,
     * ideographic full stops, combining marks, lone and paired surrogates), punycode prefixes,
     * IPv6 and zone fragments, label-length edges, control characters.
     */
    @Test
    void composedReferenceNamesAreMatchedOrRefused() {
        for (int round = 0; round < ROUNDS * 5; round++) {
            String name = composedName();
            NameMatch match = guarded(
                    "composed name " + round + " " + Printable.of(name),
                    () -> HostnameMatcher.match(name, LEAF.certificate()));
            if (match != null) {
                assertThat(match.reason()).isNotBlank();
            }
        }
    }

    @Test
    void manyServedCertificatesWithTheSameNameStayBounded() {
        List<TestCertificates.Issued> crowd = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // every "Crowd CA" is issued by "Crowd CA" with some other crowd member's key: a dense web of candidates
            TestCertificates.Spec spec = TestCertificates.ca("Crowd CA");
            if (!crowd.isEmpty()) {
                spec.issuedBy(crowd.get(random.nextInt(crowd.size()))).withoutKeyIdentifiers();
            }
            crowd.add(spec.build());
        }
        List<X509Certificate> served = new ArrayList<>();
        served.add(TestCertificates.leaf("mail.example.com")
                .dns("mail.example.com")
                .issuedBy(crowd.get(crowd.size() - 1))
                .withoutKeyIdentifiers()
                .build()
                .certificate());
        for (int i = 0; i < 150; i++) {
            served.add(crowd.get(random.nextInt(crowd.size())).certificate());
        }

        Assessment assessment = guarded(
                "crowd", () -> new CertificateAssessor(TRUST).assess(served, "mail.example.com", TestCertificates.NOW));

        assertThat(assessment).isNotNull();
        assertThat(assessment.valid()).isFalse();
        assertThat(assessment.path().size()).isLessThanOrEqualTo(20);
    }

    /** Runs one call: returns its result, or null after BadInputException; anything else or slowness fails. */
    private static <T> T guarded(String what, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } catch (BadInputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return null;
        } catch (RuntimeException | Error e) {
            return fail(what + " (seed " + SEED + ") threw " + e, e);
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as(what + " took too long").isLessThan(SLOWEST_ALLOWED);
        }
    }

    private String mutateText(String valid) {
        StringBuilder text = new StringBuilder(valid);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, (char) random.nextInt(0x3000));
                case 2 -> text.setCharAt(at, (char) (' ' + random.nextInt(95)));
                case 3 -> text.setLength(at);
                case 4 -> text.insert(at, "-----BEGIN CERTIFICATE-----");
                default -> text.insert(at, "-----END " + (random.nextBoolean() ? "CERTIFICATE" : "X") + "-----");
            }
        }
        return text.toString();
    }

    private byte[] mutateBytes(byte[] der) {
        byte[] copy = Arrays.copyOf(der, der.length);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(copy.length);
            switch (random.nextInt(4)) {
                case 0 -> copy[at] = (byte) random.nextInt(256);
                case 1 -> copy[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> copy = Arrays.copyOf(copy, Math.max(1, at));
                default -> copy[at] = (byte) (random.nextBoolean() ? 0x00 : 0xff);
            }
        }
        return copy;
    }

    private String composedName() {
        StringBuilder name = new StringBuilder();
        int pieces = 1 + random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            name.append(NAME_PIECES.get(random.nextInt(NAME_PIECES.size())));
        }
        return name.toString();
    }

    private String randomName() {
        StringBuilder name = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 1200 : 30);
        for (int i = 0; i < length; i++) {
            name.append(NAME_CHARACTERS.charAt(random.nextInt(NAME_CHARACTERS.length())));
        }
        return name.toString();
    }
}
