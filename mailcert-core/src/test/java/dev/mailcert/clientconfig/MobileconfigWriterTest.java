package dev.mailcert.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mailcert.probe.Protocol;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MobileconfigWriterTest {
    private static final UUID PROFILE = UUID.fromString("0b7c3a52-3f0e-4c1e-9a39-2a4bb2f1c001");
    private static final UUID ACCOUNT = UUID.fromString("0b7c3a52-3f0e-4c1e-9a39-2a4bb2f1c002");
    private static final String ALICE = "alice@customer.example";

    @Test
    void the_profile_holds_one_mail_payload_with_the_first_servers() {
        Map<Object, Object> profile = PlistReaderTest.dict(PlistReader.parse(
                RoundTripTest.utf8(MobileconfigWriter.write(RoundTripTest.SHARED_HOSTING, ALICE, PROFILE, ACCOUNT))));

        Map<String, Object> account = new LinkedHashMap<>();
        account.put("EmailAccountDescription", "Customer mail");
        account.put("EmailAccountType", "EmailTypeIMAP");
        account.put("EmailAddress", ALICE);
        account.put("IncomingMailServerAuthentication", "EmailAuthPassword");
        account.put("IncomingMailServerHostName", "srv12.webhost.example");
        account.put("IncomingMailServerPortNumber", 993L);
        account.put("IncomingMailServerUseSSL", true);
        account.put("IncomingMailServerUsername", ALICE);
        account.put("OutgoingMailServerAuthentication", "EmailAuthPassword");
        account.put("OutgoingMailServerHostName", "srv12.webhost.example");
        account.put("OutgoingMailServerPortNumber", 587L);
        account.put("OutgoingMailServerUseSSL", true);
        account.put("OutgoingMailServerUsername", ALICE);
        account.put("OutgoingPasswordSameAsIncomingPassword", true);
        account.put("PayloadDescription", "Mail account " + ALICE);
        account.put("PayloadDisplayName", "Customer mail");
        account.put("PayloadIdentifier", "com.apple.mail.managed.0B7C3A52-3F0E-4C1E-9A39-2A4BB2F1C002");
        account.put("PayloadType", "com.apple.mail.managed");
        account.put("PayloadUUID", "0B7C3A52-3F0E-4C1E-9A39-2A4BB2F1C002");
        account.put("PayloadVersion", 1L);
        assertThat(profile.get("PayloadContent")).isEqualTo(List.of(account));
        assertThat(profile)
                .containsEntry("PayloadType", "Configuration")
                .containsEntry("PayloadVersion", 1L)
                .containsEntry("PayloadUUID", "0B7C3A52-3F0E-4C1E-9A39-2A4BB2F1C001")
                .containsEntry("PayloadIdentifier", "dev.mailcert.profile.0B7C3A52-3F0E-4C1E-9A39-2A4BB2F1C001")
                .containsEntry("PayloadDisplayName", "Customer mail")
                .containsEntry("PayloadRemovalDisallowed", false);
    }

    @Test
    void the_profile_is_an_apple_property_list_with_its_doctype() {
        String written = MobileconfigWriter.write(RoundTripTest.SHARED_HOSTING, ALICE, PROFILE, ACCOUNT);

        assertThat(written).startsWith("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
              <dict>
                <key>PayloadContent</key>
                <array>
                  <dict>
                    <key>EmailAccountDescription</key>
                    <string>Customer mail</string>
            """).contains("""
                    <key>IncomingMailServerPortNumber</key>
                    <integer>993</integer>
                    <key>IncomingMailServerUseSSL</key>
                    <true/>
            """).endsWith("</plist>\n");
    }

    @Test
    void a_pop3_plain_configuration_says_pop_and_no_ssl() {
        ClientConfig pop = new ClientConfig(
                "p",
                "",
                List.of(),
                List.of(new ServerSetting(Protocol.POP3, "pop.example", 110, SocketType.PLAIN)),
                List.of(new ServerSetting(Protocol.SMTP, "smtp.example", 465, SocketType.SSL)));

        Map<Object, Object> account = account(MobileconfigWriter.write(pop, ALICE, PROFILE, ACCOUNT));

        assertThat(account)
                .containsEntry("EmailAccountType", "EmailTypePOP")
                .containsEntry("IncomingMailServerUseSSL", false)
                .containsEntry("OutgoingMailServerUseSSL", true)
                .containsEntry("EmailAccountDescription", ALICE);
        assertThat(MobileconfigWriter.limitations(pop)).isEmpty();
    }

    @Test
    void limitations_name_starttls_and_the_servers_left_out() {
        assertThat(MobileconfigWriter.limitations(RoundTripTest.SHARED_HOSTING))
                .containsExactly(
                        "Apple profiles cannot say STARTTLS: OutgoingMailServerUseSSL is true for both; the device tries TLS on port 587 as given",
                        "Apple profiles hold one incoming and one outgoing server: left out imap srv12.webhost.example:143 STARTTLS, "
                                + "pop3 srv12.webhost.example:995 SSL, smtp srv12.webhost.example:465 SSL, smtp legacy.webhost.example:25 PLAIN");
    }

    @Test
    void a_configuration_without_outgoing_server_cannot_be_a_profile() {
        ClientConfig incomingOnly =
                new ClientConfig("p", "", List.of(), RoundTripTest.SHARED_HOSTING.incoming(), List.of());

        assertThatThrownBy(() -> MobileconfigWriter.write(incomingOnly, ALICE, PROFILE, ACCOUNT))
                .isInstanceOf(ClientConfigException.class)
                .hasMessage("mobileconfig: an Apple mail account needs an incoming and an outgoing server");
        assertThat(MobileconfigWriter.limitations(incomingOnly)).hasSize(1);
    }

    @Test
    void awkward_values_survive_escaped() {
        String written =
                MobileconfigWriter.write(RoundTripTest.AWKWARD_CONFIG, RoundTripTest.AWKWARD, PROFILE, ACCOUNT);

        assertThat(written).contains("<string>A&lt;b&gt; &amp;");
        assertThat(account(written))
                .containsEntry("IncomingMailServerHostName", RoundTripTest.AWKWARD)
                .containsEntry("EmailAddress", RoundTripTest.AWKWARD)
                .containsEntry("PayloadDisplayName", RoundTripTest.AWKWARD);
    }

    /** libplist's plistutil (Debian package libplist-utils) converts it to binary and back. */
    @Test
    void plistutil_converts_the_profile_to_binary_and_back(@TempDir Path dir) throws Exception {
        Optional<Path> plistutil = onPath("plistutil");
        assumeThat(plistutil).as("plistutil (apt-get install libplist-utils)").isPresent();
        String written =
                MobileconfigWriter.write(RoundTripTest.AWKWARD_CONFIG, RoundTripTest.AWKWARD, PROFILE, ACCOUNT);
        Path xml = Files.writeString(dir.resolve("profile.mobileconfig"), written);
        Path binary = dir.resolve("profile.bin");
        Path back = dir.resolve("back.plist");

        run(plistutil.get(), "-i", xml.toString(), "-o", binary.toString(), "-f", "bin");
        run(plistutil.get(), "-i", binary.toString(), "-o", back.toString(), "-f", "xml");

        assertThat(Files.readAllBytes(binary))
                .startsWith("bplist00".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(PlistReader.parse(Files.readAllBytes(back)))
                .isEqualTo(PlistReader.parse(RoundTripTest.utf8(written)));
    }

    private static Map<Object, Object> account(String written) {
        Map<Object, Object> profile = PlistReaderTest.dict(PlistReader.parse(RoundTripTest.utf8(written)));
        return PlistReaderTest.dict(((List<?>) profile.get("PayloadContent")).get(0));
    }

    private static Optional<Path> onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void run(Path program, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 20 seconds");
        }
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        // plistutil 2.2 exits 0 even when it cannot convert; it says so on its output.
        assertThat(process.exitValue()).as(command + " said: " + output).isZero();
        assertThat(output).as(command.toString()).doesNotContain("ERROR");
    }
}
