package dev.mailcert.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.probe.Protocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoconfigReaderTest {
    private static final String SMTP = server("outgoingServer", "smtp", "smtp.example.com", "465", "SSL");

    static String server(String element, String type, String host, String port, String socketType) {
        return """
            <%s type="%s">
              <hostname>%s</hostname>
              <port>%s</port>
              <socketType>%s</socketType>
            </%s>
            """.formatted(element, type, host, port, socketType, element);
    }

    static byte[] config(String servers) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <clientConfig version="1.1">
              <emailProvider id="example.com">
                <domain>example.com</domain>
                <displayName>Example</displayName>
                %s
              </emailProvider>
            </clientConfig>
            """.formatted(servers).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_provider_domains_and_servers() {
        ClientConfig config = AutoconfigReader.parse(
                config(server("incomingServer", "imap", "  imap.example.com\n ", "993", "SSL") + SMTP));

        assertThat(config.providerId()).isEqualTo("example.com");
        assertThat(config.displayName()).isEqualTo("Example");
        assertThat(config.domains()).containsExactly("example.com");
        assertThat(config.incoming())
                .containsExactly(new ServerSetting(Protocol.IMAP, "imap.example.com", 993, SocketType.SSL));
        assertThat(config.outgoing())
                .containsExactly(new ServerSetting(Protocol.SMTP, "smtp.example.com", 465, SocketType.SSL));
    }

    @ParameterizedTest(name = "socketType {0}")
    @CsvSource({"SSL, SSL", "STARTTLS, STARTTLS", "plain, PLAIN", "ssl, SSL", "starttls, STARTTLS"})
    void socket_types_of_config_v1_1(String written, SocketType expected) {
        ClientConfig config =
                AutoconfigReader.parse(config(server("incomingServer", "imap", "h", "143", written) + SMTP));

        assertThat(config.incoming().get(0).socketType()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "host ''{0}'' port ''{1}'' socketType ''{2}''")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "''         | 993   | SSL  | no hostname",
                "imap.x     | abc   | SSL  | port \"abc\" is not a number from 1 to 65535",
                "imap.x     | 0     | SSL  | port \"0\" is not a number from 1 to 65535",
                "imap.x     | 70000 | SSL  | port \"70000\" is not a number from 1 to 65535",
                "imap.x     | -1    | SSL  | port \"-1\" is not a number from 1 to 65535",
                "imap.x     | 99999999999 | SSL | port \"99999999999\" is not a number from 1 to 65535",
                "imap.x     | ''    | SSL  | no port",
                "imap.x     | 993   | TLS  | socketType \"TLS\" is not SSL, STARTTLS or plain",
                "imap.x     | 993   | ''   | socketType \"\" is not SSL, STARTTLS or plain",
            })
    void a_wrong_entry_is_skipped_with_a_note_beside_a_good_one(
            String host, String port, String socketType, String reason) {
        ParsedClientConfig parsed =
                AutoconfigReader.read(config(server("incomingServer", "imap", host, port, socketType)
                        + server("incomingServer", "pop3", "pop.example.com", "995", "SSL")
                        + SMTP));

        assertThat(parsed.config().incoming()).extracting(ServerSetting::host).containsExactly("pop.example.com");
        assertThat(parsed.notes()).containsExactly("skipped incomingServer #1 (imap): " + reason);
    }

    @Test
    void a_file_whose_only_incoming_server_is_wrong_is_rejected_with_the_reason() {
        assertThatThrownBy(() ->
                        AutoconfigReader.parse(config(server("incomingServer", "imap", "imap.x", "abc", "SSL") + SMTP)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("autoconfig: no usable incoming server (IMAP or POP3) (skipped incomingServer #1 (imap): "
                        + "port \"abc\" is not a number from 1 to 65535)");
    }

    @Test
    void a_file_without_outgoing_server_is_rejected() {
        assertThatThrownBy(
                        () -> AutoconfigReader.parse(config(server("incomingServer", "imap", "imap.x", "993", "SSL"))))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("autoconfig: no usable outgoing server (SMTP)");
    }

    @Test
    void exchange_and_ews_entries_are_ignored_without_a_note() {
        ParsedClientConfig parsed = AutoconfigReader.read(
                config("""
            <incomingServer type="exchange"><hostname>ex.example.com</hostname><port>443</port></incomingServer>
            <incomingServer type="ews"><url>https://ex.example.com/ews</url></incomingServer>
            """ + server("incomingServer", "pop3", "pop.example.com", "995", "SSL") + SMTP));

        assertThat(parsed.config().incoming())
                .extracting(ServerSetting::protocol)
                .containsExactly(Protocol.POP3);
        assertThat(parsed.notes()).isEmpty();
    }

    @Test
    void values_in_a_long_quote_are_cut_in_the_note() {
        ParsedClientConfig parsed =
                AutoconfigReader.read(config(server("incomingServer", "imap", "imap.x", "9".repeat(500), "SSL")
                        + server("incomingServer", "pop3", "pop.example.com", "995", "SSL")
                        + SMTP));

        assertThat(parsed.notes().get(0)).hasSizeLessThan(120).contains("\"" + "9".repeat(40) + "...\"");
    }

    @Test
    void another_document_is_rejected_by_its_root() {
        assertThatThrownBy(() -> AutoconfigReader.parse("<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("autoconfig: the document is <html>, not a Thunderbird <clientConfig>");
        assertThatThrownBy(() -> AutoconfigReader.parse("<clientConfig/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("autoconfig: <clientConfig> has no <emailProvider>");
    }

    @Test
    void more_than_64_servers_or_256_domains_are_rejected() {
        String many = server("incomingServer", "imap", "imap.x", "993", "SSL").repeat(64) + SMTP;
        assertThatThrownBy(() -> AutoconfigReader.parse(config(many)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("autoconfig: 65 server entries, more than the 64 accepted");

        String domains =
                "<domain>d.example</domain>".repeat(256) + server("incomingServer", "imap", "i", "993", "SSL") + SMTP;
        assertThatThrownBy(() -> AutoconfigReader.parse(config(domains)))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("autoconfig: 257 domains, more than the 256 accepted");
    }
}
