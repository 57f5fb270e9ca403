package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        assumeTrue(dns != null, "the real lab is not running (start it with scripts/real-lab.sh start; scripts/test does)");
        trust = System.getenv("MAILCERT_REAL_TRUST");
        offset = System.getenv().getOrDefault("MAILCERT_REAL_PORT_OFFSET", "10000");
        pki = Path.of(System.getenv("MAILCERT_REAL_PKI"));
    }

    private static JsonNode check(String target, String server) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", target, "--server", server, "--dns", dns, "--trust", trust,
                "--port-offset", offset, "--timeout", "20", "--json"));
        Run run = Run.of(args.toArray(String[]::new));
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
        assertThat(json.get("endpoints")).filteredOn(e -> e.get("host").asText().equals(server))
                .hasSize(6).allSatisfy(e -> assertThat(e.get("outcome").asText()).isEqualTo("handshake"));
    }

    @org.junit.jupiter.api.Test
    void checkMx_judgesPostfixOnThePort25RelayWithoutChangingTheVerdict() throws Exception {
        List<String> args = List.of("check", "bob@own.test", "--server", "mail.own.test", "--dns", dns, "--trust", trust,
                "--port-offset", offset, "--offline", "--mx", "--json");
        Run run = Run.of(args.toArray(String[]::new));
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("verdict").asText()).isEqualTo("ok");
        int relayPort = 25 + Integer.parseInt(offset);
        assertThat(json.get("endpoints")).filteredOn(e -> e.get("port").asInt() == relayPort).singleElement().satisfies(e -> {
            assertThat(e.get("host").asText()).isEqualTo("mail.own.test");
            assertThat(e.get("security").asText()).isEqualTo("starttls");
            assertThat(e.get("outcome").asText()).isEqualTo("handshake");
            assertThat(e.get("problems")).isEmpty();
        });
        assertThat(json.get("explanation")).anySatisfy(line -> assertThat(line.asText())
                .contains("mail.own.test (MX, 127.0.0.3 port " + relayPort + ") accepts mail from other servers"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "wildcard.chain.pem   | srv1.hosting.test    | ",
            "wildcard.chain.pem   | mail.customer.test   | hostname-mismatch",
            "expired.chain.pem    | mail.expired.test    | expired",
            "nochain.chain.pem    | mail.nochain.test    | incomplete-chain",
            "selfsigned.chain.pem | mail.selfsigned.test | self-signed",
            "mismatch.chain.pem   | mail.customer.test   | hostname-mismatch",
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
