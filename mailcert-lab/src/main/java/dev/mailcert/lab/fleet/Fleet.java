package dev.mailcert.lab.fleet;

import dev.mailcert.lab.mail.MailService;
import dev.mailcert.lab.pki.CertificateSpec;
import dev.mailcert.lab.pki.Issuer;
import dev.mailcert.lab.scenario.ExpectedVerdict;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.lab.scenario.ScenarioServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hosting provider's fleet for the lab: {@code size} hosted domains on a few shared servers of
 * different shapes (see {@link FleetShape}), with the verdict a correct check gives each. The
 * same size and network always give the same domains, shapes and input lines; only the
 * certificates are new each time the lab starts.
 *
 * <pre>{@code
 * Fleet fleet = Fleet.generate(1000);                 // on 127.0.20.0/24
 * try (Lab lab = Lab.start(fleet.scenario())) {
 *     fleet.writeInput(Path.of("fleet.txt"));        // one "TARGET,SERVER" a line, for mailcert scan
 * }
 * }</pre>
 */
public final class Fleet {
    public static final String DEFAULT_NETWORK = "127.0.20";
    public static final int MAX_SIZE = 20_000;
    /** One cycle of shapes: six wildcard, three SAN-only, three with their own certificate, ... twenty in all. */
    private static final List<FleetShape> CYCLE = List.of(
            FleetShape.WILDCARD,
            FleetShape.SAN_ONLY,
            FleetShape.OWN_CERTIFICATE,
            FleetShape.SNI_DEFAULT,
            FleetShape.EXPIRED_DEFAULT,
            FleetShape.SELF_SIGNED,
            FleetShape.NO_RECORD,
            FleetShape.WILDCARD,
            FleetShape.SAN_ONLY,
            FleetShape.OWN_CERTIFICATE,
            FleetShape.WILDCARD,
            FleetShape.NO_SERVER,
            FleetShape.SNI_DEFAULT,
            FleetShape.WILDCARD,
            FleetShape.OWN_CERTIFICATE,
            FleetShape.EXPIRED_DEFAULT,
            FleetShape.SAN_ONLY,
            FleetShape.SELF_SIGNED,
            FleetShape.WILDCARD,
            FleetShape.WILDCARD);

    private static final Pattern NETWORK =
            Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private final String network;
    private final List<FleetDomain> domains;
    private final Scenario scenario;

    private Fleet(String network, List<FleetDomain> domains, Scenario scenario) {
        this.network = network;
        this.domains = domains;
        this.scenario = scenario;
    }

    /** A fleet of {@code size} domains on 127.0.20.0/24. */
    public static Fleet generate(int size) {
        return generate(size, DEFAULT_NETWORK);
    }

