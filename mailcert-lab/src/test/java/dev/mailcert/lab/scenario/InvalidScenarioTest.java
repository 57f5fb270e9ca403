package dev.mailcert.lab.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each broken file yields one line that names the field and what was wrong. */
class InvalidScenarioTest {
    private static final String VALID = """
            name: t
            description: d
            user: a@b.example
            server: mail.b.example
            expect: ok
            dns: 127.0.99.53
            zone: |
              mail.b.example. A 127.0.99.7
            certificates:
              c:
                names: [mail.b.example]
            servers:
              - address: 127.0.99.7
                certificate: c
            """;

    /** Columns: text to replace in the valid file, its replacement, the expected message. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "name: t"                 | "name: Bad Name"                 | t.yaml: name: expected lower-case letters, digits and dashes, got 'Bad Name'
            "description: d\\n"       | ""                               | t.yaml: description: missing (required)
            "user: a@b.example"       | "user: nobody"                   | t.yaml: user: expected a mail address such as alice@customer.example, got 'nobody'
            "expect: ok"              | "expect: fine"                   | t.yaml: expect: expected ok, fixable, unfixable or unreachable, got 'fine'
            "expect: ok"              | "expect: fixable"                | t.yaml: recommend: missing: a fixable scenario names the host a check should recommend
            "expect: ok"              | "expect: ok\\nrecommend: x.example" | t.yaml: recommend: only a fixable scenario recommends a host (expect is ok)
            "dns: 127.0.99.53"        | "dns: 192.0.2.53"                | t.yaml: dns: expected a loopback IPv4 address such as 127.0.10.7, got '192.0.2.53'
            "  mail.b.example. A"     | "  mail.b.example A"             | t.yaml: zone: line 1: name 'mail.b.example' must be absolute (end with a dot)
            "names: [mail.b.example]" | "names: []"                      | t.yaml: certificates.c.names: must list at least one name
            "names: [mail.b.example]" | "names: [mail.b.example]\\n    issuer: friend" | t.yaml: certificates.c.issuer: expected intermediate, root or self, got 'friend'
            "names: [mail.b.example]" | "names: [mail.b.example]\\n    keyBits: lots"  | t.yaml: certificates.c.keyBits: expected a whole number, got 'lots'
            "names: [mail.b.example]" | "names: [mail.b.example]\\n    notBefore: -1d\\n    notAfter: -2d" | t.yaml: certificates.c.notAfter: must lie after notBefore
            "names: [mail.b.example]" | "names: [mail.b.example]\\n    signature: MD5withRSA" | t.yaml: certificates.c.signature: unknown signature algorithm 'MD5withRSA' (expected SHA256withRSA or SHA1withRSA)
            "certificate: c"          | "certificate: d"                 | t.yaml: servers[0].certificate: no certificate named 'd' (defined: c)
            "certificate: c"          | "certificate: c\\n    services: [imap]" | t.yaml: servers[0].services[0]: unknown service 'imap' (expected one of imap-tls, imap-starttls, pop3-tls, pop3-starttls, smtp-tls, smtp-starttls)
            "certificate: c"          | "certificate: c\\n    starttls: maybe" | t.yaml: servers[0].starttls: expected true or false, got 'maybe'
            "certificate: c"          | "certificate: c\\n    sni: {x.example: e}" | t.yaml: servers[0].sni.x.example: no certificate named 'e' (defined: c)
            "certificate: c"          | "certificate: c\\n  - address: 127.0.99.7\\n    certificate: c" | t.yaml: servers[1].address: 127.0.99.7 is already used by servers[0]
            "address: 127.0.99.7"     | "adress: 127.0.99.7"             | t.yaml: servers[0].adress: unknown field (expected one of: address, certificate, hostname, services, sni, starttls)
            "dns: 127.0.99.53"        | "dns: 127.0.99.53\\nrtt: fast"   | t.yaml: rtt: expected a round-trip time such as 40ms or 1s, got 'fast'
            "dns: 127.0.99.53"        | "dns: 127.0.99.53\\nrtt: 20s"    | t.yaml: rtt: expected a round-trip time of at most 10000 ms, got '20s'
            "name: t"                 | "name: t\\nname: u"              | t.yaml: not valid YAML at line 2: Duplicate field 'name'
            "  - address"             | "  -- address: [\\n"             | t.yaml: not valid YAML at line 13: while parsing a flow node
            """)
    void invalidFieldIsNamed(String original, String replacement, String message) {
        String yaml = VALID.replace(original.translateEscapes(), replacement.translateEscapes());

        assertThatThrownBy(() -> Scenario.parse(yaml, "t.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''            | t.yaml: expected a mapping of fields
            just text     | t.yaml: expected a mapping of fields
            'servers: []' | t.yaml: expect: missing (required)
            """)
    void documentsThatAreNotScenarios(String yaml, String message) {
        assertThatThrownBy(() -> Scenario.parse(yaml, "t.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
