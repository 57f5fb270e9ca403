package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.clientconfig.AutoconfigReader;
import dev.mailcert.clientconfig.AutodiscoverReader;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.clientconfig.PlistReader;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.probe.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files come from a real check of the lab and carry only the verified names. */
class ConfigCommandTest {
    private static final List<ServerSetting> SEED_FIX = List.of(
            new ServerSetting(Protocol.IMAP, "srv12.webhost.example", 10993, SocketType.SSL),
            new ServerSetting(Protocol.POP3, "srv12.webhost.example", 10995, SocketType.SSL),
            new ServerSetting(Protocol.SMTP, "srv12.webhost.example", 10465, SocketType.SSL));

    private static Run run(Lab lab, String... extra) {
        List<String> args = new ArrayList<>(List.of(extra[0]));
        args.addAll(LabCheckCommand.arguments(lab));
        args.add("--offline");
        args.addAll(List.of(extra).subList(1, extra.length));
        return Run.of(args.toArray(String[]::new));
    }

    @Test
    void config_thunderbird_readsBackToTheVerifiedServers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config-v1.1.xml");
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
            Run run = run(lab, "config", "--format", "thunderbird", "--out", file.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("Wrote thunderbird configuration");
        }
        ClientConfig config = AutoconfigReader.parse(Files.readAllBytes(file));
        assertThat(config.servers()).containsExactlyElementsOf(SEED_FIX);
        assertThat(config.domains()).containsExactly("customer.example");
    }

    @Test
    void checkWriteConfig_writesAllThreeFormatsAndEachReadsBack(@TempDir Path dir) throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
            Run run = run(lab, "check", "--write-config", dir.toString());
            assertThat(run.code()).isEqualTo(1); // fixable
            assertThat(run.out()).contains("Configuration files with the verified names");
        }
        assertThat(AutoconfigReader.parse(Files.readAllBytes(dir.resolve("config-v1.1.xml")))
                        .servers())
                .containsExactlyElementsOf(SEED_FIX);
        assertThat(AutodiscoverReader.parse(Files.readAllBytes(dir.resolve("autodiscover.xml")))
                        .servers())
                .containsExactlyElementsOf(SEED_FIX);
        Object plist = PlistReader.parse(Files.readAllBytes(dir.resolve("customer.example.mobileconfig")));
        @SuppressWarnings("unchecked")
        Map<String, Object> account =
                (Map<String, Object>) ((List<Object>) ((Map<String, Object>) plist).get("PayloadContent")).get(0);
        assertThat(account)
                .containsEntry("IncomingMailServerHostName", "srv12.webhost.example")
                .containsEntry("OutgoingMailServerHostName", "srv12.webhost.example")
                .containsEntry("EmailAddress", "alice@customer.example");
    }

    @Test
    void config_unfixableServer_writesNothingAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.xml");
        try (Lab lab = Lab.start(Scenario.builtIn("self-signed"))) {
            Run run = run(lab, "config", "--format", "thunderbird", "--out", file.toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("no configuration written").contains("verdict unfixable");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void config_unknownFormat_isBadInput() {
        Run run = Run.of("config", "alice@customer.example", "--format", "outlook");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--format must be thunderbird, autodiscover or mobileconfig");
    }
}
