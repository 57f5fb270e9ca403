package dev.mailcert.lab.mail;

import dev.mailcert.lab.link.LatencyRelay;
import dev.mailcert.lab.link.RoundTripTime;
import dev.mailcert.lab.pki.SniCertificateSelector;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A mail server on one loopback address: IMAP, POP3 and SMTP submission, each with implicit
 * TLS and with STARTTLS, choosing its certificate by SNI. It greets, lists capabilities,
 * upgrades to TLS and says goodbye; it never accepts credentials. One virtual thread per
 * connection; runs until {@link #close()}. With a round-trip time, each service listens behind a
 * {@link LatencyRelay} on its port, so every byte to and from it pays the round trip.
 *
 * <pre>{@code
 * try (LabMailServer server = LabMailServer.start(MailServerSpec.simple(address, issued))) {
 *   int imaps = server.port(MailService.IMAP_TLS); // 10993
 * }
 * }</pre>
 */
public final class LabMailServer implements AutoCloseable {
    private final MailServerSpec spec;
    private final RoundTripTime rtt;
    private final SSLSocketFactory tls;
    private final Map<MailService, ServerSocket> listeners = new EnumMap<>(MailService.class);
    private final List<Thread> acceptors = new ArrayList<>();
    private final List<LatencyRelay> relays = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private LabMailServer(MailServerSpec spec, RoundTripTime rtt) throws GeneralSecurityException {
        this.spec = spec;
        this.rtt = rtt;
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
                new KeyManager[] {new SniCertificateSelector(spec.defaultCertificate(), spec.bySni())}, null, null);
        this.tls = context.getSocketFactory();
    }

    /**
     * Binds every enabled service and starts accepting.
     *
     * @throws IOException naming the address and port when one cannot be bound (e.g. in use)
     */
    public static LabMailServer start(MailServerSpec spec) throws IOException {
        return start(spec, RoundTripTime.NONE);
    }

    /** As {@link #start(MailServerSpec)}, as far away from its clients as {@code rtt}. */
    public static LabMailServer start(MailServerSpec spec, RoundTripTime rtt) throws IOException {
        LabMailServer server;
        try {
            server = new LabMailServer(spec, rtt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS server context", e);
        }
        try {
            for (MailService service : MailService.values()) {
                if (spec.services().contains(service)) {
                    server.listen(service);
                }
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void listen(MailService service) throws IOException {
        InetSocketAddress where = new InetSocketAddress(spec.address(), service.port(spec.portOffset()));
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true); // lets the next lab bind while old connections sit in TIME_WAIT
            if (rtt.isZero()) {
                listener.bind(where, 50);
            } else { // the service on a free port, the relay on the service's own
                listener.bind(new InetSocketAddress(spec.address(), 0), 50);
                relays.add(LatencyRelay.start(where, (InetSocketAddress) listener.getLocalSocketAddress(), rtt));
            }
        } catch (IOException e) {
            listener.close();
            String reason = e instanceof BindException ? e.getMessage() : e.toString();
            throw new IOException(
                    "cannot listen for " + service.id() + " on "
                            + where.getAddress().getHostAddress() + ":" + where.getPort() + ": " + reason
                            + " (is another lab or server using it?)",
                    e);
        }
        listeners.put(service, listener);
        acceptors.add(Thread.ofVirtual()
                .name("lab-" + service.id() + "-" + spec.address().getHostAddress())
                .start(() -> accept(service, listener)));
    }

    private void accept(MailService service, ServerSocket listener) {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.incrementAndGet();
            open.add(client);
            try {
                client.setTcpNoDelay(true); // replies are small and each one is awaited: no Nagle delay
            } catch (IOException e) {
                // the peer is already gone; the session below ends at once
            }
            Thread.ofVirtual().start(() -> {
                try (client) {
                    new MailSession(client, tls, service.newDialogue(spec.starttls(), spec.hostname()))
                            .run(service.implicitTls());
                } catch (IOException e) {
                    // closing a dead socket: nothing left to do
                } finally {
                    open.remove(client);
                }
            });
        }
    }

    public MailServerSpec spec() {
        return spec;
    }

    /** The port a service listens on (standard port + offset), whether enabled or not. */
    public int port(MailService service) {
        return service.port(spec.portOffset());
    }

    public Set<MailService> services() {
        return spec.services();
    }

    /** The round-trip time between this server and its clients (zero: loopback speed). */
    public RoundTripTime rtt() {
        return rtt;
    }

    /** Connections accepted so far, across all services. */
    public int connections() {
        return connections.get();
    }

    /** Stops listening and cuts open connections; safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        relays.forEach(LatencyRelay::close);
        for (ServerSocket listener : listeners.values()) {
            try {
                listener.close();
            } catch (IOException e) {
                // already closed
            }
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        for (Thread acceptor : acceptors) {
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
