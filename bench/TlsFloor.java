import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The floor under a cold check: a JVM that does nothing but the TLS handshakes a check of the seed
 * scenario makes (JSSE, the JDK's default key shares), all at once on virtual threads, accepting
 * any chain (the check judges chains after the handshake, with its own rules). No DNS, no STARTTLS
 * dialogue, no HTTP, no certificate rules, no report: what is left of a check's CPU once everything
 * mailcert itself does is gone. Used by bench/check-vs-openssl.sh.
 *
 * <pre>java TlsFloor ADDRESS PORT_OFFSET HANDSHAKES</pre>
 */
public final class TlsFloor {
    private static final int[] PORTS = {993, 995, 465};
    private static final String[] NAMES = {"mail.customer.example", "srv12.webhost.example"};

    public static void main(String[] args) throws Exception {
        String address = args[0];
        int offset = Integer.parseInt(args[1]);
        int handshakes = Integer.parseInt(args[2]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AcceptAny()}, null);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < handshakes; i++) {
            int port = PORTS[i % PORTS.length] + offset;
            String name = NAMES[(i / PORTS.length) % NAMES.length];
            threads.add(Thread.ofVirtual().start(() -> handshake(context, address, port, name)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void handshake(SSLContext context, String address, int port, String name) {
        try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(address, port)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(name)));
            tls.setSSLParameters(parameters);
            tls.startHandshake();
        } catch (Exception e) {
            System.err.println("TlsFloor: " + address + ":" + port + ": " + e);
        }
    }

    private static final class AcceptAny extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
