package dev.mailcert.cert;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The authorities a certificate must chain to, and where they came from (for explanations).
 *
 * <pre>{@code
 * TrustAnchors trust = TrustAnchors.fromPem(Path.of("lab-root.pem")); // like openssl -CAfile
 * }</pre>
 */
public record TrustAnchors(List<X509Certificate> roots, String source) {

    public TrustAnchors {
        roots = List.copyOf(Objects.requireNonNull(roots, "roots"));
        Objects.requireNonNull(source, "source");
    }

    /** The JDK's default trust store (cacerts), read once. */
    public static TrustAnchors system() {
        return SystemStore.ANCHORS;
    }

    /** Exactly the certificates in {@code file}, nothing else (PEM bundle or one DER certificate). */
    public static TrustAnchors fromPem(Path file) {
        return new TrustAnchors(Pem.readCertificates(file), file.toString());
    }

    public static TrustAnchors of(List<X509Certificate> roots, String source) {
        return new TrustAnchors(roots, source);
    }

    /** Lazily loaded, so that code given its own anchors never touches cacerts. */
    private static final class SystemStore {
        static final TrustAnchors ANCHORS = load();

        private static TrustAnchors load() {
            try {
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509TrustManager x509) {
                        return new TrustAnchors(
                                List.of(x509.getAcceptedIssuers()), "the JDK's default trust store (cacerts)");
                    }
                }
                throw new IllegalStateException("the JDK offers no X.509 trust manager");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK's default trust store cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
