package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The main cases against real Debian dnsmasq, Dovecot and Postfix started by scripts/real-lab.sh
 * (scripts/test does it and exports MAILCERT_REAL_*). Tagged {@code real}: plain {@code ./mvnw verify}
 * excludes them; scripts/test runs them.
 */
@Tag("real")
class RealServersTest {
    private static String dns;
    private static String trust;
    private static String offset;
    private static Path pki;

    @BeforeAll
    static void realLab() {
        dns = System.getenv("MAILCERT_REAL_DNS");
        assumeTrue(
                dns != null,
                "the real lab is not running (start it with scripts/real-lab.sh start; scripts/test does)");
        trust = System.getenv("MAILCERT_REAL_TRUST");
        offset = System.getenv().getOrDefault("MAILCERT_REAL_PORT_OFFSET", "10000");
        pki = Path.of(System.getenv("MAILCERT_REAL_PKI"));
    }

    /** {@code check TARGET --server SERVER} pointed at the real lab, then {@code more}. */
    private static Run checkAgainstTheLab(String target, String server, String... more) {
        List<String> args = new ArrayList<>(
                List.of("check", target, "--server", server, "--dns", dns, "--trust", trust, "--port-offset", offset));
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    private static JsonNode check(String target, String server) throws Exception {
        Run run = checkAgainstTheLab(target, server, "--timeout", "20", "--json");
        assertThat(run.err()).isEmpty();
        return new ObjectMapper().readTree(run.out());
    }

    @ParameterizedTest(name = "{0} configured {1}: {2} {3}")
    @CsvSource({
        "alice@customer.test, mail.customer.test, fixable,   srv1.hosting.test",
        "bob@own.test,        mail.own.test,      ok,        mail.own.test",
        "carol@shop.test,     mail.shop.test,     fixable,   mail.hostco.test",
        "dave@cheap.test,     mail.cheap.test,    unfixable, -",
        "erin@florist.test,   mail.florist.test,  fixable,   srv3.sni.test",
    })
    void check_againstDovecotAndPostfix(String target, String server, String verdict, String host) throws Exception {
        JsonNode json = check(target, server);
        assertThat(json.get("verdict").asText()).as(json.toPrettyString()).isEqualTo(verdict);
        Set<String> protocols = new TreeSet<>();
        for (JsonNode r : json.get("recommendations")) {
            assertThat(r.get("host").asText()).isEqualTo(host);
            assertThat(r.get("verified").asBoolean()).isTrue();
            assertThat(r.get("security").asText()).isEqualTo("tls");
            protocols.add(r.get("protocol").asText());
        }
        if (!host.equals("-")) {
            assertThat(protocols).containsExactly("imap", "pop3", "smtp");
        }
        // Dovecot and Postfix both answered, with implicit TLS and with STARTTLS
        assertThat(json.get("endpoints"))
                .filteredOn(e -> e.get("host").asText().equals(server))
                .hasSize(6)
                .allSatisfy(e -> assertThat(e.get("outcome").asText()).isEqualTo("handshake"));
    }

    /**
     * Two chains every client rejects, served by Dovecot and Postfix by SNI on the shared server: a CA whose
     * name constraints do not permit the name, and a leaf with an unknown critical extension. The name is
     * invalid-chain on every endpoint, and the shared server's own name is the verified fix.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "postmaster@constrained.test, mail.constrained.test, permitted subtrees",
        "postmaster@critical.test,    mail.critical.test,    critical extension",
    })
    void check_aChainClientsReject_isInvalidChainAndTheSharedNameIsTheFix(String target, String server, String why)
            throws Exception {
        JsonNode json = check(target, server);

        assertThat(json.get("verdict").asText()).as(json.toPrettyString()).isEqualTo("fixable");
        assertThat(json.get("recommendations")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("host").asText()).isEqualTo("srv1.hosting.test");
            assertThat(r.get("verified").asBoolean()).isTrue();
        });
        assertThat(json.get("endpoints"))
                .filteredOn(e -> e.get("host").asText().equals(server))
                .hasSize(6)
                .allSatisfy(e -> assertThat(e.get("problems"))
                        .extracting(JsonNode::asText)
                        .containsExactly("invalid-chain"));
        Run text = checkAgainstTheLab(target, server, "--timeout", "20");
        assertThat(text.out()).contains(why);
    }

    /**
     * Real clients with default settings (only the lab root as trust): curl and Python's ssl accept the name
     * mailcert recommends on the shared server, and refuse the two names whose chains mailcert calls
     * invalid-chain.
     */
    @ParameterizedTest(name = "{0}: accepted={1}")
    @CsvSource({
        "srv1.hosting.test,     true",
        "mail.constrained.test, false",
        "mail.critical.test,    false",
    })
    void curlAndPythonSsl_agreeWithTheVerdict(String host, boolean accepted) throws Exception {
        int port = 993 + Integer.parseInt(offset);
        Client curl = Client.run(List.of(
                "curl",
                "--silent",
                "--show-error",
                "--max-time",
                "10",
                "--cacert",
                trust,
                "--resolve",
                host + ":" + port + ":127.0.0.2",
                "--user",
                "lab:secret",
                "imaps://" + host + ":" + port + "/"));
        assertThat(curl.code() == 0).as("curl: " + curl.output()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(curl.code())
                    .as("curl refuses the certificate (exit 60): " + curl.output())
                    .isEqualTo(60);
        }

        Client python = Client.run(
                List.of("python3", "-c", PYTHON_HANDSHAKE, host, "127.0.0.2", Integer.toString(port), trust));
        assertThat(python.output()).startsWith(accepted ? "accepted" : "rejected: certificate verify failed");
    }

    /** ssl.create_default_context(): CERT_REQUIRED, host name check, the default flags of this Python. */
    private static final String PYTHON_HANDSHAKE = """
            import socket, ssl, sys
            host, address, port, ca = sys.argv[1:5]
            context = ssl.create_default_context(cafile=ca)
            try:
                with socket.create_connection((address, int(port)), timeout=10) as raw:
                    with context.wrap_socket(raw, server_hostname=host) as tls:
                        print("accepted", tls.version())
            except ssl.SSLCertVerificationError as e:
                print("rejected: certificate verify failed:", e.verify_message)
            """;

    /** A real client run with a deadline: exit code and output (stdout and stderr). */
    private record Client(int code, String output) {
        static Client run(List<String> command) throws Exception {
            Path out = Files.createTempFile("mailcert-client", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("did not finish within 20 s: " + command);
                }
                return new Client(process.exitValue(), Files.readString(out));
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void checkMx_judgesPostfixOnThePort25RelayWithoutChangingTheVerdict() throws Exception {
        Run run = checkAgainstTheLab("bob@own.test", "mail.own.test", "--offline", "--mx", "--json");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("verdict").asText()).isEqualTo("ok");
        int relayPort = 25 + Integer.parseInt(offset);
        assertThat(json.get("endpoints"))
                .filteredOn(e -> e.get("port").asInt() == relayPort)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("host").asText()).isEqualTo("mail.own.test");
                    assertThat(e.get("security").asText()).isEqualTo("starttls");
                    assertThat(e.get("outcome").asText()).isEqualTo("handshake");
                    assertThat(e.get("problems")).isEmpty();
                });
        assertThat(json.get("explanation"))
                .anySatisfy(line -> assertThat(line.asText())
                        .contains("mail.own.test (MX, 127.0.0.3 port " + relayPort
                                + ") accepts mail from other servers"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wildcard.chain.pem   | srv1.hosting.test    | ",
                "wildcard.chain.pem   | mail.customer.test   | hostname-mismatch",
                "expired.chain.pem    | mail.expired.test    | expired",
                "nochain.chain.pem    | mail.nochain.test    | incomplete-chain",
                "selfsigned.chain.pem | mail.selfsigned.test | self-signed",
                "mismatch.chain.pem   | mail.customer.test   | hostname-mismatch",
                "constrained.chain.pem | mail.constrained.test | invalid-chain",
                "critical.chain.pem   | mail.critical.test   | invalid-chain",
            })
    void inspect_theLabsCertificates(String file, String host, String problem) throws Exception {
        Run run = Run.of("inspect", pki.resolve(file).toString(), "--host", host, "--trust", trust, "--json");
        JsonNode json = new ObjectMapper().readTree(run.out());
        if (problem == null) {
            assertThat(run.code()).isZero();
            assertThat(json.get("problems")).isEmpty();
        } else {
            assertThat(run.code()).isEqualTo(1);
            assertThat(json.get("problems")).extracting(JsonNode::asText).contains(problem);
        }
    }
}
