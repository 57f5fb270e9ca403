package dev.mailcert.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.HostName;
import dev.mailcert.clientconfig.AutoconfigReader;
import dev.mailcert.clientconfig.AutodiscoverReader;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.clientconfig.PlistReader;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.web.LabWeb;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP side of the service against the seed lab: JSON, pages, files, autoconfig, headers, privacy. */
class WebServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "target=alice%40customer.example&server=mail.customer.example";
    private static LabWeb web;

    @BeforeAll
    static void start() throws Exception {
        web = LabWeb.start("shared-hosting", 21000);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void apiAnswersWithTheCheckJson() throws Exception {
        HttpResponse<String> r = web.get("/api/v1/check?" + SEED);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.path("schema").asText()).isEqualTo("mailcert.check/1");
        assertThat(json.path("target").asText())
                .isEqualTo("alice@customer.example"); // the asker sees their own address
        assertThat(json.path("verdict").asText()).isEqualTo("fixable");
        assertThat(json.path("recommendations")).allSatisfy(rec -> {
            assertThat(rec.path("host").asText()).isEqualTo("srv12.webhost.example");
            assertThat(rec.path("verified").asBoolean()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "target=",
                "target=not%20an%20address",
                "target=alice%40customer.example&server=not_a_host",
                "target=alice%40%40customer.example"
            })
    void apiRefusesBadInputWith400AndAnError(String query) throws Exception {
        HttpResponse<String> r = web.get("/api/v1/check?" + query);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).isNotBlank();
    }

    @Test
    void pageAnswersWithTheResultInItsFirstResponse() throws Exception {
        HttpResponse<String> r = web.get("/check?" + SEED + "&client=thunderbird");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html").containsIgnoringCase("charset=utf-8"));
        assertThat(r.body())
                .contains(
                        "Change the server name in your mail program",
                        "srv12.webhost.example",
                        "<del>mail.customer.example</del>",
                        "id=\"guide-thunderbird\" data-client=\"thunderbird\" open");
    }

    @Test
    void pageWithBadInputSaysWhyWith400() throws Exception {
        HttpResponse<String> r = web.get("/check?target=nobody");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("role=\"alert\"", "not a mail domain");
    }

    @Test
    void downloadsCarryTheVerifiedNamesWithTheirContentTypes() throws Exception {
        Map<String, String> types = Map.of(
                "thunderbird",
                "application/xml",
                "autodiscover",
                "application/xml",
                "mobileconfig",
                "application/x-apple-aspen-config");
        Map<String, String> names = Map.of(
                "thunderbird",
                "config-v1.1.xml",
                "autodiscover",
                "autodiscover.xml",
                "mobileconfig",
                "customer.example.mobileconfig");
        for (String format : types.keySet()) {
            HttpResponse<byte[]> r = web.getBytes("/config/" + format + "?" + SEED);

            assertThat(r.statusCode()).as(format).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .as(format)
                    .hasValueSatisfying(t -> assertThat(t).startsWith(types.get(format)));
            assertThat(r.headers().firstValue("Content-Disposition"))
                    .as(format)
                    .hasValue("attachment; filename=\"" + names.get(format) + "\"");
            String body = new String(r.body(), StandardCharsets.UTF_8);
            switch (format) {
                case "thunderbird" -> assertVerified(AutoconfigReader.parse(r.body()));
                case "autodiscover" -> {
                    assertVerified(AutodiscoverReader.parse(r.body()));
                    assertThat(body).contains("<LoginName>alice@customer.example</LoginName>");
                }
                default ->
                    assertThat(PlistReader.parse(r.body()).toString())
                            .contains("srv12.webhost.example", "alice@customer.example");
            }
        }
    }

    @Test
    void unknownDownloadFormatIs404() throws Exception {
        assertThat(web.get("/config/pdf?" + SEED).statusCode()).isEqualTo(404);
    }

    @Test
    void thunderbirdAutoconfigOnBothPathsServesTheVerifiedName() throws Exception {
        web.get("/api/v1/check?" + SEED); // stores the domain's result
        for (String path : List.of("/mail/config-v1.1.xml", "/.well-known/autoconfig/mail/config-v1.1.xml")) {
            HttpResponse<byte[]> r = web.getBytes(path + "?emailaddress=carol%40customer.example");

            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
            assertVerified(AutoconfigReader.parse(r.body()));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/autodiscover/autodiscover.xml",
                "/Autodiscover/Autodiscover.xml",
                "/AUTODISCOVER/AUTODISCOVER.XML"
            })
    void outlookAutodiscoverInAnyLetterCaseServesTheVerifiedName(String path) throws Exception {
        HttpResponse<byte[]> r = web.post(path, """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request>
                    <EMailAddress>dave@customer.example</EMailAddress>
                    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>
                """);

        assertThat(r.statusCode()).isEqualTo(200);
        assertVerified(AutodiscoverReader.parse(r.body()));
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .contains("<LoginName>dave@customer.example</LoginName>");
    }

    @Test
    void autodiscoverWithoutAnAddressIs400() throws Exception {
        assertThat(web.post("/autodiscover/autodiscover.xml", "<Autodiscover><Request/></Autodiscover>")
                        .statusCode())
                .isEqualTo(400);
        assertThat(web.post(
                                "/autodiscover/autodiscover.xml",
                                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                        + "<Autodiscover><Request><EMailAddress>&e;</EMailAddress></Request></Autodiscover>")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void storedResultsAndTheLogNeverCarryTheLocalPart() throws Exception {
        web.get("/api/v1/check?target=zoe.private%40customer.example&server=srv12.webhost.example");

        var stored = web.results.newest(HostName.parse("customer.example"), Duration.ofMinutes(5));
        assertThat(stored).isPresent();
        assertThat(stored.get().json())
                .doesNotContain("zoe.private")
                .doesNotContain("alice")
                .contains("\"target\" : \"customer.example\"");
        assertThat(web.log())
                .doesNotContain("zoe.private")
                .doesNotContain("alice")
                .contains("check customer.example");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of(
                "/",
                "/check?" + SEED,
                "/api/v1/check?" + SEED,
                "/api/v1/check?target=x",
                "/static/style.css",
                "/static/mailcert.js",
                "/api/v1/openapi.json",
                "/mail/config-v1.1.xml?emailaddress=a%40customer.example",
                "/no/such/page")) {
            HttpResponse<String> r = web.get(path);
            var h = r.headers();
            assertThat(h.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> {
                assertThat(csp)
                        .contains("frame-ancestors 'none'", "script-src 'self'")
                        .doesNotContain("unsafe-inline");
            });
            assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void openApiDescribesTheCheckEndpoint() throws Exception {
        JsonNode api = JSON.readTree(web.get("/api/v1/openapi.json").body());

        assertThat(api.path("openapi").asText()).startsWith("3.");
        assertThat(api.path("paths")
                        .path("/api/v1/check")
                        .path("get")
                        .path("responses")
                        .fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("200", "400", "403", "429", "503");
    }

    private static void assertVerified(ClientConfig config) {
        assertThat(config.servers())
                .isNotEmpty()
                .extracting(ServerSetting::host)
                .containsOnly("srv12.webhost.example");
    }
}
