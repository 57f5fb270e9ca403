package dev.mailcert.lab.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mailcert.lab.link.LatencyRelay;
import dev.mailcert.lab.link.RoundTripTime;
import dev.mailcert.lab.pki.SniCertificateSelector;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on one loopback address that publishes mail client configuration the way
 * providers do: Thunderbird autoconfig at {@value #AUTOCONFIG_PATH} (on autoconfig.DOMAIN) and
 * {@value #WELL_KNOWN_PATH} (on DOMAIN), Outlook Autodiscover POX by POST to
 * {@value #AUTODISCOVER_PATH}. Everything else, and a path whose content the scenario does not
 * give, answers 404. The certificate is chosen by SNI. With a round-trip time, it listens behind a
 * {@link LatencyRelay} on its port, so every byte to and from it pays the round trip.
 *
 * <pre>{@code
 * try (LabWebServer web = LabWebServer.start(spec)) {
 *   // GET https://autoconfig.customer.example:10443/mail/config-v1.1.xml?emailaddress=...
 * }
 * }</pre>
 */
public final class LabWebServer implements AutoCloseable {
    public static final String AUTOCONFIG_PATH = "/mail/config-v1.1.xml";
    public static final String WELL_KNOWN_PATH = "/.well-known/autoconfig/mail/config-v1.1.xml";
    public static final String AUTODISCOVER_PATH = "/autodiscover/autodiscover.xml";
    /** An Autodiscover request is a few hundred bytes; more is not read. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final WebServerSpec spec;
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Optional<LatencyRelay> relay;

    private LabWebServer(WebServerSpec spec, HttpsServer server, Optional<LatencyRelay> relay) {
        this.spec = spec;
        this.server = server;
        this.relay = relay;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException naming the address and port when it cannot be bound (e.g. in use)
     */
    public static LabWebServer start(WebServerSpec spec) throws IOException {
        return start(spec, RoundTripTime.NONE);
    }

    /** As {@link #start(WebServerSpec)}, as far away from its clients as {@code rtt}. */
    public static LabWebServer start(WebServerSpec spec, RoundTripTime rtt) throws IOException {
        InetSocketAddress where = new InetSocketAddress(spec.address(), spec.port());
        HttpsServer https = null;
        Optional<LatencyRelay> relay = Optional.empty();
        try {
            if (rtt.isZero()) {
                https = HttpsServer.create(where, 50);
            } else { // the server on a free port, the relay on the server's own
                https = HttpsServer.create(new InetSocketAddress(spec.address(), 0), 50);
                relay = Optional.of(LatencyRelay.start(where, https.getAddress(), rtt));
            }
        } catch (IOException e) {
            if (https != null) {
                stopQuietly(https);
            }
            String reason = e instanceof BindException ? e.getMessage() : e.toString();
            throw new IOException(
                    "cannot listen for https on " + spec.address().getHostAddress() + ":" + spec.port() + ": " + reason
                            + " (is another lab or server using it?)",
                    e);
        }
        https.setHttpsConfigurator(new HttpsConfigurator(tls(spec)));
        LabWebServer web = new LabWebServer(spec, https, relay);
        https.createContext("/", web::handle);
        https.setExecutor(web.executor);
        https.start();
        return web;
    }

    private static void stopQuietly(HttpsServer https) {
        try {
            https.stop(0);
        } catch (RuntimeException e) {
            // never started: nothing else to release
        }
    }

    private static SSLContext tls(WebServerSpec spec) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    new KeyManager[] {new SniCertificateSelector(spec.defaultCertificate(), spec.bySni())}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS server context", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.readNBytes(MAX_REQUEST_BYTES);
            Optional<String> content = contentFor(
                    spec.autoconfig(),
                    spec.autodiscover(),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath());
            if (content.isEmpty()) {
                byte[] notFound = "not found\n".getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=us-ascii");
                exchange.sendResponseHeaders(404, notFound.length);
                exchange.getResponseBody().write(notFound);
                return;
            }
            byte[] xml = content.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, xml.length);
            exchange.getResponseBody().write(xml);
        }
    }

    /** What a request gets: autoconfig by GET, Autodiscover by POST (Outlook also sends it capitalised). */
    static Optional<String> contentFor(
            Optional<String> autoconfig, Optional<String> autodiscover, String method, String path) {
        if (method.equals("GET") && (path.equals(AUTOCONFIG_PATH) || path.equals(WELL_KNOWN_PATH))) {
            return autoconfig;
        }
        if (method.equals("POST") && path.toLowerCase(Locale.ROOT).equals(AUTODISCOVER_PATH)) {
            return autodiscover;
        }
        return Optional.empty();
    }

    public WebServerSpec spec() {
        return spec;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(spec.address(), spec.port());
    }

    /** HTTP requests answered so far. */
    public int requests() {
        return requests.get();
    }

    /** Stops listening and ends open exchanges; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        relay.ifPresent(LatencyRelay::close);
        server.stop(0);
        executor.shutdownNow();
    }
}
