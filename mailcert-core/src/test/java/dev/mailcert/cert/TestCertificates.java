package dev.mailcert.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates generated for tests, described by what matters to the rules: CA flag, path length,
 * key usage, extended key usage, names, validity, key type and size, signature hash.
 *
 * <pre>{@code
 * Issued root = TestCertificates.ca("Lab Root").build();
 * Issued leaf = TestCertificates.leaf("mail.example.com").dns("mail.example.com").issuedBy(root).build();
 * }</pre>
 */
final class TestCertificates {

    /** The evaluation time used throughout the tests. */
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** A certificate and its key pair, so that it can issue others. */
    record Issued(X509Certificate certificate, KeyPair keys) {}

    private TestCertificates() {}

    /** A CA: basicConstraints CA:TRUE (no path length limit), key usage keyCertSign + cRLSign. */
    static Spec ca(String commonName) {
        return new Spec("CN=" + commonName).caFlag(true).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    /** A server certificate: CA:FALSE, key usage digitalSignature, no names unless added. */
    static Spec leaf(String commonName) {
        return new Spec("CN=" + commonName)
                .caFlag(false)
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment);
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeys(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Spec {
        private final String subject;
        private Issued issuer;
        private KeyPair keys;
        private KeyPair signingKeys;
        private Boolean ca;
        private Integer pathLength;
        private Integer keyUsage;
        private KeyPurposeId[] purposes;
        private final List<GeneralName> altNames = new ArrayList<>();
        private Instant notBefore = NOW.minus(Duration.ofDays(30));
        private Instant notAfter = NOW.plus(Duration.ofDays(365));
        private String hash = "SHA256";
        private boolean keyIdentifiers = true;
        private final List<Extension> extra = new ArrayList<>();

        private Spec(String subject) {
            this.subject = subject;
        }

        Spec issuedBy(Issued issuer) {
            this.issuer = issuer;
            return this;
        }

        /** basicConstraints CA:TRUE/FALSE; {@code null} leaves the extension out. */
        Spec caFlag(Boolean ca) {
            this.ca = ca;
            return this;
        }

        Spec pathLength(int pathLength) {
            this.pathLength = pathLength;
            return this;
        }

        /** A KeyUsage bit mask; {@code null} leaves the extension out. */
        Spec keyUsage(Integer keyUsage) {
            this.keyUsage = keyUsage;
            return this;
        }

        Spec extendedKeyUsage(KeyPurposeId... purposes) {
            this.purposes = purposes;
            return this;
        }

        Spec dns(String... names) {
            for (String name : names) {
                altNames.add(new GeneralName(GeneralName.dNSName, name));
            }
            return this;
        }

        Spec ip(String... addresses) {
            for (String address : addresses) {
                altNames.add(new GeneralName(GeneralName.iPAddress, address));
            }
            return this;
        }

        Spec validity(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        Spec rsa(int bits) {
            this.keys = rsaKeys(bits);
            return this;
        }

        Spec keys(KeyPair keys) {
            this.keys = keys;
            return this;
        }

        Spec sha1() {
            this.hash = "SHA1";
            return this;
        }

        /** MD5 signatures exist only with RSA: the issuer must have RSA keys. */
        Spec md5() {
            this.hash = "MD5";
            return this;
        }

        /** Signs with these keys instead of the issuer's (a broken link), without key identifiers. */
        Spec forgedWith(KeyPair signingKeys) {
            this.signingKeys = signingKeys;
            this.keyIdentifiers = false;
            return this;
        }

        /** Any further extension, as given. */
        Spec extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            try {
                extra.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        Spec withoutKeyIdentifiers() {
            this.keyIdentifiers = false;
            return this;
        }

        Issued build() {
            try {
                KeyPair own = keys != null ? keys : ecKeys();
                KeyPair signer = signingKeys != null ? signingKeys : issuer != null ? issuer.keys() : own;
                X500Name issuerName = issuer != null
                        ? X500Name.getInstance(
                                issuer.certificate().getSubjectX500Principal().getEncoded())
                        : new X500Name(subject);
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        issuerName,
                        BigInteger.valueOf(SERIALS.incrementAndGet()),
                        Date.from(notBefore),
                        Date.from(notAfter),
                        new X500Name(subject),
                        own.getPublic());
                JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                if (keyIdentifiers) {
                    builder.addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(own.getPublic()));
                    builder.addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(signer.getPublic()));
                }
                if (ca != null) {
                    builder.addExtension(
                            Extension.basicConstraints,
                            true,
                            ca && pathLength != null ? new BasicConstraints(pathLength) : new BasicConstraints(ca));
                }
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (purposes != null) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
                }
                if (!altNames.isEmpty()) {
                    builder.addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(altNames.toArray(GeneralName[]::new)));
                }
                for (Extension extension : extra) {
                    builder.addExtension(extension);
                }
                String algorithm = signer.getPublic() instanceof RSAPublicKey ? hash + "withRSA" : hash + "withECDSA";
                X509Certificate cert = new JcaX509CertificateConverter()
                        .getCertificate(
                                builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
                return new Issued(cert, own);
            } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
