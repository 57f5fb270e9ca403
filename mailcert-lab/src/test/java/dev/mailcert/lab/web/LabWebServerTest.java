package dev.mailcert.lab.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabWebServerTest {
    /** Away from the default offset, so a lab started elsewhere on this machine does not collide. */
    private static final int OFFSET = 21000;

    record Answer(String statusLine, String body, X509Certificate certificate) {}

    @Test
    void sharedHostingPublishesAutoconfigAndAutodiscoverNamingTheConfiguredServer() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"), OFFSET)) {
            assertThat(lab.httpsPort()).isEqualTo(21443);
            assertThat(lab.webServers()).hasSize(1);
            LabWebServer web = lab.webServers().get(0);

            Answer autoconfig = request(
                    lab,
                    web,
                    "autoconfig.customer.example",
                    "GET /mail/config-v1.1.xml?emailaddress=alice%40customer.example HTTP/1.1",
                    "");
            Answer autodiscover = request(
                    lab,
                    web,
                    "autodiscover.customer.example",
                    "POST /Autodiscover/Autodiscover.xml HTTP/1.1",
                    "<Autodiscover/>");

            assertThat(autoconfig.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(autoconfig.body()).contains("<hostname>mail.customer.example</hostname>");
            assertThat(autoconfig.certificate())
                    .isEqualTo(lab.certificates().get("customer-web").leaf());
            assertThat(autodiscover.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(autodiscover.body()).contains("<Server>mail.customer.example</Server>");
            assertThat(web.requests()).isEqualTo(2);
        }
    }

    @Test
    void wellKnownPathServesTheSameAutoconfigAndUnknownPathsAre404() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("already-right"), OFFSET)) {
            LabWebServer web = lab.webServers().get(0);
            Answer wellKnown = request(
                    lab,
                    web,
                    "autoconfig.bakery.example",
                    "GET /.well-known/autoconfig/mail/config-v1.1.xml HTTP/1.1",
                    "");
            Answer other = request(lab, web, "autoconfig.bakery.example", "GET /index.html HTTP/1.1", "");
            Answer noAutodiscover = request(
                    lab,
                    web,
                    "autoconfig.bakery.example",
                    "POST /autodiscover/autodiscover.xml HTTP/1.1",
                    "<Autodiscover/>");

            assertThat(wellKnown.body()).contains("<hostname>mail.bakery.example</hostname>");
            assertThat(other.statusLine()).startsWith("HTTP/1.1 404");
            assertThat(noAutodiscover.statusLine()).startsWith("HTTP/1.1 404");
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            GET,  /mail/config-v1.1.xml,                         autoconfig
            GET,  /.well-known/autoconfig/mail/config-v1.1.xml,  autoconfig
            POST, /autodiscover/autodiscover.xml,                autodiscover
            POST, /Autodiscover/Autodiscover.xml,                autodiscover
            POST, /mail/config-v1.1.xml,                         none
            GET,  /autodiscover/autodiscover.xml,                none
            GET,  /,                                             none
            """)
    void contentDependsOnMethodAndPath(String method, String path, String expected) {
        String content = LabWebServer.contentFor(Optional.of("autoconfig"), Optional.of("autodiscover"), method, path)
                .orElse("none");
        assertThat(content).isEqualTo(expected);
    }

    private static Answer request(Lab lab, LabWebServer web, String host, String requestLine, String body)
            throws Exception {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("root", lab.trustRoots().get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (Socket plain = new Socket()) {
            plain.connect(web.address(), 2000);
            plain.setSoTimeout(5000);
            SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, host, web.address().getPort(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = tls.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\nContent-Length: " + content.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String response = new String(readAll(tls.getInputStream()), StandardCharsets.UTF_8);
            return new Answer(
                    response.lines().findFirst().orElse(""),
                    response.substring(response.indexOf("\r\n\r\n") + 4),
                    (X509Certificate) tls.getSession().getPeerCertificates()[0]);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readNBytes(1 << 20);
    }
}
