package dev.mailcert.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.lab.mail.LabMailServer;
import dev.mailcert.lab.mail.MailService;
import dev.mailcert.lab.pki.PemText;
import dev.mailcert.lab.scenario.Scenario;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class LabTest {
    /** Away from the default offset, so a lab started elsewhere on this machine does not collide. */
    private static final int OFFSET = 20000;

    @Test
    void startsTheScenarioServersWithItsCertificatesOnTheOffsetPorts() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("sni-dependent"), OFFSET)) {
            assertThat(lab.dnsAddress()).isEqualTo(new InetSocketAddress("127.0.14.53", 20053));
            assertThat(lab.mailServers()).hasSize(1);
            LabMailServer server = lab.mailServers().get(0);
            assertThat(server.port(MailService.IMAP_TLS)).isEqualTo(20993);

            X509Certificate bySni = handshake(lab, server, "srv3.sniphost.example");
            X509Certificate withoutSni = handshake(lab, server, null);

            assertThat(bySni).isEqualTo(lab.certificates().get("srv3").leaf());
            assertThat(withoutSni)
                    .isEqualTo(lab.certificates().get("vhost-default").leaf());
        }
    }

    @Test
    void dnsAndPortsFollowTheOffset() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"), OFFSET)) {
            assertThat(lab.dnsAddress().getPort()).isEqualTo(53 + OFFSET);
            assertThat(lab.httpsPort()).isEqualTo(443 + OFFSET);
            assertThat(lab.portOffset()).isEqualTo(OFFSET);
            assertThat(lab.scenario().name()).isEqualTo("shared-hosting");
        }
    }

    @Test
    void trustFileHoldsTheRootAndIsDeletedOnClose() throws Exception {
        Path trust;
        try (Lab lab = Lab.start(Scenario.builtIn("already-right"), OFFSET)) {
            trust = lab.trustFile();
            assertThat(lab.trustRoots()).hasSize(1);
            assertThat(Files.readString(trust)).isEqualTo(PemText.of(lab.trustRoots()));
        }
        assertThat(trust).doesNotExist();
    }

    @Test
    void startAndCloseTwiceOnTheSameAddresses() throws Exception {
        for (int round = 0; round < 2; round++) {
            Lab lab = Lab.start(Scenario.builtIn("shared-hosting"), OFFSET);
            try (Socket connection = new Socket("127.0.10.7", 20143)) {
                assertThat(connection.isConnected()).isTrue();
            }
            lab.close();
            lab.close();
        }
    }

    @Test
    void secondLabOnTheSameAddressesFailsWithAClearMessage() throws Exception {
        try (Lab first = Lab.start(Scenario.builtIn("self-signed"), OFFSET)) {
            assertThatThrownBy(() -> Lab.start(Scenario.builtIn("self-signed"), OFFSET))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot start the lab DNS server on 127.0.13.53:20053");
        }
        Lab.start(Scenario.builtIn("self-signed"), OFFSET).close(); // the failed start left nothing bound
    }

    @Test
    void portOffsetMustKeepPortsInRange() {
        assertThatThrownBy(() -> Lab.start(Scenario.builtIn("self-signed"), 65000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port offset 65000 moves lab ports out of 1..65535");
    }

    private static X509Certificate handshake(Lab lab, LabMailServer server, String sni) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", lab.trustRoots().get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
            socket.setSSLParameters(parameters);
            socket.connect(new InetSocketAddress(server.spec().address(), server.port(MailService.IMAP_TLS)), 2000);
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
