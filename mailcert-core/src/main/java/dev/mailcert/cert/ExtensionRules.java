package dev.mailcert.cert;

import dev.mailcert.Printable;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.bouncycastle.asn1.x509.PolicyMappings;

/**
 * The extension rules of RFC 5280 §4.2 for one certificate, applied to every certificate on a path,
 * the trust anchor included:
 *
 * <ol>
 *   <li>A critical extension that is not recognised, or whose information is not processed, makes the
 *       certificate unusable (§4.2: "MUST reject the certificate") -> invalid-chain. Recognised: basic
 *       constraints, key usage, extended key usage, subject alternative name, name constraints, and the
 *       policy extensions (accepted as OpenSSL and the JDK accept them; see docs/certificate-rules.md).</li>
 *   <li>An extension that conforming CAs MUST mark non-critical is critical: authority and subject key
 *       identifiers (§4.2.1.1, §4.2.1.2), subject directory attributes (§4.2.1.8), freshest CRL
 *       (§4.2.1.15), authority and subject information access (§4.2.2.1, §4.2.2.2) -> invalid-chain.</li>
 *   <li>A known extension whose value is not the DER its syntax requires, or an empty list where the
 *       syntax says SIZE (1..MAX) -> invalid-chain.</li>
 *   <li>An extension that occurs twice (§4.2: "MUST NOT include more than one instance") is caught
 *       earlier: the JDK refuses such a certificate, see {@link ServedCertificates}.</li>
 * </ol>
 */
final class ExtensionRules {

    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String NAME_CONSTRAINTS = "2.5.29.30";
    private static final String CERTIFICATE_POLICIES = "2.5.29.32";
    private static final String POLICY_MAPPINGS = "2.5.29.33";
    private static final String POLICY_CONSTRAINTS = "2.5.29.36";
    private static final String INHIBIT_ANY_POLICY = "2.5.29.54";

    /** Critical extensions this engine (or, for policies, the clients it stands for) understands. */
    private static final Set<String> RECOGNISED_CRITICAL = Set.of(
            BASIC_CONSTRAINTS,
            KEY_USAGE,
            EXTENDED_KEY_USAGE,
            SUBJECT_ALT_NAME,
            NAME_CONSTRAINTS,
            CERTIFICATE_POLICIES,
            POLICY_MAPPINGS,
            POLICY_CONSTRAINTS,
            INHIBIT_ANY_POLICY);

    private record NeverCritical(String name, String section) {}

    /** Extensions RFC 5280 says conforming CAs MUST mark non-critical, with the section that says so. */
    private static final Map<String, NeverCritical> NEVER_CRITICAL = Map.of(
            "2.5.29.35", new NeverCritical("authority key identifier", "§4.2.1.1"),
            "2.5.29.14", new NeverCritical("subject key identifier", "§4.2.1.2"),
            "2.5.29.9", new NeverCritical("subject directory attributes", "§4.2.1.8"),
            "2.5.29.46", new NeverCritical("freshest CRL", "§4.2.1.15"),
            "1.3.6.1.5.5.7.1.1", new NeverCritical("authority information access", "§4.2.2.1"),
            "1.3.6.1.5.5.7.1.11", new NeverCritical("subject information access", "§4.2.2.2"));

    private record Syntax(String name, Function<ASN1Primitive, Object> parser, boolean nonEmptyList) {}

