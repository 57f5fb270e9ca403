package dev.mailcert.probe;

import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLParameters;

/**
 * What a ClientHello offers for the key exchange. The JDK's client sends a key share for the first
 * XDH and the first ECDHE group it offers (x25519 and secp256r1), and has no way to offer a group
 * without a share; on a cold JVM the secp256r1 share, which a server that picks x25519 throws
 * away, is the largest single cost of a check (bench/README.md).
 */
enum KeyShareOffer {
    /** TLS 1.3 and 1.2 with the JDK's groups: what a mail client offers. Always right; used first on any port. */
    DEFAULT,

    /**
     * TLS 1.3 with x25519 alone: one key share. Only for a port that completed a TLS 1.3 handshake
     * before, and only where the certificate the server picks cannot depend on it: in TLS 1.3 the
     * groups never choose the certificate (RFC 8446 §4.4.2.2, signature_algorithms does), while in
     * TLS 1.2 they limit an ECDSA certificate's curve (RFC 8422 §5.1). A handshake that fails with
     * it is made again with {@link #DEFAULT}.
     */
    TLS13_X25519;

    private static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2");

    /** Sets the versions (those of {@code supported} this offer uses) and, for the lean offer, the group. */
    void applyTo(SSLParameters parameters, String[] supported) {
        List<String> versions = this == DEFAULT ? VERSIONS : List.of("TLSv1.3");
        List<String> available = Arrays.asList(supported);
        parameters.setProtocols(versions.stream().filter(available::contains).toArray(String[]::new));
        if (this == TLS13_X25519) {
            parameters.setNamedGroups(new String[] {"x25519"});
        }
    }
}
