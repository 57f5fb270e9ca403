package dev.mailcert.web.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.AddressPolicy;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.web.LabWeb;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real address policy, proven through the lab: every way a name can lead to a refused
 * address (A, AAAA, CNAME, MX, SRV, autoconfig, an IP literal) ends in 403 and not one
 * connection to the listeners on that address. The lab itself lives on 127.0.x.y, so only the
 * lab's autoconfig web server is let through, to show that autoconfig answers are followed.
 */
class PolicyThroughTheLabTest {
    private static final int OFFSET = 22000;
    private static final String SCENARIO = """
            name: policy-paths
            description: every record kind pointing at a refused address
            user: x@policy.example
            server: a.policy.example
            expect: unreachable
            dns: 127.0.20.53
            zone: |
              policy.example.                   NS    ns1.policy.example.
              ns1.policy.example.               A     127.0.20.53
              a.policy.example.                 A     127.0.20.7
              aaaa.policy.example.              AAAA  ::1
              cname.policy.example.             CNAME a.policy.example.
              mx.policy.example.                MX    10 a.policy.example.
              _imaps._tcp.srv.policy.example.   SRV   0 1 993 a.policy.example.
              autoconfig.ac.policy.example.     A     127.0.20.9
              7.20.0.127.in-addr.arpa.          PTR   a.policy.example.
            certificates:
              web:
                names: ["autoconfig.ac.policy.example"]
              mail:
                names: ["unused.policy.example"]
            servers:
              - address: 127.0.20.8
                certificate: mail
            web:
              - address: 127.0.20.9
                certificate: web
                autoconfig: |
                  <?xml version="1.0" encoding="UTF-8"?>
                  <clientConfig version="1.1">
                    <emailProvider id="ac.policy.example">
                      <domain>ac.policy.example</domain>
                      <incomingServer type="imap">
                        <hostname>a.policy.example</hostname><port>993</port><socketType>SSL</socketType>
                        <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
                      </incomingServer>
                      <outgoingServer type="smtp">
                        <hostname>a.policy.example</hostname><port>465</port><socketType>SSL</socketType>
                        <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
                      </outgoingServer>
                    </emailProvider>
                  </clientConfig>
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LabWeb web;
    private static LabWeb open;
    private static CountingListener v4;
    private static CountingListener v6;
    private static InetAddress autoconfigServer;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy-paths.yaml");
        Files.writeString(file, SCENARIO);
        autoconfigServer = InetAddress.getByName("127.0.20.9");
        PublicAddressPolicy real = new PublicAddressPolicy();
        AddressPolicy policy = a -> a.equals(autoconfigServer) ? Optional.empty() : real.refusal(a);
        v4 = new CountingListener(InetAddress.getByName("127.0.20.7"), OFFSET);
        v6 = new CountingListener(InetAddress.getByName("::1"), OFFSET);
        web = LabWeb.start(Scenario.load(file), OFFSET, LabWeb.settings(1_000, 8), policy, b -> b);
        open = new LabWeb(web.lab, AddressPolicy.ANY);
    }

    @AfterAll
    static void stop() {
        open.web.close();
        web.close();
        v4.close();
        v6.close();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(textBlock = """
            A,            x@policy.example,      a.policy.example
            AAAA,         x@policy.example,      aaaa.policy.example
            CNAME,        x@policy.example,      cname.policy.example
            MX,           x@mx.policy.example,
            SRV,          x@srv.policy.example,
            autoconfig,   x@ac.policy.example,
            IPv4 literal, x@policy.example,      127.0.20.7
            IPv6 literal, x@policy.example,      [::1]
            IPv6 mapped,  x@policy.example,      ::ffff:127.0.20.7
            domain literal, 'x@[127.0.20.7]',
            """)
    void refusedTargetsAreAnswered403WithoutOneConnection(String via, String target, String server) throws Exception {
        int before = v4.connections() + v6.connections();
        String query = "target="
                + target.replace("@", "%40").replace("[", "%5B").replace("]", "%5D")
                + (server == null ? "" : "&server=" + server.replace("[", "%5B").replace("]", "%5D"));

        HttpResponse<String> api = web.get("/api/v1/check?" + query);
        HttpResponse<String> page = web.get("/check?" + query);

        assertThat(api.statusCode()).as(via + ": " + api.body()).isEqualTo(403);
        assertThat(JSON.readTree(api.body()).path("error").asText()).contains("public internet addresses");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("This service connects only to public internet addresses");
        assertThat(v4.connections() + v6.connections())
                .as("connections to the refused addresses")
                .isEqualTo(before);
    }

    @Test
    void autoconfigWasFollowedToTheRefusedName() throws Exception {
        HttpResponse<String> api = web.get("/api/v1/check?target=y%40ac.policy.example");

        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(api.body()).path("error").asText())
                .startsWith("a.policy.example points to 127.0.20.7");
    }

    @Test
    void withEveryAddressAllowedTheSameNamesAreConnectedTo() throws Exception {
        int before4 = v4.connections();
        int before6 = v6.connections();

        HttpResponse<String> a = open.get("/api/v1/check?target=x%40policy.example&server=a.policy.example");
        HttpResponse<String> aaaa = open.get("/api/v1/check?target=x%40policy.example&server=aaaa.policy.example");

        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(aaaa.statusCode()).isEqualTo(200);
        assertThat(v4.connections()).isGreaterThan(before4);
        assertThat(v6.connections()).isGreaterThan(before6);
    }
}
