package dev.mailcert.lab.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A plain JSSE client that trusts only the given root: connects, talks lines, upgrades to TLS. */
final class MailTestClient implements AutoCloseable {
    private final SSLContext context;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    private MailTestClient(SSLContext context, Socket socket) throws IOException {
        this.context = context;
        this.socket = socket;
        attach();
    }

    static MailTestClient connect(X509Certificate trustedRoot, InetAddress address, int port) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", trustedRoot);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 2000);
        socket.setSoTimeout(5000);
        return new MailTestClient(context, socket);
    }

    /** Handshakes on the current connection; sni null sends no server_name. Returns the served chain. */
    List<X509Certificate> startTls(String sni) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        socket = tls;
        attach();
        List<X509Certificate> chain = new ArrayList<>();
        for (var certificate : tls.getSession().getPeerCertificates()) {
            chain.add((X509Certificate) certificate);
        }
        return chain;
    }

    String readLine() throws IOException {
        return in.readLine();
    }

    /** Reads lines until one satisfies the predicate (inclusive). */
    List<String> readUntil(java.util.function.Predicate<String> last) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed after " + lines);
            }
            lines.add(line);
        } while (!last.test(line) && lines.size() < 100);
        return lines;
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void attach() throws IOException {
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
