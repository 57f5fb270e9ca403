package dev.mailcert.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that records the chain the server sent and accepts it, whatever it is: the
 * prober only captures, and certificate assessment judges the chain afterwards with full rules.
 * Used for one connection only (a fresh SSL context each), never as a client's trust decision.
 */
public final class ChainCapture extends X509ExtendedTrustManager {
    private volatile List<X509Certificate> chain = List.of();

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
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("mailcert only connects as a client: it never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
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
