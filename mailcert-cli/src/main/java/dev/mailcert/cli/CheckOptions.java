package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.HostName;
import dev.mailcert.cert.CertificateAssessor;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.diagnose.Check;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.discover.Discoverer;
import dev.mailcert.discover.HttpsWebClient;
import dev.mailcert.dns.DnsResolver;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.probe.ConnectionLimiter;
import dev.mailcert.probe.ProbeLimits;
import dev.mailcert.probe.TlsProber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The target and options every command that runs a check shares (check, config). */
final class CheckOptions {
    /** At most this many connections at a time to one server address. */
    static final int CONNECTIONS_PER_ADDRESS = 4;

    @Parameters(index = "0", paramLabel = "TARGET", description = "Your email address or mail domain.")
    String target;

    @Option(names = "--server", paramLabel = "HOST",
            description = "The server name your mail client is configured with, e.g. mail.customer.example.")
    String server;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", description = "Ask this DNS server instead of the system's.")
    String dns;

    @Option(names = "--trust", paramLabel = "FILE.pem",
            description = "Trust exactly the root certificates in this file instead of the JDK's.")
    Path trust;

    @Option(names = "--port-offset", paramLabel = "N", defaultValue = "0",
            description = "Add N to every standard mail port (labs listen on port + 10000).")
    int portOffset;

    @Option(names = "--mx", description = "Also check the domain's MX hosts on port 25 (STARTTLS), where other servers deliver.")
    boolean mx;

    @Option(names = "--offline", description = "Do not ask Mozilla's ISP database (autoconfig.thunderbird.net).")
    boolean offline;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Deadline for the whole command, from its start to the report (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    CheckRequest request() {
        Optional<HostName> serverName = Optional.ofNullable(server).map(CheckOptions::parseServer);
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        var asked = new CheckRequest(Target.parse(target), serverName, portOffset, timeout, Instant.now(), mx);
        // the request above judges the options as given; the check itself gets what the process has left
        return new CheckRequest(asked.target(), asked.server(), asked.portOffset(), ProcessDeadline.forCheck(timeout),
                asked.at(), asked.mx());
    }

    Check engine() {
        DnsResolver resolver = dns == null ? DnsResolver.system() : DnsResolver.using(DnsServer.parse(dns));
        TrustAnchors anchors = trust == null ? TrustAnchors.system() : TrustAnchors.fromPem(trust);
        var prober = new ConnectionLimiter(CONNECTIONS_PER_ADDRESS).wrap(new TlsProber(ProbeLimits.defaults()));
        var discoverer = new Discoverer(resolver, new HttpsWebClient(resolver, anchors), offline);
        return new Check(resolver, prober, new CertificateAssessor(anchors), discoverer);
    }

    private static HostName parseServer(String text) {
        try {
            return HostName.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException("--server: " + e.getMessage());
        }
    }
}
