package dev.mailcert.lab.pki;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the server certificate by the name the client asked for in the TLS server_name
 * extension (RFC 6066 §3), like a virtual-hosting mail or web server. No SNI, or a name without
 * a mapping, gets the default certificate.
 */
public final class SniCertificateSelector extends X509ExtendedKeyManager {
    private static final String DEFAULT_ALIAS = "default";
    private static final String SNI_ALIAS_PREFIX = "sni:";

    private final Map<String, IssuedCertificate> byAlias = new LinkedHashMap<>();

    public SniCertificateSelector(IssuedCertificate defaultCertificate, Map<String, IssuedCertificate> bySni) {
        byAlias.put(DEFAULT_ALIAS, defaultCertificate);
        bySni.forEach((name, certificate) -> byAlias.put(SNI_ALIAS_PREFIX + normalize(name), certificate));
    }

    /** The alias serving a client that asked for the given name (empty = no SNI). */
    String aliasFor(Optional<String> requestedName) {
        return requestedName
                .map(name -> SNI_ALIAS_PREFIX + normalize(name))
                .filter(byAlias::containsKey)
                .orElse(DEFAULT_ALIAS);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        return choose(keyType, session);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    private String choose(String keyType, SSLSession handshake) {
        String alias = aliasFor(requestedName(handshake));
        // JSSE asks once per key type it could use; answer only for the type of our key
        return byAlias.get(alias).key().getAlgorithm().equals(keyType) ? alias : null;
    }

    private static Optional<String> requestedName(SSLSession handshake) {
        if (!(handshake instanceof ExtendedSSLSession extended)) {
            return Optional.empty();
        }
        return extended.getRequestedServerNames().stream()
                .filter(SNIHostName.class::isInstance)
                .map(name -> ((SNIHostName) name).getAsciiName())
                .findFirst();
    }

    private static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
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

    // the lab servers never authenticate as clients
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
