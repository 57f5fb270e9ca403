package dev.mailcert.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Documents an attacker could serve as autoconfig, Autodiscover or a property list: each is
 * rejected quickly with one clear line, and no entity target is ever opened.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputTest {
    /** The three readers, each with a valid document of its kind and its name in messages. */
    enum Reader {
        AUTOCONFIG("autoconfig", AutoconfigReader::parse, "clientConfig"),
        AUTODISCOVER("Autodiscover", AutodiscoverReader::parse, "Autodiscover"),
        PLIST("property list", PlistReader::parse, "plist");

        final String kind;
        final Function<byte[], Object> parse;
        final String root;

        Reader(String kind, Function<byte[], Object> parse, String root) {
            this.kind = kind;
            this.parse = parse;
            this.root = root;
        }

        byte[] valid() {
            return switch (this) {
                case AUTOCONFIG ->
                    AutoconfigWriter.write(RoundTripTest.SHARED_HOSTING).getBytes(StandardCharsets.UTF_8);
                case AUTODISCOVER ->
                    AutodiscoverWriter.write(RoundTripTest.SHARED_HOSTING, "a@b.example")
                            .getBytes(StandardCharsets.UTF_8);
                case PLIST ->
                    MobileconfigWriter.write(
                                    RoundTripTest.SHARED_HOSTING,
                                    "a@b.example",
                                    java.util.UUID.randomUUID(),
                                    java.util.UUID.randomUUID())
                            .getBytes(StandardCharsets.UTF_8);
            };
        }

        /** A document whose root holds {@code body}, after {@code doctype}. */
        byte[] document(String doctype, String body) {
            return ("<?xml version=\"1.0\"?>\n" + doctype + "\n<" + root + ">" + body + "</" + root + ">")
                    .getBytes(StandardCharsets.UTF_8);
        }

        ClientConfigException rejects(byte[] xml) {
            ClientConfigException e = catchThrowableOfType(ClientConfigException.class, () -> parse.apply(xml));
            assertThat(e).as("rejected with ClientConfigException").isNotNull();
            assertThat(e.getMessage())
                    .startsWith(kind + ": ")
                    .doesNotContain("\n", "\r")
                    .hasSizeLessThan(400);
            return e;
        }
    }

    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();

    /** A loopback server that counts connections and closes them at once, so a fetch fails fast. */
    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("entity-target").start(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    private String loopbackUrl(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/" + path;
    }

    private void assertNobodyConnected() throws InterruptedException {
        Thread.sleep(100); // a connection made during parsing has been counted by now
        assertThat(connections.get()).as("connections to the entity target").isZero();
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void an_external_entity_to_a_local_file_is_never_read(Reader reader) {
        ClientConfigException e = reader.rejects(reader.document(
                "<!DOCTYPE " + reader.root + " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                "<string>&xxe;</string>"));

        assertThat(e.getMessage()).doesNotContain("root:");
        assertThat(e.getMessage()).containsAnyOf("DOCTYPE is not accepted", "\"xxe\" was referenced, but not declared");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void an_external_entity_over_http_is_never_fetched(Reader reader) throws InterruptedException {
        reader.rejects(reader.document(
                "<!DOCTYPE " + reader.root + " [<!ENTITY xxe SYSTEM \"" + loopbackUrl("entity") + "\">]>",
                "<string>&xxe;</string>"));
        reader.rejects(reader.document(
                "<!DOCTYPE " + reader.root + " [<!ENTITY xxe SYSTEM \"http://127.0.0.1:1/\">]>",
                "<string>&xxe;</string>"));

        assertNobodyConnected();
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void a_parameter_entity_over_http_is_never_fetched(Reader reader) throws InterruptedException {
        byte[] xml = reader.document(
                "<!DOCTYPE " + reader.root + " [<!ENTITY % remote SYSTEM \"" + loopbackUrl("p") + "\"> %remote;]>",
                "<string>x</string>");
        try {
            reader.parse.apply(xml);
        } catch (ClientConfigException rejected) {
            // Rejected or ignored: either is fine as long as nothing was fetched.
        }

        assertNobodyConnected();
    }

    @Test
    void the_property_list_doctype_is_accepted_but_never_loaded() throws InterruptedException {
        byte[] xml = Reader.PLIST.document(
                "<!DOCTYPE plist SYSTEM \"" + loopbackUrl("PropertyList-1.0.dtd") + "\">", "<true/>");

        assertThat(PlistReader.parse(xml)).isEqualTo(true);
        assertNobodyConnected();
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void billion_laughs_is_rejected_fast(Reader reader) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE " + reader.root + " [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");

        ClientConfigException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> reader.rejects(reader.document(doctype.toString(), "<string>&lol9;</string>")));

        assertThat(e.getMessage())
                .containsAnyOf("DOCTYPE is not accepted", "\"lol9\" was referenced, but not declared");
    }

    @ParameterizedTest
    @EnumSource(
            value = Reader.class,
            names = {"AUTOCONFIG", "AUTODISCOVER"})
    void any_doctype_is_rejected_where_none_belongs(Reader reader) {
        assertThat(reader.rejects(reader.document("<!DOCTYPE " + reader.root + ">", ""))
                        .getMessage())
                .isEqualTo(reader.kind + ": rejected at line 2, column 10: a DOCTYPE is not accepted"
                        + " (it could declare entities that read files or expand without bound)");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void a_document_of_2_mib_is_rejected_before_parsing(Reader reader) {
        byte[] big = reader.document("", "<!--" + "x".repeat(2 << 20) + "-->");

        assertThat(reader.rejects(big).getMessage())
                .isEqualTo(reader.kind + ": the document has " + big.length + " bytes, more than the 1048576 accepted");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void ten_thousand_levels_of_nesting_are_rejected(Reader reader) {
        String element = reader == Reader.PLIST ? "array" : "a";
        String deep = ("<" + element + ">").repeat(10_000) + ("</" + element + ">").repeat(10_000);

        assertThat(reader.rejects(reader.document("", deep)).getMessage()).contains("nested deeper than 32 levels");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void empty_input_is_rejected(Reader reader) {
        assertThat(reader.rejects(new byte[0]).getMessage()).isEqualTo(reader.kind + ": the document is empty");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void non_xml_is_rejected_as_not_well_formed(Reader reader) {
        for (String text : new String[] {
            "{\"imap\": \"imap.example.com\"}",
            "HTTP/1.1 200 OK\r\n\r\n<html>",
            "<html><body><p>unclosed</body>",
            "   ",
            "\u0000\u0000\u0000"
        }) {
            assertThat(reader.rejects(text.getBytes(StandardCharsets.UTF_8)).getMessage())
                    .contains("line 1");
        }
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void garbage_bytes_are_rejected(Reader reader) {
        Random random = new Random(20240501);
        for (int i = 0; i < 50; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4096)];
            random.nextBytes(garbage);
            reader.rejects(garbage);
        }
    }

    /** Single-byte corruptions of a valid document: each still reads, or is rejected cleanly. */
    @ParameterizedTest
    @EnumSource(Reader.class)
    void corrupted_documents_read_or_are_rejected_never_anything_else(Reader reader) {
        byte[] valid = reader.valid();
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] corrupted = valid.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
            }
            try {
                reader.parse.apply(corrupted);
            } catch (ClientConfigException e) {
                assertThat(e.getMessage()).startsWith(reader.kind + ": ").doesNotContain("\n");
            }
        }
    }

    @Test
    void xinclude_is_not_processed() {
        byte[] xml = ("""
            <clientConfig xmlns:xi="http://www.w3.org/2001/XInclude">
              <emailProvider id="x">
                <displayName><xi:include href="file:///etc/passwd" parse="text"/></displayName>
                %s
              </emailProvider>
            </clientConfig>""")
                .formatted(AutoconfigReaderTest.server("incomingServer", "imap", "i", "993", "SSL")
                        + AutoconfigReaderTest.server("outgoingServer", "smtp", "s", "465", "SSL"))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(AutoconfigReader.parse(xml).displayName()).isEmpty();
    }

    @Test
    void a_utf8_byte_order_mark_is_fine() {
        byte[] valid = Reader.AUTOCONFIG.valid();
        byte[] withBom = new byte[valid.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(valid, 0, withBom, 3, valid.length);

        assertThat(AutoconfigReader.parse(withBom)).isEqualTo(RoundTripTest.SHARED_HOSTING);
    }

    @Test
    void a_document_with_the_wrong_encoding_is_rejected() {
        byte[] latin1 =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><clientConfig><emailProvider id=\"\u00e9\"/></clientConfig>"
                        .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> AutoconfigReader.parse(latin1))
                .isInstanceOf(ClientConfigException.class)
                .hasMessageContaining("UTF-8");
    }
}