    /**
     * A fleet of {@code size} domains (1 to {@value #MAX_SIZE}) on {@code network}.0/24, where
     * {@code network} is the first three octets of a loopback address, e.g. "127.0.21".
     */
    public static Fleet generate(int size, String network) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a lab fleet has 1 to " + MAX_SIZE + " domains, not " + size);
        }
        if (!NETWORK.matcher(network).matches()) {
            throw new IllegalArgumentException("a lab fleet's network is 127.X.Y (a loopback /24), not " + network);
        }
        List<FleetDomain> domains = new ArrayList<>(size);
        int width = Math.max(5, Integer.toString(size).length());
        for (int i = 1; i <= size; i++) {
            String domain = String.format("customer%0" + width + "d.example", i);
            FleetShape shape = CYCLE.get((i - 1) % CYCLE.size());
            domains.add(
                    switch (i % 10) {
                        case 3 ->
                            new FleetDomain(domain, domain, Optional.empty(), shape); // as a client would discover
                        case 7 -> new FleetDomain(domain, "postmaster@" + domain, Optional.of("mail." + domain), shape);
                        default -> new FleetDomain(domain, domain, Optional.of("mail." + domain), shape);
                    });
        }
        return new Fleet(network, List.copyOf(domains), scenario(network, domains));
    }

    /** The lab scenario that serves the fleet: its DNS zone, certificates and shared servers. */
    public Scenario scenario() {
        return scenario;
    }

    public List<FleetDomain> domains() {
        return domains;
    }

    /** The first three octets of the fleet's addresses. */
    public String network() {
        return network;
    }

    /** The number of domains of each verdict a correct scan reports. */
    public Map<ExpectedVerdict, Integer> expectedCounts() {
        Map<ExpectedVerdict, Integer> counts = new LinkedHashMap<>();
        for (ExpectedVerdict v : ExpectedVerdict.values()) {
            counts.put(v, 0);
        }
        domains.forEach(d -> counts.merge(d.shape().expect(), 1, Integer::sum));
        return counts;
    }

    /** Writes the scan input: a comment, then one line per domain. */
    public void writeInput(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# mailcert lab fleet: " + domains.size() + " hosted domains on " + network + ".0/24\n");
            for (FleetDomain d : domains) {
                out.write(d.line());
                out.write('\n');
            }
        }
    }

    private static Scenario scenario(String network, List<FleetDomain> domains) {
        String wildcard = network + ".2";
        String sanOnly = network + ".3";
        String perSni = network + ".4";
        String expired = network + ".6";
        String selfSigned = network + ".8";
        String nobody = network + ".9";
        String dns = network + ".53";
        StringBuilder zone = new StringBuilder();
        String[] octets = network.split("\\.");
        String reverse = octets[2] + "." + octets[1] + "." + octets[0] + ".in-addr.arpa.";
        String generic = "3-" + octets[2] + "-" + octets[1] + "-" + octets[0] + ".dsl.isp.example";
        for (String hoster : List.of("webhost", "hostingco", "sniphost", "oldhost", "cheaphost")) {
            zone.append(hoster).append(".example. NS ns1.").append(hoster).append(".example.\n");
            zone.append("ns1.")
                    .append(hoster)
                    .append(".example. A ")
                    .append(dns)
                    .append('\n');
        }
        record("srv1.webhost.example", wildcard, zone);
        zone.append("2.").append(reverse).append(" PTR srv1.webhost.example.\n");
        record("mail.hostingco.example", sanOnly, zone);
        record(generic, sanOnly, zone);
        zone.append("3.").append(reverse).append(" PTR ").append(generic).append(".\n");
        record("srv4.sniphost.example", perSni, zone);
        zone.append("4.").append(reverse).append(" PTR srv4.sniphost.example.\n");
        record("srv6.oldhost.example", expired, zone);
        zone.append("6.").append(reverse).append(" PTR srv6.oldhost.example.\n");
        record("srv8.cheaphost.example", selfSigned, zone);
        zone.append("8.").append(reverse).append(" PTR srv8.cheaphost.example.\n");

        Map<String, CertificateSpec> certificates = new LinkedHashMap<>();
        certificates.put("webhost-wildcard", CertificateSpec.forNames("*.webhost.example", "webhost.example"));
        certificates.put("hostingco", CertificateSpec.forNames("mail.hostingco.example", "hostingco.example"));
        certificates.put("vhost-default", CertificateSpec.forNames("*.vhost-default.example"));
        certificates.put("sniphost", CertificateSpec.forNames("srv4.sniphost.example"));
        certificates.put(
                "oldhost-expired",
                CertificateSpec.forNames("*.oldhost.example", "oldhost.example").expired());
        certificates.put("oldhost-fresh", CertificateSpec.forNames("srv6.oldhost.example"));
        certificates.put(
                "cheaphost",
                CertificateSpec.forNames("*.cheaphost.example", "cheaphost.example")
                        .issuedBy(Issuer.SELF));
        Map<String, String> perSniNames = new LinkedHashMap<>();
        perSniNames.put("srv4.sniphost.example", "sniphost");

        for (FleetDomain d : domains) {
            String mail = "mail." + d.domain();
            String hoster = switch (d.shape()) {
                case WILDCARD, NO_RECORD, NO_SERVER -> "webhost";
                case SAN_ONLY -> "hostingco";
                case OWN_CERTIFICATE, SNI_DEFAULT -> "sniphost";
                case EXPIRED_DEFAULT -> "oldhost";
                case SELF_SIGNED -> "cheaphost";
            };
            zone.append(d.domain()).append(". NS ns1.").append(hoster).append(".example.\n");
            switch (d.shape()) {
                case WILDCARD -> record(mail, wildcard, zone);
                case SAN_ONLY -> record(mail, sanOnly, zone);
                case OWN_CERTIFICATE, SNI_DEFAULT -> record(mail, perSni, zone);
                case EXPIRED_DEFAULT -> record(mail, expired, zone);
                case SELF_SIGNED -> record(mail, selfSigned, zone);
                case NO_SERVER -> record(mail, nobody, zone);
                case NO_RECORD -> {}
            }
            if (d.shape() == FleetShape.OWN_CERTIFICATE) {
                certificates.put("own-" + d.domain(), CertificateSpec.forNames(mail));
                perSniNames.put(mail, "own-" + d.domain());
            }
        }
        Map<String, String> oldhostSni = Map.of("srv6.oldhost.example", "oldhost-fresh");
        List<ScenarioServer> servers = List.of(
                server(wildcard, "webhost-wildcard", Map.of(), "srv1.webhost.example"),
                server(sanOnly, "hostingco", Map.of(), "mail.hostingco.example"),
                server(perSni, "vhost-default", perSniNames, "srv4.sniphost.example"),
                server(expired, "oldhost-expired", oldhostSni, "srv6.oldhost.example"),
                server(selfSigned, "cheaphost", Map.of(), "srv8.cheaphost.example"));
        FleetDomain first = domains.stream()
                .filter(d -> d.shape() == FleetShape.WILDCARD)
                .findFirst()
                .orElse(domains.get(0));
        return new Scenario(
                "fleet-" + domains.size(),
                domains.size() + " hosted domains on five shared servers at " + network + ".2-8 (wildcard, SAN-only, "
                        + "per-SNI, expired by default, self-signed) and some whose mail name is missing or unserved",
                "postmaster@" + first.domain(),
                "mail." + first.domain(),
                first.shape().expect(),
                first.shape().recommend(),
                ip(dns),
                zone.toString(),
                certificates,
                servers);
    }

    private static void record(String name, String address, StringBuilder zone) {
        zone.append(name).append(". A ").append(address).append('\n');
    }

    private static ScenarioServer server(String address, String certificate, Map<String, String> sni, String hostname) {
        return new ScenarioServer(ip(address), certificate, sni, EnumSet.allOf(MailService.class), true, hostname);
    }

    private static InetAddress ip(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
    }
}
