package dev.mailcert.cli;

import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.engine.Mailcert;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that set up the engine, shared by every command that checks (check, config, scan, serve). */
final class EngineOptions {
    /** At most this many connections at a time to one server address. */
    static final int CONNECTIONS_PER_ADDRESS = 4;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", description = "Ask this DNS server instead of the system's.")
    String dns;

    @Option(
            names = "--trust",
            paramLabel = "FILE.pem",
            description = "Trust exactly the root certificates in this file instead of the JDK's.")
    Path trust;

    @Option(
            names = "--port-offset",
            paramLabel = "N",
            defaultValue = "0",
            description = "Add N to every standard mail port (labs listen on port + 10000).")
    int portOffset;

    @Option(names = "--offline", description = "Do not ask Mozilla's ISP database (autoconfig.thunderbird.net).")
    boolean offline;

    /** An engine builder with these options applied; each refusal names its flag. */
    Mailcert.Builder builder() {
        Mailcert.Builder builder = Mailcert.builder().offline(offline).connectionsPerAddress(CONNECTIONS_PER_ADDRESS);
        CheckOptions.flag("--port-offset", () -> builder.portOffset(portOffset));
        if (dns != null) {
            builder.dnsServer(CheckOptions.flag("--dns", () -> DnsServer.parse(dns)));
        }
        if (trust != null) {
            builder.trust(CheckOptions.flag("--trust", () -> TrustAnchors.fromPem(trust)));
        }
        return builder;
    }
}
