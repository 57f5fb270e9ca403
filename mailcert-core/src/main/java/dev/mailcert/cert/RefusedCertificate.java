package dev.mailcert.cert;

import dev.mailcert.Printable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.RFC4519Style;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;

/**
 * A certificate that is DER in the shape of RFC 5280 §4.1 (Certificate, TBSCertificate and its fields in
 * order) but that the JDK refuses because it breaks X.509: an extension twice, an empty issuer, a public
 * key it cannot read, an outer signature algorithm that differs from the inner one. A server can send
 * one, and every client refuses it: a finding (invalid-chain), not bad input. Its fields are read here,
 * without the JDK's checks, only to show people what it is.
 *
 * @param position the certificate's place in what was read, from 1 (the leaf)
 * @param reason   the JDK's reason, one line
 */
public record RefusedCertificate(int position, String reason, CertificateSummary summary) {

    /** The fields of {@code der} when it has the shape of a certificate; empty when it is not one at all. */
    static Optional<RefusedCertificate> read(int position, byte[] der, String reason) {
        try {
            ASN1Sequence certificate = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (certificate.size() != 3) {
                return Optional.empty();
            }
            AlgorithmIdentifier.getInstance(certificate.getObjectAt(1));
            DERBitString.getInstance(certificate.getObjectAt(2));
            ASN1Sequence tbs = ASN1Sequence.getInstance(certificate.getObjectAt(0));
            int i = tbs.getObjectAt(0) instanceof ASN1TaggedObject version && version.getTagNo() == 0 ? 1 : 0;
            ASN1Integer.getInstance(tbs.getObjectAt(i++));
            AlgorithmIdentifier.getInstance(tbs.getObjectAt(i++));
            X500Name issuer = X500Name.getInstance(tbs.getObjectAt(i++));
            ASN1Sequence validity = ASN1Sequence.getInstance(tbs.getObjectAt(i++));
            X500Name subject = X500Name.getInstance(tbs.getObjectAt(i++));
            SubjectPublicKeyInfo.getInstance(tbs.getObjectAt(i++));
            List<String> dns = new ArrayList<>();
            List<String> ips = new ArrayList<>();
            for (; i < tbs.size(); i++) {
                if (tbs.getObjectAt(i) instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
                    altNames(ASN1Sequence.getInstance(tagged.getExplicitBaseObject()), dns, ips);
                }
            }
            CertificateSummary summary = new CertificateSummary(
                    name(subject),
                    name(issuer),
                    dns,
                    ips,
                    Time.getInstance(validity.getObjectAt(0)).getDate().toInstant(),
                    Time.getInstance(validity.getObjectAt(1)).getDate().toInstant(),
                    sha256(der));
            return Optional.of(new RefusedCertificate(position, reason, summary));
        } catch (IOException | RuntimeException e) { // BouncyCastle reports a wrong structure either way
            return Optional.empty();
        }
    }

    /** The finding: which certificate, what the JDK said, and what clients do with it. */
    Finding finding() {
        String which = position == 1 ? "The server's certificate" : "Certificate " + position + " the server sent";
        return new Finding(
                CertificateProblem.INVALID_CHAIN,
                which + " '" + Printable.of(summary.subject())
                        + "' is DER but breaks X.509, so TLS clients refuse the chain as a whole: " + reason + ".");
    }

    /** The first subject alternative name extension; a repeated one is what got the certificate refused. */
    private static void altNames(ASN1Sequence extensions, List<String> dns, List<String> ips) throws IOException {
        for (ASN1Encodable element : extensions) {
            ASN1Sequence extension = ASN1Sequence.getInstance(element);
            if (!ASN1ObjectIdentifier.getInstance(extension.getObjectAt(0)).equals(Extension.subjectAlternativeName)) {
                continue;
            }
            ASN1OctetString value = ASN1OctetString.getInstance(extension.getObjectAt(extension.size() - 1));
            for (GeneralName name : GeneralNames.getInstance(ASN1Primitive.fromByteArray(value.getOctets()))
                    .getNames()) {
                if (name.getTagNo() == GeneralName.dNSName && name.getName() instanceof ASN1IA5String text) {
                    dns.add(text.getString());
                } else if (name.getTagNo() == GeneralName.iPAddress) {
                    ips.add(address(ASN1OctetString.getInstance(name.getName()).getOctets()));
                }
            }
            return;
        }
    }

    private static String name(X500Name name) {
        try {
            return new X500Principal(name.getEncoded(ASN1Encoding.DER)).getName(X500Principal.RFC2253);
        } catch (IOException | RuntimeException e) {
            return RFC4519Style.INSTANCE.toString(name);
        }
    }

    private static String address(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            return HexFormat.of().formatHex(octets);
        }
    }

    private static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
