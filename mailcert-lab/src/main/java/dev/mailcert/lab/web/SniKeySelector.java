package dev.mailcert.lab.web;

import dev.mailcert.lab.pki.IssuedCertificate;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the web server's certificate by the TLS server_name the client sent (RFC 6066 §3), like
 * a virtual-hosting web server; no SNI or an unmapped name gets the default certificate.
 */
final class SniKeySelector extends X509ExtendedKeyManager {
    private static final String DEFAULT_ALIAS = "default";

    private final Map<String, IssuedCertificate> byAlias = new LinkedHashMap<>();

    SniKeySelector(IssuedCertificate defaultCertificate, Map<String, IssuedCertificate> bySni) {
        byAlias.put(DEFAULT_ALIAS, defaultCertificate);
        bySni.forEach((name, certificate) -> byAlias.put(alias(name), certificate));
    }

    private static String alias(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return "sni:" + (lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    private String choose(String keyType, SSLSession handshake) {
        String alias = DEFAULT_ALIAS;
        if (handshake instanceof ExtendedSSLSession extended) {
            alias = extended.getRequestedServerNames().stream()
                    .filter(SNIHostName.class::isInstance)
                    .map(name -> alias(((SNIHostName) name).getAsciiName()))
                    .filter(byAlias::containsKey)
                    .findFirst().orElse(DEFAULT_ALIAS);
        }
        // JSSE asks once per key type it could use; answer only for the type of our key
        return byAlias.get(alias).key().getAlgorithm().equals(keyType) ? alias : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return byAlias.entrySet().stream()
                .filter(e -> e.getValue().key().getAlgorithm().equals(keyType))
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        IssuedCertificate certificate = byAlias.get(alias);
        return certificate == null ? null : certificate.chainAsServed().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        IssuedCertificate certificate = byAlias.get(alias);
        return certificate == null ? null : certificate.key();
    }

    // the lab web server never authenticates as a client
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
