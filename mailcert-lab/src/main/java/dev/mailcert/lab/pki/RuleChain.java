package dev.mailcert.lab.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Chains that each break one certificate rule the way real and broken CAs do, plus valid controls,
 * built with BouncyCastle field by field: root (the trust anchor) -> intermediate -> leaf for
 * {@link #HOST}. Used to judge mailcert against real clients (OpenSSL, the JDK's PKIX validator, curl)
 * and by {@code mailcert inspect} tests. Every build makes new keys.
 *
 * <pre>{@code
 * RuleChain.Built chain = RuleChain.CRITICAL_AIA_ON_LEAF.build(Instant.now());
 * Files.writeString(dir.resolve("chain.pem"), chain.servedPem());
 * Files.writeString(dir.resolve("root.pem"), chain.rootPem());
 * }</pre>
 */
public enum RuleChain {
    VALID("a valid chain: root, intermediate, leaf", ""),
    CRITICAL_UNKNOWN_EXTENSION_ON_LEAF("the leaf has an unrecognised critical extension", "invalid-chain"),
    CRITICAL_UNKNOWN_EXTENSION_ON_INTERMEDIATE(
            "the intermediate has an unrecognised critical extension", "invalid-chain"),
    CRITICAL_UNKNOWN_EXTENSION_ON_ROOT("the trust anchor has an unrecognised critical extension", "invalid-chain"),
    CRITICAL_AIA_ON_LEAF("the leaf marks authority information access critical (RFC 5280 §4.2.2.1)", "invalid-chain"),
    CRITICAL_AKI_ON_INTERMEDIATE(
            "the intermediate marks its authority key identifier critical (RFC 5280 §4.2.1.1)", "invalid-chain"),
    MALFORMED_AIA_ON_LEAF("the leaf's authority information access is an INTEGER, not a SEQUENCE", "invalid-chain"),
    MALFORMED_SKI_ON_LEAF("the leaf's subject key identifier is an INTEGER, not an OCTET STRING", "invalid-chain"),
    NAME_CONSTRAINT_DNS_PERMITTED("the intermediate may issue only for example.com, the leaf is for it", ""),
    NAME_CONSTRAINT_DNS_NOT_PERMITTED("the intermediate may issue only for example.org", "invalid-chain"),
    NAME_CONSTRAINT_DNS_EXCLUDED("the intermediate may not issue for example.com", "invalid-chain"),
    NAME_CONSTRAINT_IP_NOT_PERMITTED(
            "the intermediate may issue only for 192.0.2.0/24, the leaf has 198.51.100.7", "invalid-chain"),
    NAME_CONSTRAINT_IP_EXCLUDED(
            "the intermediate may not issue for 198.51.100.0/24, the leaf has 198.51.100.7", "invalid-chain"),
    NAME_CONSTRAINT_DIRECTORY_NOT_PERMITTED("the intermediate may issue only below O=Permitted Org", "invalid-chain"),
    NAME_CONSTRAINT_DIRECTORY_EXCLUDED("the intermediate may not issue below O=Excluded Org", "invalid-chain"),
    NAME_CONSTRAINT_ON_ROOT("the trust anchor may issue only for example.org", "invalid-chain"),
    KEY_CERT_SIGN_ON_LEAF("the leaf (CA:FALSE) asserts keyCertSign", "invalid-chain"),
    EXPIRED_ROOT("the trust anchor expired yesterday", "invalid-chain"),
    RSA_1024_ROOT("the trust anchor has an RSA-1024 key", "weak-key"),
    P192_LEAF("the leaf has an EC key on P-192", "weak-key"),
    DSA_LEAF("the leaf has a DSA-2048 key", "weak-key"),
    WILDCARD_OVER_PRIVATE_SUFFIX(
            "the leaf is *.s3.amazonaws.com, a Public Suffix List entry (private section)", "hostname-mismatch"),
    DUPLICATE_EXTENSION("the leaf has its subject alternative name extension twice", "invalid-chain"),
    EMPTY_ISSUER("the leaf's issuer name is empty", "invalid-chain"),
    EXPLICIT_CURVE("the leaf's EC key spells out its curve instead of naming it (RFC 5480 §2.1.1)", "invalid-chain"),
    SIGNATURE_ALGORITHM_MISMATCH("the leaf says SHA384withECDSA outside and SHA256withECDSA inside", "invalid-chain"),
    UNUSABLE_ISSUER_KEY("the intermediate's RSA public key is not an RSA key at all", "invalid-chain");

    /** The name every leaf is for, except the wildcard construction. */
    public static final String HOST = "mail.example.com";
    /** The name asked for with {@link #WILDCARD_OVER_PRIVATE_SUFFIX}. */
    public static final String BUCKET_HOST = "bucket.s3.amazonaws.com";

    private static final X500Name ROOT = new X500Name("CN=Rule Root CA");
    private static final X500Name INTERMEDIATE = new X500Name("CN=Rule Intermediate CA");
    private static final ASN1Integer NOT_A_SEQUENCE = new ASN1Integer(7);
    /** A private-enterprise arc no client knows. */
    private static final String UNKNOWN_EXTENSION = "1.3.6.1.4.1.55555.1.1";

    private final String description;
    private final String expectedProblem;

    RuleChain(String description, String expectedProblem) {
        this.description = description;
        this.expectedProblem = expectedProblem;
    }

    public String description() {
        return description;
    }

    /** The problem code a client-faithful judge reports (empty: none); what the construction is made to show. */
    public String expectedProblem() {
        return expectedProblem;
    }

    /**
     * A chain as a server would send it (leaf first, DER each), the root to trust, the name the leaf is for,
     * and the leaf's private key (PKCS #8 DER), so that a real server can present the chain.
     */
    public record Built(RuleChain construction, List<byte[]> served, byte[] root, String host, byte[] leafKey) {
        public Built {
            served = List.copyOf(served);
        }

        /** The leaf's private key as PEM (RFC 7468 §10), for servers such as Dovecot and openssl s_server. */
        public String leafKeyPem() {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(leafKey)
                    + "\n-----END PRIVATE KEY-----\n";
        }

        public String servedPem() {
            StringBuilder text = new StringBuilder();
            served.forEach(der -> text.append(pem(der)));
            return text.toString();
        }

        public String rootPem() {
            return pem(root);
        }

        private static String pem(byte[] der) {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
        }
    }

    /** Builds this construction with certificates valid around {@code now}. */
    public Built build(Instant now) {
        Parts parts = new Parts(now);
        switch (this) {
            case VALID -> {}
            case CRITICAL_UNKNOWN_EXTENSION_ON_LEAF -> parts.leafHook = c -> unknownCritical(c);
            case CRITICAL_UNKNOWN_EXTENSION_ON_INTERMEDIATE -> parts.intermediateHook = c -> unknownCritical(c);
            case CRITICAL_UNKNOWN_EXTENSION_ON_ROOT -> parts.rootHook = c -> unknownCritical(c);
            case CRITICAL_AIA_ON_LEAF ->
                parts.leafHook = c -> c.extension(
                        Extension.authorityInfoAccess,
                        true,
                        new AuthorityInformationAccess(new AccessDescription(
                                AccessDescription.id_ad_caIssuers,
                                new GeneralName(
                                        GeneralName.uniformResourceIdentifier, "http://ca.example.com/int.der"))));
            case CRITICAL_AKI_ON_INTERMEDIATE -> parts.intermediateCriticalAki = true;
            case MALFORMED_AIA_ON_LEAF ->
                parts.leafHook = c -> c.extension(Extension.authorityInfoAccess, false, NOT_A_SEQUENCE);
            case MALFORMED_SKI_ON_LEAF -> parts.leafKeyIdentifiers = false;
            case NAME_CONSTRAINT_DNS_PERMITTED ->
                parts.intermediateHook = c -> constraints(c, new GeneralName(GeneralName.dNSName, "example.com"), null);
            case NAME_CONSTRAINT_DNS_NOT_PERMITTED ->
                parts.intermediateHook = c -> constraints(c, new GeneralName(GeneralName.dNSName, "example.org"), null);
            case NAME_CONSTRAINT_DNS_EXCLUDED ->
                parts.intermediateHook = c -> constraints(c, null, new GeneralName(GeneralName.dNSName, "example.com"));
            case NAME_CONSTRAINT_IP_NOT_PERMITTED -> {
                parts.leafIp = "198.51.100.7";
                parts.intermediateHook =
                        c -> constraints(c, new GeneralName(GeneralName.iPAddress, "192.0.2.0/24"), null);
            }
            case NAME_CONSTRAINT_IP_EXCLUDED -> {
                parts.leafIp = "198.51.100.7";
                parts.intermediateHook =
                        c -> constraints(c, null, new GeneralName(GeneralName.iPAddress, "198.51.100.0/24"));
            }
            case NAME_CONSTRAINT_DIRECTORY_NOT_PERMITTED ->
                parts.intermediateHook = c -> constraints(c, new GeneralName(new X500Name("O=Permitted Org")), null);
            case NAME_CONSTRAINT_DIRECTORY_EXCLUDED -> {
                parts.leafSubject = new X500Name("O=Excluded Org,CN=" + HOST);
                parts.intermediateHook = c -> constraints(c, null, new GeneralName(new X500Name("O=Excluded Org")));
            }
            case NAME_CONSTRAINT_ON_ROOT ->
                parts.rootHook = c -> constraints(c, new GeneralName(GeneralName.dNSName, "example.org"), null);
            case KEY_CERT_SIGN_ON_LEAF -> parts.leafKeyUsage = KeyUsage.digitalSignature | KeyUsage.keyCertSign;
            case EXPIRED_ROOT ->
                parts.rootValidity = new Instant[] {now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(1))};
            case RSA_1024_ROOT -> parts.rootKeys = keys("RSA", 1024);
            case P192_LEAF -> parts.leafKeys = ecKeys("secp192r1", true);
            case DSA_LEAF -> parts.leafKeys = keys("DSA", 2048);
            case WILDCARD_OVER_PRIVATE_SUFFIX -> {
                parts.host = BUCKET_HOST;
                parts.leafDns = "*.s3.amazonaws.com";
            }
            case DUPLICATE_EXTENSION ->
                parts.leafHook = c -> c.extension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, HOST)));
            case EMPTY_ISSUER -> parts.leafHook = c -> c.issuerName(new X500Name(new RDN[0]));
            case EXPLICIT_CURVE -> parts.leafHook = c -> c.publicKey(explicitCurve(parts.leafKeys));
            case SIGNATURE_ALGORITHM_MISMATCH -> parts.leafHook = c -> c.outerAlgorithm("SHA384withECDSA");
            case UNUSABLE_ISSUER_KEY ->
                parts.intermediateHook = c -> c.publicKey(new SubjectPublicKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));
        }
        return parts.build(this);
    }

    /** What varies between constructions; the defaults make {@link #VALID}. */
    private static final class Parts {
        final Instant now;
        KeyPair rootKeys = ecKeys("secp256r1", false);
        KeyPair intermediateKeys = ecKeys("secp256r1", false);
        KeyPair leafKeys = ecKeys("secp256r1", false);
        Instant[] rootValidity;
        String host = HOST;
        String leafDns = HOST;
        String leafIp;
        X500Name leafSubject = new X500Name("CN=" + HOST);
        int leafKeyUsage = KeyUsage.digitalSignature;
        boolean leafKeyIdentifiers = true;
        boolean intermediateCriticalAki;
        UnaryOperator<DerCertificate> rootHook = c -> c;
        UnaryOperator<DerCertificate> intermediateHook = c -> c;
        UnaryOperator<DerCertificate> leafHook = c -> c;

        Parts(Instant now) {
            this.now = now;
            this.rootValidity = new Instant[] {now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650))};
        }

        Built build(RuleChain construction) {
            DerCertificate root = new DerCertificate(ROOT, rootKeys, rootValidity[0], rootValidity[1])
                    .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .keyIdentifiers();
            DerCertificate intermediate = new DerCertificate(
                            INTERMEDIATE,
                            intermediateKeys,
                            now.minus(Duration.ofDays(100)),
                            now.plus(Duration.ofDays(1000)))
                    .issuedBy(ROOT, rootKeys)
                    .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            intermediate.subjectKeyIdentifier().authorityKeyIdentifier(intermediateCriticalAki);
            GeneralNames names = leafIp == null
                    ? new GeneralNames(new GeneralName(GeneralName.dNSName, leafDns))
                    : new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, leafDns), new GeneralName(GeneralName.iPAddress, leafIp)
                    });
            DerCertificate leaf = new DerCertificate(
                            leafSubject, leafKeys, now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(80)))
                    .issuedBy(INTERMEDIATE, intermediateKeys)
                    .extension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .extension(Extension.keyUsage, true, new KeyUsage(leafKeyUsage))
                    .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .extension(Extension.subjectAlternativeName, false, names);
            if (leafKeyIdentifiers) {
                leaf.keyIdentifiers();
            } else {
                leaf.extension(Extension.subjectKeyIdentifier, false, NOT_A_SEQUENCE)
                        .extension(Extension.authorityKeyIdentifier, false, authorityKeyId(intermediateKeys));
            }
            byte[] rootDer = rootHook.apply(root).encode();
            return new Built(
                    construction,
                    List.of(
                            leafHook.apply(leaf).encode(),
                            intermediateHook.apply(intermediate).encode()),
                    rootDer,
                    host,
                    leafKeys.getPrivate().getEncoded());
        }
    }

    private static DerCertificate unknownCritical(DerCertificate cert) {
        return cert.extension(new ASN1ObjectIdentifier(UNKNOWN_EXTENSION), true, DERNull.INSTANCE);
    }

    private static DerCertificate constraints(DerCertificate cert, GeneralName permitted, GeneralName excluded) {
        return cert.extension(
                Extension.nameConstraints,
                true,
                new NameConstraints(
                        permitted == null ? null : new GeneralSubtree[] {new GeneralSubtree(permitted)},
                        excluded == null ? null : new GeneralSubtree[] {new GeneralSubtree(excluded)}));
    }

    private static AuthorityKeyIdentifier authorityKeyId(KeyPair issuer) {
        try {
            return new JcaX509ExtensionUtils()
                    .createAuthorityKeyIdentifier(
                            SubjectPublicKeyInfo.getInstance(issuer.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same P-256 point, with the curve's parameters written out in place of its name. */
    private static SubjectPublicKeyInfo explicitCurve(KeyPair keys) {
        SubjectPublicKeyInfo named =
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        return new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(
                        X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(ECNamedCurveTable.getByName("P-256"))),
                named.getPublicKeyData().getBytes());
    }

    private static KeyPair keys(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " " + bits + " keys are not available", e);
        }
    }

    /** {@code legacy}: curves the JDK no longer generates keys for (P-192) come from BouncyCastle. */
    private static KeyPair ecKeys(String curve, boolean legacy) {
        try {
            KeyPairGenerator generator = legacy
                    ? KeyPairGenerator.getInstance("EC", new BouncyCastleProvider())
                    : KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC keys on " + curve + " are not available", e);
        }
    }
}
