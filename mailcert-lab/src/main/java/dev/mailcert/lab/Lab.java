package dev.mailcert.lab;

import dev.mailcert.lab.dns.AuthoritativeDnsServer;
import dev.mailcert.lab.dns.DnsBehaviour;
import dev.mailcert.lab.mail.LabMailServer;
import dev.mailcert.lab.mail.MailServerSpec;
import dev.mailcert.lab.pki.IssuedCertificate;
import dev.mailcert.lab.pki.LabPki;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.lab.scenario.ScenarioServer;
import dev.mailcert.lab.scenario.ScenarioWeb;
import dev.mailcert.lab.web.LabWebServer;
import dev.mailcert.lab.web.WebServerSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A running scenario: its DNS server, its mail servers and a fresh PKI whose root is the only
 * thing a check has to trust. With a round-trip time ({@link Scenario#rtt()}), every DNS answer
 * and every byte to and from the servers pays it, as over the internet.
 *
 * <pre>{@code
 * try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
 *   lab.dnsAddress();   // 127.0.10.53:10053, the scenario's authoritative DNS server
 *   lab.trustFile();    // the lab root, the one certificate to trust
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {
    /** Standard ports + 10000, so the lab needs no privileges. */
    public static final int DEFAULT_PORT_OFFSET = MailServerSpec.DEFAULT_PORT_OFFSET;

    private static final int DNS_PORT = 53;
    private static final int HTTPS_PORT = 443;

    private final Scenario scenario;
    private final int portOffset;
    private final LabPki pki;
    private final Map<String, IssuedCertificate> certificates;
    private final Path trustFile;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<LabMailServer> mailServers = new ArrayList<>();
    private final List<LabWebServer> webServers = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private AuthoritativeDnsServer dns;

    private Lab(Scenario scenario, int portOffset) throws IOException {
        this.scenario = scenario;
        this.portOffset = portOffset;
        this.pki = LabPki.create();
        Map<String, IssuedCertificate> issued = new LinkedHashMap<>();
        scenario.certificates().forEach((name, spec) -> issued.put(name, pki.issue(spec)));
        this.certificates = Map.copyOf(issued);
        this.trustFile = Files.createTempFile("mailcert-lab-root-", ".pem");
        Files.writeString(trustFile, pki.rootPem(), StandardCharsets.US_ASCII);
    }

    /** Starts the scenario on standard ports + {@value #DEFAULT_PORT_OFFSET}. */
    public static Lab start(Scenario scenario) throws IOException {
        return start(scenario, DEFAULT_PORT_OFFSET);
    }

    /**
     * Starts the scenario's DNS and mail servers.
     *
     * @throws IOException naming the address and port when something cannot be bound
     * @throws IllegalArgumentException when the offset moves a port out of range
     */
    public static Lab start(Scenario scenario, int portOffset) throws IOException {
        if (DNS_PORT + portOffset < 1 || 995 + portOffset > 65535) {
            throw new IllegalArgumentException("port offset " + portOffset + " moves lab ports out of 1..65535");
        }
        Lab lab = new Lab(scenario, portOffset);
        try {
            lab.startServers();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void startServers() throws IOException {
        InetSocketAddress dnsBind = new InetSocketAddress(scenario.dns(), DNS_PORT + portOffset);
        try {
            dns = AuthoritativeDnsServer.start(dnsBind, scenario.zone(), DnsBehaviour.normal(), scenario.rtt());
        } catch (IOException e) {
            throw new IOException(
                    "cannot start the lab DNS server on " + hostPort(dnsBind) + ": " + e.getMessage()
                            + " (is another lab or server using it?)",
                    e);
        }
        running.add(dns);
        for (ScenarioServer server : scenario.servers()) {
            LabMailServer mail = LabMailServer.start(
                    new MailServerSpec(
                            server.address(),
                            portOffset,
                            certificates.get(server.certificate()),
                            bySni(server.sni()),
                            server.services(),
                            server.starttls(),
                            server.hostname()),
                    scenario.rtt());
            running.add(mail);
            mailServers.add(mail);
        }
        for (ScenarioWeb web : scenario.web()) {
            LabWebServer server = LabWebServer.start(
                    new WebServerSpec(
                            web.address(),
                            httpsPort(),
                            certificates.get(web.certificate()),
                            bySni(web.sni()),
                            web.autoconfig(),
                            web.autodiscover()),
                    scenario.rtt());
            running.add(server);
            webServers.add(server);
        }
    }

    private Map<String, IssuedCertificate> bySni(Map<String, String> sni) {
        return sni.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> certificates.get(e.getValue())));
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Where the scenario's DNS server answers (UDP and TCP). */
    public InetSocketAddress dnsAddress() {
        return dns.address();
    }

    /** Every question the lab's DNS server was asked over UDP, in order ("name. TYPE"). */
    public List<String> dnsQuestions() {
        return dns.questions();
    }

    public int portOffset() {
        return portOffset;
    }

    /** The roots a check must trust: just this lab's root. */
    public List<X509Certificate> trustRoots() {
        return List.of(pki.root());
    }

    /** The lab root as a PEM file, for {@code --trust}; deleted on {@link #close()}. */
    public Path trustFile() {
        return trustFile;
    }

    /** The certificates issued for the scenario, by their name in the scenario. */
    public Map<String, IssuedCertificate> certificates() {
        return certificates;
    }

    public List<LabMailServer> mailServers() {
        return List.copyOf(mailServers);
    }

    /** The HTTPS servers publishing client configuration (the scenario's {@code web:} list). */
    public List<LabWebServer> webServers() {
        return List.copyOf(webServers);
    }

    /** The port the lab's HTTPS servers listen on: 443 + the port offset. */
    public int httpsPort() {
        return HTTPS_PORT + portOffset;
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** Stops every server and deletes the trust file; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (AutoCloseable server : running.reversed()) {
            try {
                server.close();
            } catch (Exception e) {
                // keep closing the others; a server that fails to close has nothing left to release
            }
        }
        try {
            Files.deleteIfExists(trustFile);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
