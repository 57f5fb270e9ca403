package dev.mailcert.lab.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.lab.pki.CertificateSpec;
import dev.mailcert.lab.pki.IssuedCertificate;
import dev.mailcert.lab.pki.LabPki;
import java.net.ConnectException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabMailServerTest {
    private static final int OFFSET = MailServerSpec.DEFAULT_PORT_OFFSET;
    private static final String MAPPED = "srv3.sniphost.example";
    private static LabPki pki;
    private static IssuedCertificate fallback;
    private static IssuedCertificate mapped;
    private static LabMailServer server;

    @BeforeAll
    static void startServer() throws Exception {
        pki = LabPki.create();
        fallback = pki.issue(CertificateSpec.forNames("*.vhost-default.example"));
        mapped = pki.issue(CertificateSpec.forNames(MAPPED));
        server = LabMailServer.start(new MailServerSpec(
                address(7),
                OFFSET,
                fallback,
                Map.of(MAPPED, mapped),
                EnumSet.allOf(MailService.class),
                true,
                "mx.lab.example"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void imapImplicitTlsWithoutSniGetsTheDefaultCertificateAndFullChain() throws Exception {
        try (MailTestClient client = connect(MailService.IMAP_TLS)) {
            List<X509Certificate> chain = client.startTls(null);

            assertThat(chain).containsExactly(fallback.leaf(), pki.intermediate());
            assertThat(client.readLine()).isEqualTo("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready");
            client.send("a1 LOGOUT");
            assertThat(client.readUntil(line -> line.startsWith("a1 ")))
                    .containsExactly("* BYE Logging out", "a1 OK LOGOUT completed");
            assertThat(client.readLine()).isNull();
        }
    }

    @Test
    void imapStarttlsWithSniGetsTheMappedCertificate() throws Exception {
        try (MailTestClient client = connect(MailService.IMAP_STARTTLS)) {
            assertThat(client.readLine()).isEqualTo("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready");
            client.send("a1 CAPABILITY");
            assertThat(client.readUntil(line -> line.startsWith("a1 ")))
                    .first()
                    .asString()
                    .contains("STARTTLS");
            client.send("a2 STARTTLS");
            assertThat(client.readLine()).isEqualTo("a2 OK Begin TLS negotiation now");

            assertThat(client.startTls(MAPPED).get(0)).isEqualTo(mapped.leaf());
            client.send("a3 CAPABILITY");
            assertThat(client.readUntil(line -> line.startsWith("a3 ")))
                    .containsExactly("* CAPABILITY IMAP4rev1 AUTH=PLAIN", "a3 OK CAPABILITY completed");
            client.send("a4 LOGOUT");
            assertThat(client.readLine()).isEqualTo("* BYE Logging out");
        }
    }

    @Test
    void unknownSniGetsTheDefaultCertificate() throws Exception {
        try (MailTestClient client = connect(MailService.IMAP_TLS)) {
            assertThat(client.startTls("mail.florist.example").get(0)).isEqualTo(fallback.leaf());
        }
    }

    @Test
    void sniMatchingIgnoresCase() throws Exception {
        try (MailTestClient client = connect(MailService.POP3_TLS)) {
            assertThat(client.startTls("SRV3.SniPhost.Example").get(0)).isEqualTo(mapped.leaf());
        }
    }

    @Test
    void pop3ImplicitTls() throws Exception {
        try (MailTestClient client = connect(MailService.POP3_TLS)) {
            assertThat(client.startTls(MAPPED).get(0)).isEqualTo(mapped.leaf());
            assertThat(client.readLine()).isEqualTo("+OK POP3 ready");
            client.send("QUIT");
            assertThat(client.readLine()).isEqualTo("+OK Bye");
        }
    }

    @Test
    void pop3Stls() throws Exception {
        try (MailTestClient client = connect(MailService.POP3_STARTTLS)) {
            assertThat(client.readLine()).isEqualTo("+OK POP3 ready");
            client.send("CAPA");
            assertThat(client.readUntil("."::equals)).contains("STLS");
            client.send("STLS");
            assertThat(client.readLine()).isEqualTo("+OK Begin TLS negotiation");

            assertThat(client.startTls(null).get(0)).isEqualTo(fallback.leaf());
            client.send("CAPA");
            assertThat(client.readUntil("."::equals)).doesNotContain("STLS").contains("USER");
            client.send("QUIT");
            assertThat(client.readLine()).isEqualTo("+OK Bye");
        }
    }

    @Test
    void smtpImplicitTls() throws Exception {
        try (MailTestClient client = connect(MailService.SMTP_TLS)) {
            assertThat(client.startTls(null).get(0)).isEqualTo(fallback.leaf());
            assertThat(client.readLine()).isEqualTo("220 mx.lab.example ESMTP ready");
            client.send("QUIT");
            assertThat(client.readLine()).isEqualTo("221 2.0.0 Bye");
        }
    }

    @Test
    void smtpStarttls() throws Exception {
        try (MailTestClient client = connect(MailService.SMTP_STARTTLS)) {
            assertThat(client.readLine()).isEqualTo("220 mx.lab.example ESMTP ready");
            client.send("EHLO client.example");
            assertThat(client.readUntil(line -> line.startsWith("250 "))).contains("250-STARTTLS");
            client.send("STARTTLS");
            assertThat(client.readLine()).isEqualTo("220 2.0.0 Ready to start TLS");

            assertThat(client.startTls(MAPPED).get(0)).isEqualTo(mapped.leaf());
            client.send("EHLO client.example");
            assertThat(client.readUntil(line -> line.startsWith("250 ")))
                    .doesNotContain("250-STARTTLS")
                    .contains("250-AUTH PLAIN");
            client.send("AUTH PLAIN AGFsaWNlAHNlY3JldA==");
            assertThat(client.readLine()).isEqualTo("535 5.7.8 Authentication credentials invalid");
            client.send("QUIT");
            assertThat(client.readLine()).isEqualTo("221 2.0.0 Bye");
        }
    }

    @Test
    void overlongLineIsAnsweredAndTheConnectionEnds() throws Exception {
        try (MailTestClient client = connect(MailService.SMTP_STARTTLS)) {
            client.readLine();
            client.send("EHLO " + "x".repeat(MailSession.MAX_LINE_BYTES));

            assertThat(client.readLine()).isEqualTo("500 5.5.2 Error: line too long");
            assertThat(client.readLine()).isNull();
        }
    }

    @Test
    void withoutStarttlsThePlaintextPortsNeitherAdvertiseNorAcceptIt() throws Exception {
        try (LabMailServer plain = LabMailServer.start(new MailServerSpec(
                        address(8),
                        OFFSET,
                        fallback,
                        Map.of(),
                        EnumSet.allOf(MailService.class),
                        false,
                        "mx.lab.example"));
                MailTestClient client = connect(plain, MailService.SMTP_STARTTLS)) {
            client.readLine();
            client.send("EHLO client.example");
            assertThat(client.readUntil(line -> line.startsWith("250 "))).doesNotContain("250-STARTTLS");
            client.send("STARTTLS");
            assertThat(client.readLine()).isEqualTo("502 5.5.1 Error: command not implemented");
        }
    }

    @Test
    void disabledServicesRefuseConnections() throws Exception {
        try (LabMailServer imapOnly = LabMailServer.start(new MailServerSpec(
                address(9), OFFSET, fallback, Map.of(), EnumSet.of(MailService.IMAP_TLS), true, "mx.lab.example"))) {
            assertThatThrownBy(() -> connect(imapOnly, MailService.SMTP_STARTTLS))
                    .isInstanceOf(ConnectException.class);
            try (MailTestClient client = connect(imapOnly, MailService.IMAP_TLS)) {
                assertThat(client.startTls(null)).isNotEmpty();
            }
        }
    }

    @Test
    void weakKeyAndSha1CertificatesAreServedAsTheyAre() throws Exception {
        IssuedCertificate weak =
                pki.issue(CertificateSpec.forNames("weak.example").withKeyBits(1024));
        IssuedCertificate sha1 = pki.issue(CertificateSpec.forNames("sha1.example")
                .signedWith(dev.mailcert.lab.pki.SignatureAlgorithm.SHA1_WITH_RSA));
        try (LabMailServer legacy = LabMailServer.start(new MailServerSpec(
                address(11),
                OFFSET,
                weak,
                Map.of("sha1.example", sha1),
                EnumSet.of(MailService.IMAP_TLS),
                true,
                "mx.lab.example"))) {
            try (MailTestClient client = connect(legacy, MailService.IMAP_TLS)) {
                assertThat(client.startTls(null).get(0)).isEqualTo(weak.leaf());
            }
            try (MailTestClient client = connect(legacy, MailService.IMAP_TLS)) {
                assertThat(client.startTls("sha1.example").get(0)).isEqualTo(sha1.leaf());
            }
        }
    }

    @Test
    void secondServerOnTheSameAddressFailsWithAClearMessage() {
        assertThatThrownBy(() -> LabMailServer.start(MailServerSpec.simple(address(7), fallback)))
                .hasMessageStartingWith("cannot listen for imap-tls on 127.0.201.7:10993");
    }

    @Test
    void nonLoopbackAddressesAreRefused() throws Exception {
        assertThatThrownBy(() -> MailServerSpec.simple(InetAddress.getByName("192.0.2.7"), fallback))
                .hasMessageContaining("loopback");
    }

    @Test
    void closeReleasesThePortsAndMayBeRepeated() throws Exception {
        LabMailServer first = LabMailServer.start(MailServerSpec.simple(address(10), fallback));
        try (MailTestClient client = connect(first, MailService.IMAP_STARTTLS)) {
            client.readLine();
        }
        first.close();
        first.close();

        try (LabMailServer second = LabMailServer.start(MailServerSpec.simple(address(10), fallback));
                MailTestClient client = connect(second, MailService.IMAP_STARTTLS)) {
            assertThat(client.readLine()).startsWith("* OK");
        }
    }

    private static InetAddress address(int host) throws Exception {
        return InetAddress.getByName("127.0.201." + host);
    }

    private static MailTestClient connect(MailService service) throws Exception {
        return connect(server, service);
    }

    private static MailTestClient connect(LabMailServer target, MailService service) throws Exception {
        return MailTestClient.connect(pki.root(), target.spec().address(), target.port(service));
    }
}
