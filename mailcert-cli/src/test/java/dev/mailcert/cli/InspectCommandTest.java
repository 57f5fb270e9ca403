package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.cert.Pem;
import dev.mailcert.lab.pki.CertificateSpec;
import dev.mailcert.lab.pki.IssuedCertificate;
import dev.mailcert.lab.pki.Issuer;
import dev.mailcert.lab.pki.LabPki;
import dev.mailcert.lab.pki.RuleChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code mailcert inspect} in process: generated chains in files, exit codes, text and JSON as a person and a script see them. */
class InspectCommandTest {

    /** The lab PKIs are dated from here; leaves are valid from a day before to 90 days after. */
    private static final Instant ISSUED = Instant.parse("2025-06-01T00:00:00Z");

    private static final String DURING = "2025-06-15T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LabPki pki;
    private static LabPki otherPki;
    private static IssuedCertificate webhost;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        pki = LabPki.create(Clock.fixed(ISSUED, ZoneOffset.UTC));
        otherPki = LabPki.create(Clock.fixed(ISSUED, ZoneOffset.UTC));
        webhost = pki.issue(CertificateSpec.forNames("*.webhost.example", "webhost.example"));
    }

    private Path file(String name, X509Certificate... certs) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, Pem.write(List.of(certs)), StandardCharsets.US_ASCII);
        return path;
    }

    private Path roots() throws IOException {
        return file("roots.pem", pki.root());
    }

    private Run inspect(Path chain, String host, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("inspect", chain.toString(), "--host", host));
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    private Run inspectWithLabRoot(Path chain, String host, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--trust", roots().toString(), "--at", DURING));
        args.addAll(List.of(more));
        return inspect(chain, host, args.toArray(String[]::new));
    }

    @Test
    void validChain_exit0_verdictFirstThenWhyThenChainAsBuilt() throws IOException {
        Run run = inspectWithLabRoot(file("chain.pem", webhost.leaf(), pki.intermediate()), "srv12.webhost.example");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("VALID  the certificate is valid for srv12.webhost.example.\n\nWhy\n"
                        + "  - srv12.webhost.example is covered by the certificate entry *.webhost.example"
                        + " (a wildcard covers one label).\n"
                        + "  - The certificate chains to the trusted authority 'CN=Lab Root CA' (trusted: " + roots()
                        + ") and is within its validity period.\n\n"
                        + "Chain as built (leaf first; checked at 2025-06-15T00:00:00Z; trusted: " + roots() + ")\n"
                        + "  1. CN=*.webhost.example\n"
                        + "     issued by CN=Lab Intermediate CA, valid 2025-05-31T00:00:00Z to 2025-08-30T00:00:00Z\n"
                        + "     names *.webhost.example, webhost.example\n"
                        + "  2. CN=Lab Intermediate CA\n");
        assertThat(run.out()).contains("  3. CN=Lab Root CA\n");
    }

    @Test
    void mismatch_exit1_namesWhatIsCoveredAndTheRule() throws IOException {
        Run run = inspectWithLabRoot(file("chain.pem", webhost.leaf(), pki.intermediate()), "mail.customer.example");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("NOT VALID  mail.customer.example: the certificate does not cover this server name.\n"
                        + "  Problems: hostname-mismatch\n\nWhy\n"
                        + "  - The certificate covers *.webhost.example and webhost.example; mail.customer.example is not one of"
                        + " them: a wildcard covers exactly one label, and *.webhost.example covers only names directly below"
                        + " webhost.example (such as mail.webhost.example).\n\nChain as built");
    }

    @Test
    void missingIntermediate_exit1_showsTheChainAsSentAndTheMissingLink() throws IOException {
        Run run = inspectWithLabRoot(file("leaf-only.pem", webhost.leaf()), "srv12.webhost.example");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("NOT VALID  srv12.webhost.example: the server does not send the intermediate"
                        + " certificate(s) needed to reach a trusted authority.\n  Problems: incomplete-chain\n");
        assertThat(run.out())
                .contains(
                        "  - The server sent 1 certificate; the issuer 'CN=Lab Intermediate CA' of"
                                + " 'CN=*.webhost.example' is not included and is not a trusted authority (trusted: "
                                + roots() + ").\n"
                                + "  - Chain as sent (leaf first): 'CN=*.webhost.example' issued by 'CN=Lab Intermediate CA'.\n");
        assertThat(run.out())
                .endsWith("  1. CN=*.webhost.example\n"
                        + "     issued by CN=Lab Intermediate CA, valid 2025-05-31T00:00:00Z to 2025-08-30T00:00:00Z\n"
                        + "     names *.webhost.example, webhost.example\n"
                        + "  2. missing: CN=Lab Intermediate CA (neither sent by the server nor trusted)\n");
    }

    @Test
    void chainOutOfOrderWithExtras_isBuiltFromTheLeaf() throws IOException {
        IssuedCertificate stranger = otherPki.issue(CertificateSpec.forNames("other.example"));
        Path chain = file(
                "chain.pem",
                webhost.leaf(),
                otherPki.root(),
                stranger.leaf(),
                pki.root(),
                otherPki.intermediate(),
                pki.intermediate());

        Run run = inspectWithLabRoot(chain, "webhost.example", "--json");

        assertThat(run.code()).as(run.out()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("chain").findValuesAsText("subject"))
                .containsExactly("CN=*.webhost.example", "CN=Lab Intermediate CA", "CN=Lab Root CA");
        assertThat(json.get("chain").get(1).get("sha256").asText()).isEqualTo(sha256(pki.intermediate()));
    }

    @Test
    void json_hasExactlyTheFixedFieldsAndExplanation() throws Exception {
        Run run = inspectWithLabRoot(
                file("chain.pem", webhost.leaf(), pki.intermediate()), "srv12.webhost.example", "--json");

        assertThat(run.code()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("valid", "problems", "certificate", "chain", "explanation");
        assertThat(json.get("valid").isBoolean()).isTrue();
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("problems").isArray()).isTrue();
        assertThat(json.get("problems")).isEmpty();
        JsonNode leaf = json.get("certificate");
        assertThat(fieldNames(leaf))
                .containsExactly("subject", "issuer", "dnsNames", "notBefore", "notAfter", "sha256");
        assertThat(leaf.get("subject").asText()).isEqualTo("CN=*.webhost.example");
        assertThat(leaf.get("issuer").asText()).isEqualTo("CN=Lab Intermediate CA");
        assertThat(texts(leaf.get("dnsNames"))).containsExactly("*.webhost.example", "webhost.example");
        assertThat(leaf.get("notBefore").asText()).isEqualTo("2025-05-31T00:00:00Z");
        assertThat(leaf.get("notAfter").asText()).isEqualTo("2025-08-30T00:00:00Z");
        assertThat(leaf.get("sha256").asText()).isEqualTo(sha256(webhost.leaf()));
        assertThat(json.get("chain")).hasSize(3);
        assertThat(json.get("chain").get(0)).isEqualTo(leaf);
        assertThat(texts(json.get("explanation")))
                .hasSize(2)
                .first()
                .asString()
                .isEqualTo("srv12.webhost.example is covered by the certificate entry *.webhost.example"
                        + " (a wildcard covers one label).");
    }

    @Test
    void json_listsEveryProblemCode() throws Exception {
        Run run = inspect(
                file("leaf-only.pem", webhost.leaf()),
                "mail.customer.example",
                "--trust",
                roots().toString(),
                "--at",
                "2025-09-01T00:00:00Z",
                "--json");

        assertThat(run.code()).isEqualTo(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(texts(json.get("problems"))).containsExactly("hostname-mismatch", "expired", "incomplete-chain");
        assertThat(json.get("chain")).hasSize(1);
        assertThat(texts(json.get("explanation"))).hasSize(4);
    }

    @Test
    void at_changesTheVerdictForAnExpiredChain() throws Exception {
        IssuedCertificate shortLived = pki.issue(
                CertificateSpec.forNames("mail.example.com").validBetween(Duration.ofDays(-1), Duration.ofDays(30)));
        Path chain = file("chain.pem", shortLived.chainAsServed().toArray(X509Certificate[]::new));
        String trust = roots().toString();

        Run during = inspect(chain, "mail.example.com", "--trust", trust, "--at", "2025-06-10T00:00:00Z");
        Run lastSecond = inspect(chain, "mail.example.com", "--trust", trust, "--at", "2025-07-01T00:00:00Z");
        Run after = inspect(chain, "mail.example.com", "--trust", trust, "--at", "2025-07-01T00:00:01Z", "--json");
        Run now = inspect(chain, "mail.example.com", "--trust", trust, "--json");

        assertThat(during.code()).as(during.out()).isZero();
        assertThat(lastSecond.code())
                .as("notAfter itself is still valid (RFC 5280 §4.1.2.5)")
                .isZero();
        assertThat(after.code()).isEqualTo(1);
        assertThat(texts(JSON.readTree(after.out()).get("problems"))).containsExactly("expired");
        assertThat(texts(JSON.readTree(after.out()).get("explanation")))
                .containsExactly("The certificate expired on 2025-07-01T00:00:00Z (checked at 2025-07-01T00:00:01Z).");
        assertThat(now.code())
                .as("without --at the chain is judged now, long after it expired")
                .isEqualTo(1);
        assertThat(texts(JSON.readTree(now.out()).get("problems"))).contains("expired");
    }

    @Test
    void trust_usesExactlyTheRootsInTheFile() throws Exception {
        Path chain = file("chain.pem", webhost.leaf(), pki.intermediate());
        Path otherRoot = file("other-root.pem", otherPki.root());
        Path both = file("both.pem", otherPki.root(), pki.root());

        Run other = inspect(chain, "webhost.example", "--trust", otherRoot.toString(), "--at", DURING, "--json");
        Run withBoth = inspect(chain, "webhost.example", "--trust", both.toString(), "--at", DURING);
        Run system = inspect(chain, "webhost.example", "--at", DURING, "--json");

        assertThat(other.code()).isEqualTo(1);
        assertThat(texts(JSON.readTree(other.out()).get("problems")))
                .as("a root with the same name but another key is not the issuer")
                .containsExactly("incomplete-chain");
        assertThat(JSON.readTree(other.out()).get("explanation").get(0).asText())
                .endsWith("(trusted: " + otherRoot + ").");
        assertThat(withBoth.code()).as(withBoth.out()).isZero();
        assertThat(system.code())
                .as("the lab root is not in the JDK's trust store")
                .isEqualTo(1);
        assertThat(texts(JSON.readTree(system.out()).get("problems"))).containsExactly("incomplete-chain");
        assertThat(JSON.readTree(system.out()).get("explanation").get(0).asText())
                .contains("(trusted: the JDK's default trust store (cacerts))");
    }

    @Test
    void selfSigned_isSaidInPlainWords() throws IOException {
        IssuedCertificate self =
                pki.issue(CertificateSpec.forNames("mail.example.com").issuedBy(Issuer.SELF));

        Run run = inspectWithLabRoot(file("self.pem", self.leaf()), "mail.example.com");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("NOT VALID  mail.example.com: the certificate is self-signed: no authority"
                        + " vouches for it.\n  Problems: self-signed\n\nWhy\n  - The certificate 'CN=mail.example.com' is signed"
                        + " by itself; no trusted authority vouches for it");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing file            | inspect DIR/none.pem --host mail.example.com                     | none.pem: no such file
            directory               | inspect DIR --host mail.example.com                              | it is not a regular file
            PEM garbage             | inspect DIR/garbage.pem --host mail.example.com                  | certificate 1 is damaged: its text is not valid base64
            not PEM at all          | inspect DIR/text.pem --host mail.example.com                     | contains no certificate
            DER but no certificate  | inspect DIR/sequence.der --host mail.example.com                 | sequence.der (read as DER) is not a valid X.509 certificate
            empty file              | inspect DIR/empty.pem --host mail.example.com                    | contains no certificate
            invalid --at            | inspect DIR/chain.pem --host mail.example.com --at yesterday     | --at: not an ISO instant (e.g. 2026-01-31T12:00:00Z): yesterday
            date without time       | inspect DIR/chain.pem --host mail.example.com --at 2025-06-01    | --at: not an ISO instant
            invalid IDN --host      | inspect DIR/chain.pem --host xn--zz.example                      | not a valid host name (invalid IDN label xn--zz): xn--zz.example
            --host with underscore  | inspect DIR/chain.pem --host bü_cher.example                     | not a valid host name
            --host with zone index  | inspect DIR/chain.pem --host fe80::1%eth0                        | zone index
            --host bad IPv4         | inspect DIR/chain.pem --host 192.0.2.256                         | not a valid IP address: 192.0.2.256
            --host missing          | inspect DIR/chain.pem                                            | Missing required option: '--host=NAME'
            --trust missing         | inspect DIR/chain.pem --host mail.example.com --trust DIR/no.pem | no.pem: no such file
            --trust garbage         | inspect DIR/chain.pem --host mail.example.com --trust DIR/text.pem | contains no certificate
            """)
    void badInput_oneLineAndExit2(String what, String args, String message) throws IOException {
        file("chain.pem", webhost.leaf(), pki.intermediate());
        Files.writeString(
                dir.resolve("garbage.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("text.pem"), "just some words\n");
        Files.writeString(dir.resolve("empty.pem"), "");
        Files.write(dir.resolve("sequence.der"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});

        Run run = Run.of(args.replace("DIR", dir.toString()).split(" "));

        assertThat(run.code()).as(what).isEqualTo(2);
        assertThat(run.out()).as(what).isEmpty();
        assertThat(run.err())
                .as(what)
                .startsWith("mailcert: ")
                .contains(message)
                .endsWith("\n");
        assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RuleChain.class)
    void ruleConstruction_givesTheCodeNamedAndExit1(RuleChain construction) throws IOException {
        RuleChain.Built chain = construction.build(ISSUED);
        Files.writeString(dir.resolve("served.pem"), chain.servedPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("root.pem"), chain.rootPem(), StandardCharsets.US_ASCII);

        Run run = inspect(
                dir.resolve("served.pem"),
                chain.host(),
                "--trust",
                dir.resolve("root.pem").toString(),
                "--at",
                ISSUED.toString(),
                "--json");

        assertThat(run.err()).as(construction.description()).isEmpty();
        JsonNode json = JSON.readTree(run.out());
        if (construction.expectedProblem().isEmpty()) {
            assertThat(run.code()).as(run.out()).isZero();
            assertThat(texts(json.get("problems"))).isEmpty();
        } else {
            assertThat(run.code()).as(run.out()).isEqualTo(1);
            assertThat(texts(json.get("problems"))).as(run.out()).containsExactly(construction.expectedProblem());
        }
    }

    @Test
    void derCertificateTheJdkRefuses_isAFindingNotBadInput() throws IOException {
        RuleChain.Built chain = RuleChain.DUPLICATE_EXTENSION.build(ISSUED);
        Files.write(dir.resolve("leaf.der"), chain.served().get(0));
        Files.writeString(dir.resolve("root.pem"), chain.rootPem(), StandardCharsets.US_ASCII);

        Run run = inspect(
                dir.resolve("leaf.der"),
                chain.host(),
                "--trust",
                dir.resolve("root.pem").toString(),
                "--at",
                ISSUED.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith(
                        "NOT VALID  mail.example.com: the certificate chain breaks the rules (RFC 5280)."
                                + "\n  Problems: invalid-chain\n\nWhy\n  - The server's certificate 'CN=mail.example.com' is DER but"
                                + " breaks X.509, so TLS clients refuse the chain as a whole: the JDK says: Duplicate extensions not allowed.");
        assertThat(run.out()).contains("  1. CN=mail.example.com\n     issued by CN=Rule Intermediate CA");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