    /** The known extensions and a parser for each value (BouncyCastle throws on a wrong structure). */
    private static final Map<String, Syntax> SYNTAX = Map.ofEntries(
            Map.entry(BASIC_CONSTRAINTS, new Syntax("basic constraints", BasicConstraints::getInstance, false)),
            Map.entry(KEY_USAGE, new Syntax("key usage", ASN1BitString::getInstance, false)),
            Map.entry(EXTENDED_KEY_USAGE, new Syntax("extended key usage", ExtendedKeyUsage::getInstance, true)),
            Map.entry(SUBJECT_ALT_NAME, new Syntax("subject alternative name", GeneralNames::getInstance, true)),
            Map.entry("2.5.29.18", new Syntax("issuer alternative name", GeneralNames::getInstance, true)),
            Map.entry(NAME_CONSTRAINTS, new Syntax("name constraints", NameConstraints::getInstance, false)),
            Map.entry(CERTIFICATE_POLICIES, new Syntax("certificate policies", CertificatePolicies::getInstance, true)),
            Map.entry(POLICY_MAPPINGS, new Syntax("policy mappings", PolicyMappings::getInstance, true)),
            Map.entry(POLICY_CONSTRAINTS, new Syntax("policy constraints", PolicyConstraints::getInstance, false)),
            Map.entry(INHIBIT_ANY_POLICY, new Syntax("inhibit anyPolicy", ASN1Integer::getInstance, false)),
            Map.entry("2.5.29.35", new Syntax("authority key identifier", AuthorityKeyIdentifier::getInstance, false)),
            Map.entry("2.5.29.14", new Syntax("subject key identifier", ASN1OctetString::getInstance, false)),
            Map.entry("2.5.29.31", new Syntax("CRL distribution points", CRLDistPoint::getInstance, true)),
            Map.entry("2.5.29.46", new Syntax("freshest CRL", CRLDistPoint::getInstance, true)),
            Map.entry(
                    "1.3.6.1.5.5.7.1.1",
                    new Syntax("authority information access", AuthorityInformationAccess::getInstance, true)),
            Map.entry(
                    "1.3.6.1.5.5.7.1.11",
                    new Syntax("subject information access", AuthorityInformationAccess::getInstance, true)));

    private ExtensionRules() {}

    static List<Finding> check(X509Certificate cert) {
        List<Finding> findings = new ArrayList<>();
        String subject = CertificateFacts.subject(cert);
        Set<String> critical = orEmpty(cert.getCriticalExtensionOIDs());
        for (String oid : critical) {
            NeverCritical neverCritical = NEVER_CRITICAL.get(oid);
            if (neverCritical != null) {
                findings.add(new Finding(
                        CertificateProblem.INVALID_CHAIN,
                        subject + " marks its " + neverCritical.name()
                                + " extension critical, which RFC 5280 " + neverCritical.section()
                                + " forbids; clients reject it."));
            } else if (!RECOGNISED_CRITICAL.contains(oid)) {
                String known = SYNTAX.containsKey(oid) ? SYNTAX.get(oid).name() + " (" + oid + ")" : Printable.of(oid);
                findings.add(new Finding(
                        CertificateProblem.INVALID_CHAIN,
                        subject + " has a critical extension " + known
                                + " that clients do not process, so they must reject the "
                                + "certificate (RFC 5280 §4.2)."));
            }
        }
        Set<String> all = new LinkedHashSet<>(critical);
        all.addAll(orEmpty(cert.getNonCriticalExtensionOIDs()));
        for (String oid : all) {
            Syntax syntax = SYNTAX.get(oid);
            if (syntax != null && !wellFormed(cert.getExtensionValue(oid), syntax)) {
                findings.add(new Finding(
                        CertificateProblem.INVALID_CHAIN,
                        subject + " has a malformed " + syntax.name()
                                + " extension (its value is not what RFC 5280 defines); clients reject it."));
            }
        }
        return findings;
    }

    private static boolean wellFormed(byte[] extnValue, Syntax syntax) {
        if (extnValue == null) {
            return false;
        }
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(
                    ASN1OctetString.getInstance(extnValue).getOctets());
            syntax.parser().apply(value);
            return !(syntax.nonEmptyList() && value instanceof ASN1Sequence list && list.size() == 0);
        } catch (IOException | RuntimeException e) { // BouncyCastle reports a wrong structure either way
            return false;
        }
    }

    private static Set<String> orEmpty(Set<String> oids) {
        return oids == null ? Set.of() : oids;
    }
}
