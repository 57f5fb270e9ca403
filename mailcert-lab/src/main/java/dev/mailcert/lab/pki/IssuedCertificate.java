package dev.mailcert.lab.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A leaf certificate with its private key and the chain a server presents for it.
 *
 * @param leaf the end-entity certificate
 * @param key its private key
 * @param chainAsServed what the server sends: the leaf first, then the intermediate unless left out
 */
public record IssuedCertificate(X509Certificate leaf, PrivateKey key, List<X509Certificate> chainAsServed) {
    public IssuedCertificate {
        chainAsServed = List.copyOf(chainAsServed);
        if (chainAsServed.isEmpty() || !chainAsServed.get(0).equals(leaf)) {
            throw new IllegalArgumentException("the served chain must start with the leaf");
        }
    }
}
