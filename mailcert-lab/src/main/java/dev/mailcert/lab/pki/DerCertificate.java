package dev.mailcert.lab.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * A certificate written field by field in DER (RFC 5280 §4.1), so that a chain can break any rule:
 * extensions repeated or malformed, an empty issuer, a public key the JDK cannot read, an outer signature
 * algorithm that differs from the one inside. Mutable builder; {@link #encode()} signs and returns the DER.
 */
final class DerCertificate {

    private static final AtomicLong SERIALS = new AtomicLong(0x5000);

    private final X500Name subject;
    private X500Name issuer;
    private SubjectPublicKeyInfo publicKey;
    private PublicKey authorityKey;
    private PrivateKey signingKey;
    private Instant notBefore;
    private Instant notAfter;
    private String outerAlgorithm;
    private final List<Extension> extensions = new ArrayList<>();

    DerCertificate(X500Name subject, KeyPair own, Instant notBefore, Instant notAfter) {
        this.subject = subject;
        this.issuer = subject;
        this.publicKey = SubjectPublicKeyInfo.getInstance(own.getPublic().getEncoded());
        this.authorityKey = own.getPublic();
        this.signingKey = own.getPrivate();
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    DerCertificate issuedBy(X500Name issuerName, KeyPair issuerKeys) {
        this.issuer = issuerName;
        this.authorityKey = issuerKeys.getPublic();
        this.signingKey = issuerKeys.getPrivate();
        return this;
    }

    DerCertificate issuerName(X500Name name) {
        this.issuer = name;
        return this;
    }

    DerCertificate publicKey(SubjectPublicKeyInfo info) {
        this.publicKey = info;
        return this;
    }

    DerCertificate validity(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    /** Adds an extension as given, even a second one with the same identifier. */
    DerCertificate extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded(ASN1Encoding.DER)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Subject and authority key identifiers (RFC 5280 §4.2.1.1, §4.2.1.2), non-critical, as CAs write them. */
    DerCertificate keyIdentifiers() {
        return subjectKeyIdentifier().authorityKeyIdentifier(false);
    }

    DerCertificate subjectKeyIdentifier() {
        try {
            return extension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code critical}: marked critical, which RFC 5280 §4.2.1.1 forbids. */
    DerCertificate authorityKeyIdentifier(boolean critical) {
        try {
            return extension(
                    Extension.authorityKeyIdentifier,
                    critical,
                    new JcaX509ExtensionUtils()
                            .createAuthorityKeyIdentifier(SubjectPublicKeyInfo.getInstance(authorityKey.getEncoded())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outer signatureAlgorithm differs from the one in the TBS (RFC 5280 §4.1.1.2 requires them equal). */
    DerCertificate outerAlgorithm(String jcaName) {
        this.outerAlgorithm = jcaName;
        return this;
    }

    byte[] encode() {
        String algorithm = signingKey instanceof RSAPrivateKey ? "SHA256withRSA" : "SHA256withECDSA";
        DefaultSignatureAlgorithmIdentifierFinder finder = new DefaultSignatureAlgorithmIdentifierFinder();
        AlgorithmIdentifier inner = finder.find(algorithm);
        AlgorithmIdentifier outer = outerAlgorithm == null ? inner : finder.find(outerAlgorithm);
        ASN1EncodableVector tbs = new ASN1EncodableVector();
        tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(2))); // v3
        tbs.add(new ASN1Integer(BigInteger.valueOf(SERIALS.incrementAndGet())));
        tbs.add(inner);
        tbs.add(issuer);
        tbs.add(new DERSequence(new ASN1Encodable[] {new Time(Date.from(notBefore)), new Time(Date.from(notAfter))}));
        tbs.add(subject);
        tbs.add(publicKey);
        if (!extensions.isEmpty()) {
            tbs.add(new DERTaggedObject(true, 3, new DERSequence(extensions.toArray(Extension[]::new))));
        }
        try {
            DERSequence tbsCertificate = new DERSequence(tbs);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(signingKey);
            signer.update(tbsCertificate.getEncoded(ASN1Encoding.DER));
            return new DERSequence(new ASN1Encodable[] {tbsCertificate, outer, new DERBitString(signer.sign())})
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign a constructed certificate", e);
        }
    }
}
