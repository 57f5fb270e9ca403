package dev.mailcert.lab.scenario;

import dev.mailcert.lab.link.RoundTripTime;
import dev.mailcert.lab.pki.CertificateSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small world for a check to run in: who the user is, which server name they configured, the
 * DNS zone, the certificates and the mail servers. Read from YAML (see docs/scenarios.md).
 *
 * <pre>{@code
 * Scenario seed = Scenario.builtIn("shared-hosting");
 * Scenario mine = Scenario.load(Path.of("my-case.yaml"));
 * }</pre>
 *
 * @param name short identifier, e.g. "shared-hosting"
 * @param description what the scenario shows, for people
 * @param user the mail address being set up
 * @param server the host name the person configured in their client
 * @param expect the verdict a correct check gives
 * @param recommend for a fixable scenario: the host name a check should recommend
 * @param dns address of the scenario's DNS server (port 53 + port offset)
 * @param zone DNS records in master-file format with absolute names
 * @param certificates certificate specs by name
 * @param servers the mail servers
 * @param web the HTTPS servers offering client configuration (autoconfig, Autodiscover); often none
 * @param rtt the round-trip time every DNS answer and every byte to and from the servers pays (zero: loopback speed)
 */
public record Scenario(
        String name,
        String description,
        String user,
        String server,
        ExpectedVerdict expect,
        Optional<String> recommend,
        InetAddress dns,
        String zone,
        Map<String, CertificateSpec> certificates,
        List<ScenarioServer> servers,
        List<ScenarioWeb> web,
        RoundTripTime rtt) {

    /** Scenario files are small; anything bigger is a mistake. */
    static final int MAX_FILE_BYTES = 256 * 1024;

    private static final String RESOURCES = "/dev/mailcert/lab/scenarios/";

    public Scenario {
        certificates = Map.copyOf(certificates);
        servers = List.copyOf(servers);
        web = List.copyOf(web);
    }

    /** A scenario without HTTPS servers, at loopback speed. */
    public Scenario(
            String name,
            String description,
            String user,
            String server,
            ExpectedVerdict expect,
            Optional<String> recommend,
            InetAddress dns,
            String zone,
            Map<String, CertificateSpec> certificates,
            List<ScenarioServer> servers) {
        this(
                name,
                description,
                user,
                server,
                expect,
                recommend,
                dns,
                zone,
                certificates,
                servers,
                List.of(),
                RoundTripTime.NONE);
    }

    /** The same world, as far away as {@code rtt}. */
    public Scenario withRtt(RoundTripTime rtt) {
        return new Scenario(
                name, description, user, server, expect, recommend, dns, zone, certificates, servers, web, rtt);
    }

    /** The domain part of the user's address. */
    public String domain() {
        return user.substring(user.lastIndexOf('@') + 1);
    }

    /** Names of the scenarios shipped with the lab, in a stable order. */
    public static List<String> builtInNames() {
        return Arrays.stream(resource("index.txt").split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** A scenario shipped with the lab, e.g. "shared-hosting". */
    public static Scenario builtIn(String name) {
        if (!builtInNames().contains(name)) {
            throw new IllegalArgumentException(
                    "no built-in scenario '" + name + "' (available: " + String.join(", ", builtInNames()) + ")");
        }
        return parse(resource(name + ".yaml"), name + ".yaml");
    }

    /** Reads a scenario file; IllegalArgumentException with a one-line message when it is invalid. */
    public static Scenario load(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(
                    file.getFileName() + ": larger than " + MAX_FILE_BYTES + " bytes, not a scenario");
        }
        return parse(
                Files.readString(file, StandardCharsets.UTF_8),
                file.getFileName().toString());
    }

    /**
     * Parses scenario YAML.
     *
     * @param source names the text in error messages, e.g. the file name
     */
    public static Scenario parse(String yaml, String source) {
        return new ScenarioReader(source).read(yaml);
    }

    private static String resource(String name) {
        try (InputStream in = Scenario.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("lab resource " + RESOURCES + name + " is missing from the build");
            }
            return new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
