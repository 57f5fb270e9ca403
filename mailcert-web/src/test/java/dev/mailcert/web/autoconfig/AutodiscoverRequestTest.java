package dev.mailcert.web.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutodiscoverRequestTest {

    @Test
    void readsTheAddressOfAnOutlookRequest() {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request>
                    <EMailAddress> alice@customer.example </EMailAddress>
                    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>""";

        assertThat(AutodiscoverRequest.emailAddress(body.getBytes(StandardCharsets.UTF_8)))
                .hasValue("alice@customer.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not xml",
                "<Other><EMailAddress>a@b.example</EMailAddress></Other>",
                "<Autodiscover><Request></Request></Autodiscover>",
                "<!DOCTYPE Autodiscover [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><Autodiscover><Request><EMailAddress>&x;</EMailAddress></Request></Autodiscover>",
                "<Autodiscover><a><b><c><d><e><f><g><h><EMailAddress>a@b.example</EMailAddress></h></g></f></e></d></c></b></a></Autodiscover>"
            })
    void anythingElseHasNoAddress(String body) {
        assertThat(AutodiscoverRequest.emailAddress(body.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsNotRead() {
        String padding = " ".repeat(AutodiscoverRequest.MAX_BYTES);
        String body =
                "<Autodiscover><Request><EMailAddress>a@b.example</EMailAddress></Request></Autodiscover>" + padding;

        assertThat(AutodiscoverRequest.emailAddress(body.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
