package dev.mailcert.cli;

import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.engine.Mailcert;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The options that set up the engine, shared by every command that checks (check, config, scan, serve). */
final class EngineOptions {
    /** At most this many connections at a time to one server address. */
    static final int CONNECTIONS_PER_ADDRESS = 4;

    static final List<CommandSpec.Option> OPTIONS = List.of(
            CommandSpec.Option.value("--dns", "HOST[:PORT]", "Ask this DNS server instead of the system's."),
            CommandSpec.Option.value(
                    "--trust", "FILE.pem", "Trust exactly the root certificates in this file instead of the JDK's."),
            CommandSpec.Option.value(
                            "--port-offset", "N", "Add N to every standard mail port (labs listen on port + 10000).")
                    .withDefault("0"),
            CommandSpec.Option.flag("--offline", "Do not ask Mozilla's ISP database (autoconfig.thunderbird.net)."));

    final @Nullable String dns;
    final @Nullable Path trust;
    final int portOffset;
    final boolean offline;

    EngineOptions(Arguments arguments) {
        dns = arguments.string("--dns");
        trust = arguments.path("--trust");
        portOffset = arguments.integer("--port-offset");
        offline = arguments.flag("--offline");
    }

    /** An engine builder with these options applied; each refusal names its flag. */
    Mailcert.Builder builder() {
        Mailcert.Builder builder = Mailcert.builder().offline(offline).connectionsPerAddress(CONNECTIONS_PER_ADDRESS);
        CheckOptions.flag("--port-offset", () -> builder.portOffset(portOffset));
        String server = dns;
        if (server != null) {
            builder.dnsServer(CheckOptions.flag("--dns", () -> DnsServer.parse(server)));
        }
        Path roots = trust;
        if (roots != null) {
            builder.trust(CheckOptions.flag("--trust", () -> TrustAnchors.fromPem(roots)));
        }
        return builder;
    }
}
