package dev.mailcert.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.probe.Protocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration of Thunderbird's ISPDB (a copy in src/test/resources/ispdb, MPL-2.0) reads
 * without notes, with as many servers as the file lists for imap, pop3 and smtp.
 */
class IspdbTest {
    private static final Pattern INCOMING = Pattern.compile("<incomingServer\\s+type=\"(imap|pop3)\"");
    private static final Pattern OUTGOING = Pattern.compile("<outgoingServer\\s+type=\"smtp\"");

    static Stream<Path> ispdbFiles() throws IOException, URISyntaxException {
        Path directory = Path.of(IspdbTest.class.getResource("/ispdb").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        }
        return files.stream();
    }

    @Test
    void the_copy_holds_the_whole_snapshot_with_its_licence() throws Exception {
        assertThat(ispdbFiles()).hasSize(163);
        assertThat(IspdbTest.class.getResource("/ispdb/LICENSE-MPL-2.0")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ispdbFiles")
    void every_file_reads_with_all_its_mail_servers(Path file) throws IOException {
        byte[] xml = Files.readAllBytes(file);
        String text = new String(xml, StandardCharsets.UTF_8);

        ParsedClientConfig parsed = AutoconfigReader.read(xml);

        assertThat(parsed.notes()).isEmpty();
        assertThat(parsed.config().incoming()).isNotEmpty().hasSize((int)
                INCOMING.matcher(text).results().count());
        assertThat(parsed.config().outgoing()).isNotEmpty().hasSize((int)
                OUTGOING.matcher(text).results().count());
        assertThat(parsed.config().providerId()).isNotBlank();
        assertThat(parsed.config().servers())
                .allSatisfy(server -> assertThat(server.host())
                        .isNotBlank()
                        .isEqualTo(server.host().strip()));
    }

    @Test
    void google_mail_lists_imap_pop3_and_smtp_with_implicit_tls() {
        ClientConfig gmail = read("googlemail.com.xml");

        assertThat(gmail.providerId()).isEqualTo("googlemail.com");
        assertThat(gmail.displayName()).isEqualTo("Google Mail");
        assertThat(gmail.domains()).startsWith("gmail.com", "googlemail.com").contains("google.com");
        assertThat(gmail.incoming())
                .containsExactly(
                        new ServerSetting(Protocol.IMAP, "imap.gmail.com", 993, SocketType.SSL),
                        new ServerSetting(Protocol.POP3, "pop.gmail.com", 995, SocketType.SSL));
        assertThat(gmail.outgoing())
                .containsExactly(new ServerSetting(Protocol.SMTP, "smtp.gmail.com", 465, SocketType.SSL));
    }

    @Test
    void microsoft_365_keeps_imap_pop3_smtp_and_ignores_exchange_ews_owa_graph() {
        ClientConfig office = read("office365.com.xml");

        assertThat(office.incoming()).extracting(ServerSetting::protocol).containsExactly(Protocol.IMAP, Protocol.POP3);
        assertThat(office.outgoing())
                .containsExactly(new ServerSetting(Protocol.SMTP, "smtp.office365.com", 587, SocketType.STARTTLS));
    }

    @Test
    void alternatives_keep_the_file_order_first_preferred() {
        ClientConfig oneAndOne = read("1und1.de.xml");

        assertThat(oneAndOne.displayName()).isEqualTo("1&1");
        assertThat(oneAndOne.incoming())
                .containsExactly(
                        new ServerSetting(Protocol.IMAP, "imap.1und1.de", 993, SocketType.SSL),
                        new ServerSetting(Protocol.IMAP, "imap.1und1.de", 143, SocketType.STARTTLS),
                        new ServerSetting(Protocol.POP3, "pop.1und1.de", 995, SocketType.SSL),
                        new ServerSetting(Protocol.POP3, "pop.1und1.de", 110, SocketType.STARTTLS));
    }

    @Test
    void plain_socket_type_and_placeholders_are_kept_as_written() {
        assertThat(read("broba.cc.xml").outgoing())
                .contains(new ServerSetting(Protocol.SMTP, "mail.broba.cc", 587, SocketType.PLAIN));
        assertThat(read("mail.ee.xml").incoming().get(0).host()).isEqualTo("%EMAILDOMAIN%");
    }

    @Test
    void non_ascii_display_names_are_read_as_utf8() {
        assertThat(read("thinline.cz.xml").displayName()).isEqualTo("Český hosting");
    }

    private static ClientConfig read(String name) {
        try (var in = IspdbTest.class.getResourceAsStream("/ispdb/" + name)) {
            return AutoconfigReader.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
