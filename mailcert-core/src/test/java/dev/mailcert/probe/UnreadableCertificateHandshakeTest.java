package dev.mailcert.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailcert.Deadline;
import dev.mailcert.lab.pki.RuleChain;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real TLS server (openssl s_server on loopback) presents a certificate that is DER but breaks X.509,
 * one the JDK cannot read: the JDK's TLS stack ends the handshake itself, before the chain can be
 * captured, and the outcome must say why instead of a bare "handshake failed". Skipped where no openssl
 * command is installed.
 */
class UnreadableCertificateHandshakeTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void duplicateExtensionInTheServerCertificate_tlsFailedSayingWhy() throws Exception {
        RuleChain.Built chain = RuleChain.DUPLICATE_EXTENSION.build(Instant.now());
        Path leaf = write("leaf.pem", pem(chain.served().get(0)));
        Path rest = write("rest.pem", pem(chain.served().get(1)));
        Path key = write("key.pem", chain.leafKeyPem());
        int port = freePort();
        Process server = start(
                "openssl",
                "s_server",
                "-quiet",
                "-accept",
                LOOPBACK.getHostAddress() + ":" + port,
                "-cert",
                leaf.toString(),
                "-key",
                key.toString(),
                "-cert_chain",
                rest.toString());
        try {
            assumeTrue(
                    listening(port, server),
                    "openssl s_server did not start: " + Files.readString(dir.resolve("server.out")));

            ProbeResult result = new TlsProber(ProbeLimits.defaults())
                    .probe(
                            LOOPBACK,
                            new Endpoint(Protocol.IMAP, port, Security.TLS),
                            chain.host(),
                            Deadline.after(DEADLINE));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.TLS_FAILED);
            assertThat(result.detail())
                    .isEqualTo(
                            "TLS handshake failed: the server sent a certificate that is DER but"
                                    + " breaks X.509, so no client accepts it (invalid-chain): Duplicate extensions not allowed");
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private Process start(String... command) throws IOException {
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.out").toFile())
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "no openssl command on this machine: " + e.getMessage());
            throw e;
        }
    }

    /** Waits (bounded) until the server accepts connections; false if it ended or never listened. */
    private static boolean listening(int port, Process server) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end && server.isAlive()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(LOOPBACK, port), 500);
                return true;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    private static String pem(byte[] der) {
        return new RuleChain.Built(RuleChain.VALID, List.of(der), der, "", new byte[0]).servedPem();
    }

    private Path write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.US_ASCII);
        return path;
    }
}
