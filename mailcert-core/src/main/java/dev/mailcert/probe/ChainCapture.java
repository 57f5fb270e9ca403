package dev.mailcert.probe;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that records the chain the server sent and accepts it, whatever it is: the
 * prober and the discovery web client only capture, and certificate assessment judges the chain
 * afterwards with full rules. Used for one connection only (a fresh SSL context each, made by
 * {@link #clientOver}), never as a client's trust decision.
 *
 * <pre>{@code
 * ChainCapture capture = new ChainCapture();
 * SSLSocket tls = capture.clientOver(connected, Optional.of(new SNIHostName("mail.customer.example")));
 * tls.startHandshake();
 * assessor.assess(capture.chain(), "mail.customer.example", at);
 * }</pre>
 */
public final class ChainCapture extends X509ExtendedTrustManager {
    private volatile List<X509Certificate> chain = List.of();

    /**
     * Layers client TLS (1.3 or 1.2) over {@code plain} without starting the handshake, capturing the
     * server's chain into this instance. A fresh context per connection, so no session is ever resumed:
     * every connection sees the certificates the server picks for this SNI. No endpoint identification:
     * the name is checked by certificate assessment, not here.
     *
     * @param serverName the SNI to send; empty sends none (never a name derived from the address)
     */
    public SSLSocket clientOver(Socket plain, Optional<SNIHostName> serverName) throws IOException {
        return clientOver(plain, serverName, KeyShareOffer.DEFAULT);
    }

    /** As {@link #clientOver(Socket, Optional)}, with the key exchange {@code offer}ed. */
    SSLSocket clientOver(Socket plain, Optional<SNIHostName> serverName, KeyShareOffer offer) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS client context", e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(true);
        SSLParameters parameters = tls.getSSLParameters();
        offer.applyTo(parameters, tls.getSupportedProtocols());
        parameters.setEndpointIdentificationAlgorithm(null);
        // an explicit empty list, so that no name is ever derived from the address
        parameters.setServerNames(serverName.<List<SNIServerName>>map(List::of).orElse(List.of()));
        tls.setSSLParameters(parameters);
        return tls;
    }

    /** The chain as the server sent it, leaf first; empty before the server's certificates arrived. */
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        capture(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        capture(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        capture(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("mailcert only connects as a client: it never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("mailcert only connects as a client: it never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("mailcert only connects as a client: it never accepts client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private void capture(X509Certificate[] sent) {
        chain = sent == null ? List.of() : List.of(sent);
    }
}
