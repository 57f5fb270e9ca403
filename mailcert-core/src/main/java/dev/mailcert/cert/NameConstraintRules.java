package dev.mailcert.cert;

import com.google.common.net.InetAddresses;
import dev.mailcert.Printable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x500.style.RFC4519Style;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * Name constraints (RFC 5280 §4.2.1.10, processed as §6.1.3(b),(c) and §6.1.4(g) do): a CA's permitted
 * and excluded subtrees apply to every certificate below it on the path, except self-issued
 * intermediates (§6.1.3(b)). The constraints of every CA count, the trust anchor's included.
 *
 * <ol>
 *   <li>dNSName: a name is within "example.com" when it is example.com or ends in ".example.com"; a
 *       constraint with a leading dot (".example.com") covers only names below it, as OpenSSL reads it.</li>
 *   <li>iPAddress: address and mask (8 octets for IPv4, 32 for IPv6); an address of the other family is
 *       never within.</li>
 *   <li>directoryName: the subject, and directoryName entries, are within when the constraint's RDNs are
 *       their first RDNs (compared by the rules of RFC 5280 §7.1).</li>
 *   <li>rfc822Name (SAN entries and emailAddress in the subject, §4.2.1.10) and URI hosts as the RFC defines.</li>
 *   <li>A name of another form under a constraint of that form cannot be checked: the certificate is
 *       rejected, as §4.2.1.10 requires of a constraint that is not processed.</li>
 *   <li>A subtree with minimum other than 0 or with a maximum (§4.2.1.10: "MUST be zero", "MUST be
 *       absent") -> invalid-chain.</li>
 * </ol>
 */
final class NameConstraintRules {

    private static final String NAME_CONSTRAINTS = "2.5.29.30";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final int MAX_NAMES = 1000;
    private static final Set<Integer> PROCESSED = Set.of(
            GeneralName.dNSName,
            GeneralName.iPAddress,
            GeneralName.directoryName,
            GeneralName.rfc822Name,
            GeneralName.uniformResourceIdentifier);

    private NameConstraintRules() {}

    /** {@code path} leaf first. */
    static List<Finding> check(List<X509Certificate> path) {
        List<Finding> findings = new ArrayList<>();
        for (int ca = path.size() - 1; ca > 0; ca--) {
            X509Certificate constraining = path.get(ca);
            Optional<NameConstraints> constraints = constraints(constraining);
            if (constraints.isEmpty()) {
                continue;
            }
            String caName = CertificateFacts.subject(constraining);
            List<GeneralSubtree> permitted = subtrees(constraints.get().getPermittedSubtrees());
            List<GeneralSubtree> excluded = subtrees(constraints.get().getExcludedSubtrees());
            if (permitted.stream().anyMatch(NameConstraintRules::badBounds)
                    || excluded.stream().anyMatch(NameConstraintRules::badBounds)) {
                findings.add(new Finding(
                        CertificateProblem.INVALID_CHAIN,
                        caName + " has name constraints with a"
                                + " minimum or maximum, which RFC 5280 §4.2.1.10 forbids; clients reject it."));
                continue;
            }
            for (int below = ca - 1; below >= 0; below--) {
                X509Certificate cert = path.get(below);
                if (below > 0 && CertificateFacts.selfIssued(cert)) {
                    continue; // §6.1.3(b): a self-issued intermediate's names are not constrained
                }
                violation(cert, permitted, excluded)
                        .ifPresent(v -> findings.add(new Finding(
                                CertificateProblem.INVALID_CHAIN,
                                caName + " " + v.rule() + ", but " + CertificateFacts.subject(cert) + " below it names "
                                        + shown(v.name()) + " (name constraints, RFC 5280 §4.2.1.10).")));
            }
        }
        return findings;
    }

    /** A name that breaks a constraint, and the constraint in words ("may only issue for ..."). */
    private record Violation(String rule, GeneralName name) {}

    /** The first name of {@code cert} that breaks the constraints. */
    private static Optional<Violation> violation(
            X509Certificate cert, List<GeneralSubtree> permitted, List<GeneralSubtree> excluded) {
        for (GeneralName name : names(cert)) {
            int form = name.getTagNo();
            if (!PROCESSED.contains(form)
                    && (permitted.stream().anyMatch(t -> t.getBase().getTagNo() == form)
                            || excluded.stream().anyMatch(t -> t.getBase().getTagNo() == form))) {
                return Optional.of(new Violation(
                        "constrains names of form [" + form + "] (otherName, x400Address,"
                                + " ediPartyName or registeredID), which cannot be checked here",
                        name));
            }
            List<GeneralName> allowed = permitted.stream()
                    .map(GeneralSubtree::getBase)
                    .filter(base -> base.getTagNo() == form)
                    .toList();
            if (!allowed.isEmpty() && allowed.stream().noneMatch(base -> within(name, base))) {
                return Optional.of(
                        new Violation("may only issue for " + described(allowed) + " (permitted subtrees)", name));
            }
            for (GeneralSubtree subtree : excluded) {
                if (subtree.getBase().getTagNo() == form && within(name, subtree.getBase())) {
                    return Optional.of(new Violation(
                            "may not issue for " + shown(subtree.getBase()) + " (excluded subtree)", name));
                }
            }
        }
        return Optional.empty();
    }

    /** RFC 5280 §4.2.1.10 per name form; a form that is not processed is never within (so it is rejected). */
    private static boolean within(GeneralName name, GeneralName base) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> dnsWithin(text(name), text(base));
            case GeneralName.iPAddress -> ipWithin(octets(name), octets(base));
            case GeneralName.directoryName ->
                directoryWithin(X500Name.getInstance(name.getName()), X500Name.getInstance(base.getName()));
            case GeneralName.rfc822Name -> mailboxWithin(text(name), text(base));
            case GeneralName.uniformResourceIdentifier ->
                uriHost(text(name))
                        .map(host -> hostWithin(host, text(base).toLowerCase(Locale.ROOT)))
                        .orElse(false);
            default -> false;
        };
    }

    static boolean dnsWithin(String name, String constraint) {
        String n = name.toLowerCase(Locale.ROOT);
        String c = constraint.toLowerCase(Locale.ROOT);
        if (c.isEmpty()) {
            return true; // an empty dNSName constraint covers every name
        }
        return hostWithin(n, c);
    }

    private static boolean hostWithin(String host, String constraint) {
        if (constraint.startsWith(".")) {
            return host.endsWith(constraint) && host.length() > constraint.length();
        }
        return host.equals(constraint) || host.endsWith("." + constraint);
    }

    static boolean ipWithin(byte[] address, byte[] constraint) {
        if (constraint.length != 2 * address.length) {
            return false;
        }
        for (int i = 0; i < address.length; i++) {
            byte mask = constraint[address.length + i];
            if ((address[i] & mask) != (constraint[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean directoryWithin(X500Name name, X500Name constraint) {
        RDN[] rdns = name.getRDNs();
        RDN[] prefix = constraint.getRDNs();
        if (prefix.length > rdns.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!IETFUtils.rDNAreEqual(prefix[i], rdns[i])) {
                return false;
            }
        }
        return true;
    }

    /** "user@host" is one mailbox, "host" every mailbox on that host, ".example.com" every host below it. */
    private static boolean mailboxWithin(String mailbox, String constraint) {
        int at = mailbox.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        if (constraint.indexOf('@') >= 0) {
            return mailbox.substring(0, at).equals(constraint.substring(0, constraint.lastIndexOf('@')))
                    && mailbox.substring(at + 1)
                            .equalsIgnoreCase(constraint.substring(constraint.lastIndexOf('@') + 1));
        }
        String host = mailbox.substring(at + 1).toLowerCase(Locale.ROOT);
        String c = constraint.toLowerCase(Locale.ROOT);
        return c.startsWith(".") ? hostWithin(host, c) : host.equals(c);
    }

    private static Optional<String> uriHost(String uri) {
        try {
            return Optional.ofNullable(new URI(uri).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The names RFC 5280 §6.1.3(b),(c) constrain: subject (and its emailAddress attributes) and SAN entries. */
    private static List<GeneralName> names(X509Certificate cert) {
        List<GeneralName> names = new ArrayList<>();
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        if (subject.getRDNs().length > 0) {
            names.add(new GeneralName(subject));
        }
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (value.getType().equals(PKCSObjectIdentifiers.pkcs_9_at_emailAddress)
                        && value.getValue() instanceof ASN1String email) {
                    names.add(new GeneralName(GeneralName.rfc822Name, email.getString()));
                }
            }
        }
        byte[] san = cert.getExtensionValue(SUBJECT_ALT_NAME);
        if (san != null) {
            try {
                GeneralName[] entries = GeneralNames.getInstance(ASN1Primitive.fromByteArray(
                                ASN1OctetString.getInstance(san).getOctets()))
                        .getNames();
                for (int i = 0; i < entries.length && i < MAX_NAMES; i++) {
                    names.add(entries[i]);
                }
            } catch (IOException | RuntimeException e) {
                // a malformed SAN is reported by ExtensionRules; it contributes no names here
            }
        }
        return names;
    }

    private static Optional<NameConstraints> constraints(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(NAME_CONSTRAINTS);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(NameConstraints.getInstance(ASN1Primitive.fromByteArray(
                    ASN1OctetString.getInstance(value).getOctets())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // malformed: reported by ExtensionRules
        }
    }

    private static List<GeneralSubtree> subtrees(GeneralSubtree[] subtrees) {
        return subtrees == null ? List.of() : List.of(subtrees);
    }

    private static boolean badBounds(GeneralSubtree subtree) {
        return subtree.getMinimum().signum() != 0 || subtree.getMaximum() != null;
    }

    private static String text(GeneralName name) {
        return name.getName() instanceof ASN1IA5String s ? s.getString() : "";
    }

    private static byte[] octets(GeneralName name) {
        return ASN1OctetString.getInstance(name.getName()).getOctets();
    }

    private static String described(List<GeneralName> bases) {
        List<String> shown =
                bases.stream().limit(5).map(NameConstraintRules::shown).toList();
        return String.join(", ", shown) + (bases.size() > 5 ? " and " + (bases.size() - 5) + " more" : "");
    }

    /** A name or subtree for people, with its form. */
    private static String shown(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS name " + (text(name).isEmpty() ? "(any)" : Printable.of(text(name)));
            case GeneralName.iPAddress -> "IP " + ip(octets(name));
            case GeneralName.directoryName ->
                "directory name '" + Printable.of(directoryName(X500Name.getInstance(name.getName()))) + "'";
            case GeneralName.rfc822Name -> "email " + Printable.of(text(name));
            case GeneralName.uniformResourceIdentifier -> "URI " + Printable.of(text(name));
            default -> "a name of form " + name.getTagNo();
        };
    }

    /** RFC 2253 as the rest of the explanations write names ("O=Permitted Org"). */
    private static String directoryName(X500Name name) {
        try {
            return new X500Principal(name.getEncoded(ASN1Encoding.DER)).getName(X500Principal.RFC2253);
        } catch (IOException | RuntimeException e) {
            return RFC4519Style.INSTANCE.toString(name);
        }
    }

    /** An address, or an address/mask pair from a constraint. */
    private static String ip(byte[] octets) {
        if (octets.length == 4 || octets.length == 16) {
            return address(octets);
        }
        if (octets.length == 8 || octets.length == 32) {
            int half = octets.length / 2;
            byte[] base = Arrays.copyOfRange(octets, 0, half);
            byte[] mask = Arrays.copyOfRange(octets, half, octets.length);
            int prefix = 0;
            for (byte b : mask) {
                prefix += Integer.bitCount(b & 0xff);
            }
            return address(base) + "/" + prefix;
        }
        return HexFormat.of().formatHex(octets);
    }

    private static String address(byte[] octets) {
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(octets));
        } catch (UnknownHostException e) {
            return HexFormat.of().formatHex(octets);
        }
    }
}
