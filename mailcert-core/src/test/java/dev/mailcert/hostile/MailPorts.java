package dev.mailcert.hostile;

import dev.mailcert.probe.Endpoint;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.ScriptedServer;
import dev.mailcert.probe.ScriptedServer.Step;
import dev.mailcert.probe.Security;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scripted servers on the mail ports of one loopback address (standard port + {@link HostileCheck#PORT_OFFSET}),
 * one script per endpoint; endpoints without a script stay closed, so connections to them are refused.
 *
 * <pre>{@code
 * try (MailPorts ports = MailPorts.on(address).serve(Protocol.IMAP, Security.TLS, holdOpen()).start()) { ... }
 * }</pre>
 */
final class MailPorts implements AutoCloseable {
    private final Map<Endpoint, ScriptedServer> servers;

    private MailPorts(Map<Endpoint, ScriptedServer> servers) {
        this.servers = servers;
    }

    static Builder on(InetAddress address) {
        return new Builder(address);
    }

    /** The endpoint a check probes for {@code protocol} and {@code security}, with the hostile port offset. */
    static Endpoint endpoint(Protocol protocol, Security security) {
        return Endpoint.standard(HostileCheck.PORT_OFFSET).stream()
                .filter(e -> e.protocol() == protocol && e.security() == security)
                .findFirst()
                .orElseThrow();
    }

    ScriptedServer at(Protocol protocol, Security security) {
        ScriptedServer server = servers.get(endpoint(protocol, security));
        if (server == null) {
            throw new IllegalArgumentException("no script on " + endpoint(protocol, security));
        }
        return server;
    }

    /** Waits until every script ended or its client hung up, at most {@code limit} in all. */
    void awaitEnd(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        for (ScriptedServer server : servers.values()) {
            server.awaitEnd(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
        }
    }

    /** How many scripts still run (their client has not hung up). */
    long stillRunning() {
        return servers.values().stream().filter(ScriptedServer::running).count();
    }

    @Override
    public void close() throws Exception {
        for (ScriptedServer server : servers.values()) {
            server.close();
        }
    }

    static final class Builder {
        private final InetAddress address;
        private final Map<Endpoint, List<Step>> scripts = new LinkedHashMap<>();

        private Builder(InetAddress address) {
            this.address = address;
        }

        Builder serve(Protocol protocol, Security security, Step... script) {
            scripts.put(endpoint(protocol, security), List.of(script));
            return this;
        }

        /** The same script on the implicit-TLS port of every protocol. */
        Builder serveImplicitTls(Step... script) {
            for (Protocol protocol : Protocol.values()) {
                serve(protocol, Security.TLS, script);
            }
            return this;
        }

        /** The same script on the STARTTLS port of every protocol. */
        Builder serveStartTls(Step... script) {
            for (Protocol protocol : Protocol.values()) {
                serve(protocol, Security.STARTTLS, script);
            }
            return this;
        }

        MailPorts start() throws IOException {
            Map<Endpoint, ScriptedServer> started = new LinkedHashMap<>();
            List<ScriptedServer> opened = new ArrayList<>();
            try {
                for (var entry : scripts.entrySet()) {
                    ScriptedServer server = ScriptedServer.startAt(
                            new InetSocketAddress(address, entry.getKey().port()), entry.getValue());
                    opened.add(server);
                    started.put(entry.getKey(), server);
                }
            } catch (IOException e) {
                for (ScriptedServer server : opened) {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // already failing: the bind error is the one to report
                    }
                }
                throw e;
            }
            return new MailPorts(started);
        }
    }
}
