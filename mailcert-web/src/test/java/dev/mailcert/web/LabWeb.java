package dev.mailcert.web;

import dev.mailcert.AddressPolicy;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.web.store.MemoryResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A lab scenario and the web service checking it, on a free loopback port; closes both. */
public final class LabWeb implements AutoCloseable {
    public final Lab lab;
    public final WebService web;
    public final MemoryResults results = new MemoryResults(100, Clock.systemUTC());
    private final StringWriter log = new StringWriter();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A second service on the same running lab (the caller closes the lab through the first). */
    public LabWeb(Lab lab, AddressPolicy policy) {
        this(lab, settings(1_000, 8), policy, b -> b);
    }

    private LabWeb(Lab lab, WebSettings settings, AddressPolicy policy, UnaryOperator<Mailcert.Builder> engine) {
        this.lab = lab;
        Mailcert mailcert = engine.apply(engineFor(lab))
                .addressPolicy(policy)
                .timeout(Duration.ofSeconds(10))
                .build();
        this.web = WebService.start(settings, mailcert, policy, results, new PrintWriter(log, true));
    }

    /** The scenario with every address allowed (the lab lives on loopback), the default limits but a high rate. */
    public static LabWeb start(String scenario, int portOffset) throws IOException {
        return start(Scenario.builtIn(scenario), portOffset, settings(1_000, 8), AddressPolicy.ANY, b -> b);
    }

    public static LabWeb start(
            Scenario scenario,
            int portOffset,
            WebSettings settings,
            AddressPolicy policy,
            UnaryOperator<Mailcert.Builder> engine)
            throws IOException {
        Lab lab = Lab.start(scenario, portOffset);
        try {
            return new LabWeb(lab, settings, policy, engine);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public static WebSettings settings(int rate, int maxChecks) {
        return new WebSettings("127.0.0.1", 0, rate, maxChecks, Duration.ofHours(24));
    }

    /** An engine pointed at a running lab: its DNS server, its root, its ports, offline. */
    public static Mailcert.Builder engineFor(Lab lab) {
        return Mailcert.builder()
                .dnsServer(new DnsServer(lab.dnsAddress()))
                .trust(TrustAnchors.of(lab.trustRoots(), "lab root"))
                .portOffset(lab.portOffset())
                .offline(true);
    }

    public URI url(String pathAndQuery) {
        return web.url().resolve(pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(url(pathAndQuery))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(url(pathAndQuery))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> post(String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "text/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What the service logged. */
    public String log() {
        return log.toString();
    }

    @Override
    public void close() {
        try {
            web.close();
        } finally {
            lab.close();
        }
    }
}
