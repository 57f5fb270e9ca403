package dev.mailcert.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.AddressPolicy;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.probe.ProbeLimits;
import dev.mailcert.probe.TlsProber;
import dev.mailcert.web.LabWeb;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The abuse limits over HTTP: rate per client (429), checks at once (503), request size, slow clients. */
class LimitsTest {

    @Test
    void aClientOverItsRateGets429WithRetryAfterOnPageApiAndFiles() throws Exception {
        try (LabWeb web = LabWeb.start(
                Scenario.builtIn("shared-hosting"), 21100, LabWeb.settings(2, 8), AddressPolicy.ANY, b -> b)) {
            String q = "target=alice%40customer.example&server=mail.customer.example";
            assertThat(web.get("/api/v1/check?" + q).statusCode()).isEqualTo(200);
            assertThat(web.get("/check?" + q).statusCode()).isEqualTo(200);

            for (String path : List.of("/api/v1/check?", "/check?", "/config/thunderbird?")) {
                HttpResponse<String> limited = web.get(path + q);
                assertThat(limited.statusCode()).as(path).isEqualTo(429);
                assertThat(limited.headers().firstValue("Retry-After"))
                        .as(path)
                        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
            }
            HttpResponse<String> autoconfig = web.get("/mail/config-v1.1.xml?emailaddress=a%40customer.example");
            assertThat(autoconfig.statusCode()).isEqualTo(429);
            // the form and the static files are not counted
            assertThat(web.get("/").statusCode()).isEqualTo(200);
            assertThat(web.get("/static/style.css").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void beyondMaxChecksAndTheShortQueueTheServiceAnswers503WithRetryAfter() throws Exception {
        TlsProber real = new TlsProber(ProbeLimits.defaults());
        try (LabWeb web = LabWeb.start(
                        Scenario.builtIn("shared-hosting"),
                        21200,
                        LabWeb.settings(1_000, 1),
                        AddressPolicy.ANY,
                        b -> b.prober((address, endpoint, sni, deadline) -> {
                            sleep(400); // a slow server: each check takes a few seconds
                            return real.probe(address, endpoint, sni, deadline);
                        }));
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // three different (domain, server) pairs, so that no check is shared: one runs, one waits, one is turned
            // away
            Future<HttpResponse<String>> first = threads.submit(
                    () -> web.get("/api/v1/check?target=a%40customer.example&server=mail.customer.example"));
            Thread.sleep(300);
            Future<HttpResponse<String>> second = threads.submit(
                    () -> web.get("/api/v1/check?target=a%40customer.example&server=srv12.webhost.example"));
            Thread.sleep(300);
            HttpResponse<String> third = web.get("/api/v1/check?target=a%40customer.example&server=mx.webhost.example");

            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(third.body()).contains("\"error\"");
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(second.get().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anOversizedBodyOrHeaderIsRefused() throws Exception {
        try (LabWeb web = LabWeb.start("shared-hosting", 21300)) {
            HttpResponse<byte[]> big = web.post(
                    "/autodiscover/autodiscover.xml", "<Autodiscover>" + "x".repeat(100_000) + "</Autodiscover>");
            assertThat(big.statusCode()).isIn(400, 413);

            try (Socket socket = new Socket("127.0.0.1", web.web.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(status).startsWith("HTTP/1.1 431");
            }
        }
    }

    @Test
    void aSilentClientIsDisconnected() throws Exception {
        try (LabWeb web = LabWeb.start("shared-hosting", 21400);
                Socket socket = new Socket("127.0.0.1", web.web.port())) {
            socket.getOutputStream()
                    .write("GET / HTTP/1.1\r\nHost: x\r\n"
                            .getBytes(StandardCharsets.US_ASCII)); // never ends the headers
            socket.setSoTimeout(60_000);
            long t0 = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // drain whatever the server says before it closes
            }
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertThat(seconds).isLessThan(45);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
