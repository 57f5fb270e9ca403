package dev.mailcert.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.probe.Protocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutodiscoverReaderTest {
    private static final String SMTP =
            protocol("SMTP", "smtp.example.com", "465", "<SSL>on</SSL><Encryption>SSL</Encryption>");

    static String protocol(String type, String server, String port, String security) {
        return "<Protocol><Type>%s</Type><Server>%s</Server><Port>%s</Port>%s</Protocol>\n"
                .formatted(type, server, port, security);
    }

    static byte[] answer(String account) {
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
              <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
                <Account>
                  <AccountType>email</AccountType>
                  %s
                </Account>
              </Response>
            </Autodiscover>
            """.formatted(account).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "port {0} SSL ''{1}'' Encryption ''{2}'' -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "993 | on  | SSL  | SSL",
                "143 | on  | TLS  | STARTTLS",
                "143 | off | None | PLAIN",
                "143 | on  | None | PLAIN",
                "993 | off | SSL  | SSL",
                "993 | on  | Auto | SSL",
                "143 | on  | Auto | STARTTLS",
                "993 | on  |      | SSL",
                "143 | on  |      | STARTTLS",
                "143 |     |      | STARTTLS",
                "143 | off |      | PLAIN",
                "993 | ON  | ssl  | SSL",
            })
    void encryption_wins_and_auto_is_decided_by_the_port(int port, String ssl, String encryption, SocketType expected) {
        String security = (ssl == null ? "" : "<SSL>" + ssl + "</SSL>")
                + (encryption == null ? "" : "<Encryption>" + encryption + "</Encryption>");

        ClientConfig config =
                AutodiscoverReader.parse(answer(protocol("IMAP", "imap.example.com", "" + port, security) + SMTP));

        assertThat(config.incoming())
                .containsExactly(new ServerSetting(Protocol.IMAP, "imap.example.com", port, expected));
    }

    @Test
    void security_decided_by_port_is_noted() {
        ParsedClientConfig parsed = AutodiscoverReader.read(answer(
                protocol("POP3", "pop.example.com", "110", "<SSL>on</SSL><Encryption>Auto</Encryption>") + SMTP));

        assertThat(parsed.notes())
                .containsExactly("Protocol #1 (pop3): Encryption Auto taken as STARTTLS by its port 110");
    }

    @Test
    void exchange_entries_are_ignored_and_the_provider_fields_are_empty() {
        ClientConfig config =
                AutodiscoverReader.parse(answer("<Protocol><Type>EXCH</Type><Server>ex.example.com</Server></Protocol>"
                        + protocol("IMAP", " imap.example.com ", "993", "<SSL>on</SSL>") + SMTP));

        assertThat(config.incoming()).extracting(ServerSetting::host).containsExactly("imap.example.com");
        assertThat(config.providerId()).isEmpty();
        assertThat(config.displayName()).isEmpty();
        assertThat(config.domains()).isEmpty();
    }

    @Test
    void answers_without_namespaces_are_read_too() {
        byte[] plain = new String(
                        answer(protocol("IMAP", "imap.example.com", "993", "") + SMTP), StandardCharsets.UTF_8)
                .replaceAll(" xmlns=\"[^\"]*\"", "")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(AutodiscoverReader.parse(plain).incoming()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no server   | <Protocol><Type>IMAP</Type><Port>993</Port></Protocol>                                     | no Server",
                "bad port    | <Protocol><Type>IMAP</Type><Server>i</Server><Port>x</Port></Protocol>                     | port \"x\" is not a number from 1 to 65535",
                "bad crypto  | <Protocol><Type>IMAP</Type><Server>i</Server><Port>993</Port><Encryption>RC4</Encryption></Protocol> | Encryption \"RC4\" is not SSL, TLS, None or Auto",
                "bad ssl     | <Protocol><Type>IMAP</Type><Server>i</Server><Port>993</Port><SSL>maybe</SSL></Protocol>  | SSL \"maybe\" is not on or off",
            })
    void wrong_entries_are_skipped_and_an_answer_left_without_incoming_is_rejected(
            String name, String entry, String reason) {
        ParsedClientConfig parsed =
                AutodiscoverReader.read(answer(entry + protocol("IMAP", "imap.example.com", "993", "") + SMTP));
        assertThat(parsed.notes()).startsWith("skipped Protocol #1 (imap): " + reason);

        assertThatThrownBy(() -> AutodiscoverReader.parse(answer(entry + SMTP)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessageStartingWith(
                        "Autodiscover: no usable incoming server (IMAP or POP3) (skipped Protocol #1 (imap): "
                                + reason);
    }

    @Test
    void an_error_answer_is_rejected_with_its_code_and_message() {
        byte[] error = """
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
              <Response><Error Time="12:00:00" Id="1"><ErrorCode>600</ErrorCode><Message>Invalid Request</Message></Error></Response>
            </Autodiscover>
            """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AutodiscoverReader.parse(error))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("Autodiscover: the server answered with error \"600\": \"Invalid Request\"");
    }

    @Test
    void a_redirect_is_rejected_naming_its_target() {
        assertThatThrownBy(() -> AutodiscoverReader.parse(
                        answer("<Action>redirectAddr</Action><RedirectAddr>alice@elsewhere.example</RedirectAddr>")))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage(
                        "Autodiscover: the answer redirects to \"alice@elsewhere.example\" instead of giving settings");
    }

    @Test
    void another_document_is_rejected_by_its_root() {
        assertThatThrownBy(() -> AutodiscoverReader.parse(AutoconfigReaderTest.config("")))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("Autodiscover: the document is <clientConfig>, not an <Autodiscover> answer");
    }
}
