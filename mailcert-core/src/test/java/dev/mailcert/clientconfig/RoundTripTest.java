package dev.mailcert.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.probe.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a writer writes, its reader reads back unchanged, including values XML must escape. */
class RoundTripTest {
    static final ClientConfig SHARED_HOSTING = new ClientConfig(
            "customer.example",
            "Customer mail",
            List.of("customer.example", "customer.test"),
            List.of(
                    new ServerSetting(Protocol.IMAP, "srv12.webhost.example", 993, SocketType.SSL),
                    new ServerSetting(Protocol.IMAP, "srv12.webhost.example", 143, SocketType.STARTTLS),
                    new ServerSetting(Protocol.POP3, "srv12.webhost.example", 995, SocketType.SSL)),
            List.of(
                    new ServerSetting(Protocol.SMTP, "srv12.webhost.example", 587, SocketType.STARTTLS),
                    new ServerSetting(Protocol.SMTP, "srv12.webhost.example", 465, SocketType.SSL),
                    new ServerSetting(Protocol.SMTP, "legacy.webhost.example", 25, SocketType.PLAIN)));

    /** Markup characters, both quotes, an apostrophe, accents, CJK and a character outside the BMP. */
    static final String AWKWARD = "A<b> & \"C\" 'd' Ünïcødé 日本 \uD83D\uDCE7 ]]> &amp;";

    static final ClientConfig AWKWARD_CONFIG = new ClientConfig(
            AWKWARD,
            AWKWARD,
            List.of(AWKWARD),
            List.of(new ServerSetting(Protocol.IMAP, AWKWARD, 993, SocketType.SSL)),
            List.of(new ServerSetting(Protocol.SMTP, AWKWARD, 587, SocketType.STARTTLS)));

    @Test
    void autoconfig_reads_back_what_it_writes() {
        ClientConfig back = AutoconfigReader.parse(utf8(AutoconfigWriter.write(SHARED_HOSTING)));

        assertThat(back).isEqualTo(SHARED_HOSTING);
    }

    @Test
    void autoconfig_carries_awkward_values_escaped() {
        String written = AutoconfigWriter.write(AWKWARD_CONFIG);

        assertThat(written)
                .contains("<hostname>A&lt;b&gt; &amp; \"C\" 'd' Ünïcødé 日本 \uD83D\uDCE7 ]]&gt; &amp;amp;</hostname>")
                .contains("id=\"A&lt;b&gt; &amp; &quot;C&quot;");
        assertThat(AutoconfigReader.parse(utf8(written))).isEqualTo(AWKWARD_CONFIG);
    }

    @Test
    void autoconfig_is_pretty_printed_utf8_with_the_thunderbird_fields() {
        String written = AutoconfigWriter.write(SHARED_HOSTING);

        assertThat(written)
                .startsWith("""
            <?xml version="1.0" encoding="UTF-8"?>
            <clientConfig version="1.1">
              <emailProvider id="customer.example">
                <domain>customer.example</domain>
                <domain>customer.test</domain>
                <displayName>Customer mail</displayName>
                <incomingServer type="imap">
                  <hostname>srv12.webhost.example</hostname>
                  <port>993</port>
                  <socketType>SSL</socketType>
                  <username>%EMAILADDRESS%</username>
                  <authentication>password-cleartext</authentication>
                </incomingServer>
            """)
                .contains("<socketType>plain</socketType>")
                .endsWith("""
                </outgoingServer>
              </emailProvider>
            </clientConfig>
            """);
    }

    @Test
    void autoconfig_without_provider_id_uses_the_first_domain() {
        ClientConfig noId = new ClientConfig(
                "", "", List.of("customer.example"), SHARED_HOSTING.incoming(), SHARED_HOSTING.outgoing());

        assertThat(AutoconfigReader.parse(utf8(AutoconfigWriter.write(noId))).providerId())
                .isEqualTo("customer.example");
    }

    @Test
    void autodiscover_reads_back_the_same_servers_starttls_through_encryption_tls() {
        String written = AutodiscoverWriter.write(SHARED_HOSTING, "alice@customer.example");

        ParsedClientConfig back = AutodiscoverReader.read(utf8(written));

        assertThat(back.config().incoming()).isEqualTo(SHARED_HOSTING.incoming());
        assertThat(back.config().outgoing()).isEqualTo(SHARED_HOSTING.outgoing());
        assertThat(back.notes()).isEmpty();
    }

    @Test
    void autodiscover_writes_outlook_entries_with_the_address_as_login() {
        String written = AutodiscoverWriter.write(SHARED_HOSTING, "alice@customer.example");

        assertThat(written)
                .startsWith("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
              <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
                <Account>
                  <AccountType>email</AccountType>
                  <Action>settings</Action>
                  <Protocol>
                    <Type>IMAP</Type>
                    <Server>srv12.webhost.example</Server>
                    <Port>993</Port>
                    <DomainRequired>off</DomainRequired>
                    <LoginName>alice@customer.example</LoginName>
                    <SPA>off</SPA>
                    <SSL>on</SSL>
                    <Encryption>SSL</Encryption>
                    <AuthRequired>on</AuthRequired>
                  </Protocol>
            """)
                .contains("""
                    <Port>587</Port>
                    <DomainRequired>off</DomainRequired>
                    <LoginName>alice@customer.example</LoginName>
                    <SPA>off</SPA>
                    <SSL>on</SSL>
                    <Encryption>TLS</Encryption>
            """)
                .contains("<SSL>off</SSL>\n        <Encryption>None</Encryption>");
    }

    @Test
    void autodiscover_carries_awkward_values_escaped() {
        String written = AutodiscoverWriter.write(AWKWARD_CONFIG, AWKWARD);

        assertThat(written).contains("<LoginName>A&lt;b&gt; &amp;");
        ClientConfig back = AutodiscoverReader.parse(utf8(written));
        assertThat(back.servers()).isEqualTo(AWKWARD_CONFIG.servers());
    }

    @Test
    void values_xml_cannot_carry_are_refused_not_written() {
        ClientConfig control = new ClientConfig(
                "x",
                "x",
                List.of(),
                List.of(new ServerSetting(Protocol.IMAP, "imap\u0001.example", 993, SocketType.SSL)),
                List.of());

        assertThatThrownBy(() -> AutoconfigWriter.write(control))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("autoconfig: the value of hostname contains U+0001, which XML cannot carry");
        assertThatThrownBy(() -> AutodiscoverWriter.write(SHARED_HOSTING, "alice\uD800@customer.example"))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("Autodiscover: the value of LoginName contains U+D800, which XML cannot carry");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
