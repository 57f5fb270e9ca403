package dev.mailcert.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioWebTest {
    private static final String BASE = """
            name: web
            description: web servers
            user: a@b.example
            server: mail.b.example
            expect: ok
            dns: 127.0.41.53
            zone: |
              mail.b.example. A 127.0.41.7
            certificates:
              c: { names: [mail.b.example] }
            servers:
              - address: 127.0.41.7
                certificate: c
            """;

    @Test
    void webServersAreOptional() {
        assertThat(Scenario.parse(BASE, "s.yaml").web()).isEmpty();
    }

    @Test
    void webServerCarriesItsContentVerbatim() {
        Scenario s = Scenario.parse(BASE + """
                web:
                  - address: 127.0.41.7
                    certificate: c
                    sni: { autoconfig.b.example: c }
                    autoconfig: "<clientConfig/>"
                """, "s.yaml");
        ScenarioWeb web = s.web().get(0);
        assertThat(web.address().getHostAddress()).isEqualTo("127.0.41.7");
        assertThat(web.sni()).containsEntry("autoconfig.b.example", "c");
        assertThat(web.autoconfig()).contains("<clientConfig/>");
        assertThat(web.autodiscover()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            [{address: 127.0.41.9, certificate: nope}];                                     web[0].certificate: no certificate named 'nope'
            [{address: 10.0.0.1, certificate: c}];                                          web[0].address: expected a loopback IPv4 address
            [{address: 127.0.41.9, certificate: c, autoconf: x}];                           web[0].autoconf: unknown field
            [{address: 127.0.41.9, certificate: c}, {address: 127.0.41.9, certificate: c}]; web[1].address: 127.0.41.9 is already used by web[0]
            """)
    void invalidWebServersAreRefusedNamingTheField(String web, String message) {
        assertThatThrownBy(() -> Scenario.parse(BASE + "web: " + web + "\n", "s.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("s.yaml: " + message);
    }
}
