package dev.mailcert.hostile;

import dev.mailcert.cert.TrustAnchors;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test root CA, generated in memory, that issues the certificates hostile servers present:
 * ordinary ones, chains of a hundred intermediates, ten thousand names, names with control
 * characters. EC P-256 keys, so that generating many costs little.
 */
final class HostilePki {
    private static final HostilePki SHARED = new HostilePki();

    private final KeyPair rootKeys = ecKeys();
    private final X500Name rootName = new X500Name("CN=Hostile Test Root");
    private final X509Certificate root;
    private final AtomicLong serial = new AtomicLong(100);

    /** A certificate with its key and the chain a server sends, leaf first. */
    record Issued(PrivateKey key, List<X509Certificate> chain) {
        X509Certificate leaf() {
            return chain.get(0);
        }

        /** A server-side TLS context that presents exactly {@link #chain()}. */
        SSLContext serverContext() {
            try {
                char[] password = "hostile".toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
                keyManagers.init(store, password);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers.getKeyManagers(), null, null);
                return context;
            } catch (Exception e) {
                throw new IllegalStateException("test TLS context", e);
            }
        }
    }

    private HostilePki() {
        root = sign(rootName, rootName, rootKeys.getPublic(), rootKeys.getPrivate(), true, List.of());
    }

    static HostilePki shared() {
        return SHARED;
    }

    TrustAnchors trust() {
        return TrustAnchors.of(List.of(root), "hostile test root");
    }

    /** A leaf issued by the root for {@code dnsNames} (written as given, unchecked) with the subject CN {@code cn}. */
    Issued leaf(String cn, List<String> dnsNames) {
        KeyPair keys = ecKeys();
        X509Certificate leaf = sign(rootName, subject(cn), keys.getPublic(), rootKeys.getPrivate(), false, dnsNames);
        return new Issued(keys.getPrivate(), List.of(leaf));
    }

    /** A leaf for {@code name} under {@code intermediates} CAs in a row, sent as leaf, then each issuer up to the root's child. */
    Issued longChain(String name, int intermediates) {
        X500Name issuerName = rootName;
        PrivateKey issuerKey = rootKeys.getPrivate();
        List<X509Certificate> cas = new ArrayList<>();
        for (int i = 1; i <= intermediates; i++) {
            KeyPair keys = ecKeys();
            X500Name caName = new X500Name("CN=Hostile Intermediate " + i);
            cas.addFirst(sign(issuerName, caName, keys.getPublic(), issuerKey, true, List.of()));
            issuerName = caName;
            issuerKey = keys.getPrivate();
        }
        KeyPair leafKeys = ecKeys();
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(sign(issuerName, subject(name), leafKeys.getPublic(), issuerKey, false, List.of(name)));
        chain.addAll(cas);
        return new Issued(leafKeys.getPrivate(), List.copyOf(chain));
    }

    private static X500Name subject(String cn) {
        // a UTF8String CN taken as it is, so that odd characters survive into the certificate
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }

    private X509Certificate sign(
            X500Name issuer, X500Name subject, PublicKey key, PrivateKey issuerKey, boolean ca, List<String> dnsNames) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(serial.incrementAndGet()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))),
                    subject,
                    key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            }
            if (!dnsNames.isEmpty()) {
                GeneralName[] names = dnsNames.stream()
                        .map(n -> new GeneralName(GeneralName.dNSName, new DERIA5String(n, false)))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("test certificate", e);
        }
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("EC keys", e);
        }
    }
}
