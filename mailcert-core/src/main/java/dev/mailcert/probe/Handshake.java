package dev.mailcert.probe;

import java.security.cert.X509Certificate;
import java.util.List;

/** What a completed TLS handshake showed: version, cipher suite and the chain as the server sent it. */
public record Handshake(String tlsVersion, String cipherSuite, List<X509Certificate> chain) {

    public Handshake {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a handshake always carries the server's certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }
}
