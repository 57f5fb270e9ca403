package dev.mailcert.lab.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority: "Lab Root CA" signs "Lab Intermediate CA" (pathLen 0),
 * which signs the leaves. Signing uses the JDK's own providers.
 *
 * <p>RSA key generation dominates start-up, so the PKI makes one key per CA and one leaf key
 * per size, shared by all leaves of that size. Tests about certificates never depend on keys
 * being distinct between leaves.
 */
public final class LabPki {
    public static final String ROOT_NAME = "Lab Root CA";
    public static final String INTERMEDIATE_NAME = "Lab Intermediate CA";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, KeyPair> leafKeys = new ConcurrentHashMap<>();
    private final KeyPair rootKey;
    private final KeyPair intermediateKey;
    private final X509Certificate root;
    private final X509Certificate intermediate;

    private LabPki(Clock clock) {
        this.clock = clock;
        // the three keys every lab needs are generated side by side: start-up time is mostly this
        int bits = CertificateSpec.DEFAULT_KEY_BITS;
        CompletableFuture<KeyPair> root = CompletableFuture.supplyAsync(() -> generate(bits));
        CompletableFuture<KeyPair> intermediate = CompletableFuture.supplyAsync(() -> generate(bits));
        leafKeys.put(bits, generate(bits));
        this.rootKey = root.join();
        this.intermediateKey = intermediate.join();
        X500Name rootName = cn(ROOT_NAME);
        X500Name intermediateName = cn(INTERMEDIATE_NAME);
        Instant now = clock.instant();
        this.root = sign(
                new JcaX509v3CertificateBuilder(
                        rootName,
                        serial(),
                        from(now, Duration.ofDays(-1)),
                        from(now, Duration.ofDays(3650)),
                        rootName,
                        rootKey.getPublic()),
                rootKey.getPublic(),
                rootKey.getPublic(),
                -1,
                SignatureAlgorithm.SHA256_WITH_RSA,
                rootKey.getPrivate());
        this.intermediate = sign(
                new JcaX509v3CertificateBuilder(
                        rootName,
                        serial(),
                        from(now, Duration.ofDays(-1)),
                        from(now, Duration.ofDays(1825)),
                        intermediateName,
                        intermediateKey.getPublic()),
                intermediateKey.getPublic(),
                rootKey.getPublic(),
                0,
                SignatureAlgorithm.SHA256_WITH_RSA,
                rootKey.getPrivate());
    }

    /** A new PKI with fresh keys, certificates dated from the system clock. */
    public static LabPki create() {
        return new LabPki(Clock.systemUTC());
    }

    /** A new PKI whose certificates are dated relative to the given clock. */
    public static LabPki create(Clock clock) {
        return new LabPki(clock);
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    /** The root as PEM, to hand to a client as its only trust anchor. */
    public String rootPem() {
        return PemText.of(root);
    }

    /** Issues a leaf as described; each call yields a new certificate. */
    public IssuedCertificate issue(CertificateSpec spec) {
        KeyPair key = leafKeys.computeIfAbsent(spec.keyBits(), LabPki::generate);
        X500Name subject = cn(spec.effectiveCommonName());
        Instant now = clock.instant();
        X500Name issuerName = switch (spec.issuer()) {
            case INTERMEDIATE -> cn(INTERMEDIATE_NAME);
            case ROOT -> cn(ROOT_NAME);
            case SELF -> subject;
        };
        KeyPair signer = switch (spec.issuer()) {
            case INTERMEDIATE -> intermediateKey;
            case ROOT -> rootKey;
            case SELF -> key;
        };
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuerName,
                serial(),
                from(now, spec.notBefore()),
                from(now, spec.notAfter()),
                subject,
                key.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(spec.names()));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(
                            switch (spec.purpose()) {
                                case SERVER_AUTH -> KeyPurposeId.id_kp_serverAuth;
                                case CLIENT_AUTH -> KeyPurposeId.id_kp_clientAuth;
                            }));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode extensions for " + spec.names(), e);
        }
        X509Certificate leaf = sign(
                builder, key.getPublic(), signer.getPublic(), Integer.MIN_VALUE, spec.signature(), signer.getPrivate());
        List<X509Certificate> served = new ArrayList<>(List.of(leaf));
        if (spec.issuer() == Issuer.INTERMEDIATE && spec.sendIntermediate()) {
            served.add(intermediate);
        }
        return new IssuedCertificate(leaf, key.getPrivate(), served);
    }

    /**
     * Adds key identifiers and, for CAs, basic constraints, then signs.
     *
     * @param pathLen -1 for a CA without length limit, 0.. for a limited CA, MIN_VALUE for a leaf
     */
    private X509Certificate sign(
            X509v3CertificateBuilder builder,
            PublicKey subjectKey,
            PublicKey issuerKey,
            int pathLen,
            SignatureAlgorithm algorithm,
            PrivateKey signingKey) {
        try {
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(issuerKey));
            if (pathLen == Integer.MIN_VALUE) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            } else {
                builder.addExtension(
                        Extension.basicConstraints,
                        true,
                        pathLen < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLen));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            // no setProvider: the JDK's default providers sign, no BouncyCastle provider is registered
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm.jcaName()).build(signingKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot sign a lab certificate", e);
        }
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        GeneralName[] entries = names.stream()
                .map(n -> n.startsWith(RAW_DNS)
                        ? new GeneralName(GeneralName.dNSName, n.substring(RAW_DNS.length()))
                        : isIpLiteral(n)
                                ? new GeneralName(GeneralName.iPAddress, n)
                                : new GeneralName(GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
        return new GeneralNames(entries);
    }

    /** A name written into the certificate as given, unchecked: hostile scenarios put markup there. */
    public static final String RAW_DNS = "dns:";

    static boolean isIpLiteral(String name) {
        return IPV4.matcher(name).matches() || name.contains(":");
    }

    private static X500Name cn(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private BigInteger serial() {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    private static Date from(Instant now, Duration offset) {
        return Date.from(now.plus(offset));
    }

    private static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA " + bits + " keys are not available", e);
        }
    }
}
