package dev.mailcert.discover;

import dev.mailcert.lab.pki.IssuedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS server on 127.0.0.1 that answers every request with a script: a function of the request
 * head that writes whatever it likes (well-formed or not, slowly or never). Records the requests,
 * each as its head followed by its body (a body is read when the head gives its Content-Length).
 */
final class ScriptedHttpsServer implements AutoCloseable {

    @FunctionalInterface
    interface Script {
        void answer(String requestHead, OutputStream out) throws Exception;
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: (\\d{1,9})\r\n");

    private final SSLServerSocket listener;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedHttpsServer(IssuedCertificate certificate, Script script) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(
                "server",
                certificate.key(),
                new char[0],
                certificate.chainAsServed().toArray(java.security.cert.Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    SSLSocket client = (SSLSocket) listener.accept();
                    open.add(client);
                    Thread.ofVirtual().start(() -> serve(client, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(SSLSocket client, Script script) {
        try (client) {
            client.setSoTimeout(10_000);
            String head = readHead(client.getInputStream());
            requests.add(head + readBody(head, client.getInputStream()));
            script.answer(head, client.getOutputStream());
            client.getOutputStream().flush();
        } catch (Exception e) {
            // the client hung up or refused the certificate: nothing more to serve
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n") && head.length() < 16_384) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String readBody(String head, InputStream in) throws IOException {
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (!length.find()) {
            return "";
        }
        byte[] body = in.readNBytes(Math.min(Integer.parseInt(length.group(1)), 65_536));
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    int port() {
        return listener.getLocalPort();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws Exception {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        acceptor.join(2000);
    }
}
