package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Classifies one certification path into problem codes. Every certificate on the path is judged, the
 * trust anchor included: a client that trusts a root still refuses it when it has expired, when its key
 * is weak, or when it breaks the extension rules (OpenSSL judges the whole chain so). Only the anchor's
 * self-signature is not judged: it protects nothing. Numbered rules:
 *
 * <ol>
 *   <li>Every certificate: the extension rules ({@link ExtensionRules}), and keyCertSign only with
 *       basicConstraints CA:TRUE (RFC 5280 §4.2.1.3) -> invalid-chain.</li>
 *   <li>Name constraints of every CA, the anchor's included ({@link NameConstraintRules}) -> invalid-chain.</li>
 *   <li>Every link: the issuer's key verifies the child's signature (RFC 5280 §6.1.3(a)(1)) -> invalid-chain.</li>
 *   <li>Every issuer that is not an anchor is a CA: basicConstraints CA:TRUE (§6.1.4(k); v1 certificates have
 *       none) -> invalid-chain.</li>
 *   <li>... with keyCertSign when key usage is present (§6.1.4(n)) -> invalid-chain.</li>
 *   <li>... whose pathLenConstraint is not exceeded by the non-self-issued intermediates below it
 *       (§6.1.4(l),(m)) -> invalid-chain.</li>
 *   <li>... and that is within its validity period at the evaluation time (§6.1.3(a)(2)); the anchor too
 *       -> invalid-chain.</li>
 *   <li>RSA keys below 2048 bits, EC keys below 256 bits, DSA keys, anywhere on the path -> weak-key.</li>
 *   <li>SHA-1 or MD5 signatures on the leaf or an intermediate; a self-signature is not judged
 *       unless it is the leaf's own -> weak-signature.</li>
 *   <li>An extended key usage without serverAuth or anyExtendedKeyUsage on the leaf (RFC 5280 §4.2.1.12)
 *       or on any CA of the path, as mail clients apply it along the chain -> no-server-auth.</li>
 *   <li>How the path ends: a self-signed leaf that is not trusted -> self-signed; an untrusted self-signed
 *       root sent by the server -> untrusted-root; an issuer neither sent nor trusted -> incomplete-chain;
 *       a search stopped at its limits -> invalid-chain.</li>
 * </ol>
 */
final class PathRules {

    private final Instant at;
    private final String trustSource;
    private final int servedCount;
    private final PathBuilder builder;
    private final List<RefusedCertificate> refused;

    /** {@code refused}: certificates the server sent that the JDK could not read (not on any path). */
    PathRules(Instant at, String trustSource, int servedCount, PathBuilder builder, List<RefusedCertificate> refused) {
        this.at = at;
        this.trustSource = trustSource;
        this.servedCount = servedCount;
        this.builder = builder;
        this.refused = List.copyOf(refused);
    }

    List<Finding> check(CandidatePath path) {
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> certs = path.certificates();
        boolean anchored = path.end() == CandidatePath.End.TRUST_ANCHOR;
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate cert = certs.get(i);
            boolean anchor = anchored && i == certs.size() - 1;
            boolean untrustedRoot = path.end() == CandidatePath.End.UNTRUSTED_ROOT && i == certs.size() - 1 && i > 0;
            findings.addAll(ownRules(cert));
            if (i > 0) {
                checkLink(certs.get(i - 1), cert, findings);
                if (anchor) {
                    checkAnchorDates(cert, findings);
                } else {
                    checkIssuer(certs, i, findings);
                }
            }
            if (!anchor && !untrustedRoot) {
                CertificateFacts.weakSignature(cert)
                        .ifPresent(algorithm -> findings.add(new Finding(
                                CertificateProblem.WEAK_SIGNATURE,
                                CertificateFacts.subject(cert) + " is signed with " + algorithm
                                        + ", which mail clients no longer accept (SHA-1 and MD5 can be forged).")));
            }
            if (i == 0 || CertificateFacts.caPathLength(cert) >= 0) {
                CertificateFacts.purposesWithoutServerAuth(cert)
                        .ifPresent(purposes -> findings.add(new Finding(
                                CertificateProblem.NO_SERVER_AUTH,
                                CertificateFacts.subject(cert)
                                        + " limits what it may be used for (extended key usage: " + purposes
                                        + ") and does not allow TLS servers (serverAuth).")));
            }
        }
        findings.addAll(NameConstraintRules.check(certs));
        checkEnd(path, findings);
        return findings;
    }

    /** The rules every certificate obeys wherever it stands, a trust anchor or a pinned leaf included. */
    static List<Finding> ownRules(X509Certificate cert) {
        List<Finding> findings = new ArrayList<>(ExtensionRules.check(cert));
        if (CertificateFacts.assertsKeyCertSign(cert) && CertificateFacts.caPathLength(cert) < 0) {
            // RFC 5280 §4.2.1.3: "If the keyCertSign bit is asserted, then the cA bit ... MUST also be asserted"
            findings.add(new Finding(
                    CertificateProblem.INVALID_CHAIN,
                    CertificateFacts.subject(cert)
                            + " may sign certificates by its key usage (keyCertSign) but is not a certificate authority"
                            + " (basic constraints do not say CA:TRUE); RFC 5280 §4.2.1.3 forbids that combination."));
        }
        CertificateFacts.weakKey(cert)
                .ifPresent(weak -> findings.add(new Finding(
                        CertificateProblem.WEAK_KEY, CertificateFacts.subject(cert) + " has " + weak + ".")));
        return findings;
    }

    /** An anchor outside its validity period no longer vouches for anything (OpenSSL and mail clients agree). */
    private void checkAnchorDates(X509Certificate anchor, List<Finding> findings) {
        String name = CertificateFacts.subject(anchor);
        if (CertificateFacts.expiredAt(anchor, at)) {
            findings.add(new Finding(
                    CertificateProblem.INVALID_CHAIN,
                    "The trusted authority " + name + " expired on "
                            + anchor.getNotAfter().toInstant() + "; it no longer vouches for anything."));
        } else if (CertificateFacts.notYetValidAt(anchor, at)) {
            findings.add(new Finding(
                    CertificateProblem.INVALID_CHAIN,
                    "The trusted authority " + name + " is valid only from "
                            + anchor.getNotBefore().toInstant() + "."));
        }
    }

    private void checkLink(X509Certificate child, X509Certificate issuer, List<Finding> findings) {
        if (!builder.signed(child, issuer)) {
            findings.add(new Finding(
                    CertificateProblem.INVALID_CHAIN,
                    "The signature on "
                            + CertificateFacts.subject(child) + " does not verify with the key of "
                            + CertificateFacts.subject(issuer)
                            + ", although it carries the issuer's name: the link is broken."));
        }
    }

    private void checkIssuer(List<X509Certificate> certs, int index, List<Finding> findings) {
        X509Certificate issuer = certs.get(index);
        String name = CertificateFacts.subject(issuer);
        String child = CertificateFacts.subject(certs.get(index - 1));
        int pathLength = CertificateFacts.caPathLength(issuer);
        if (pathLength < 0) {
            findings.add(new Finding(
                    CertificateProblem.INVALID_CHAIN,
                    name + " issued " + child
                            + " but is not a certificate authority (its basic constraints do not say CA:TRUE)."));
        } else {
            int below = intermediatesBelow(certs, index);
            if (below > pathLength) {
                findings.add(new Finding(
                        CertificateProblem.INVALID_CHAIN,
                        name + " allows at most " + pathLength
                                + " intermediate certificate(s) below it (pathLen), but the chain has " + below + "."));
            }
        }
        if (!CertificateFacts.mayIssueCertificates(issuer)) {
            findings.add(new Finding(
                    CertificateProblem.INVALID_CHAIN,
                    name + " issued " + child
                            + " but its key usage does not allow signing certificates (keyCertSign)."));
        }
        if (CertificateFacts.expiredAt(issuer, at)) {
            findings.add(new Finding(
                    CertificateProblem.INVALID_CHAIN,
                    "The issuing certificate " + name + " expired on "
                            + issuer.getNotAfter().toInstant() + "."));
        } else if (CertificateFacts.notYetValidAt(issuer, at)) {
            findings.add(new Finding(
                    CertificateProblem.INVALID_CHAIN,
                    "The issuing certificate " + name + " is valid only from "
                            + issuer.getNotBefore().toInstant() + "."));
        }
    }

    /** RFC 5280 §6.1.4(l): self-issued intermediates do not count against a pathLenConstraint. */
    private static int intermediatesBelow(List<X509Certificate> certs, int index) {
        int count = 0;
        for (int i = 1; i < index; i++) {
            if (!CertificateFacts.selfIssued(certs.get(i))) {
                count++;
            }
        }
        return count;
    }

    private void checkEnd(CandidatePath path, List<Finding> findings) {
        X509Certificate last = path.last();
        String sent = "the server sent " + servedCount + (servedCount == 1 ? " certificate" : " certificates");
        switch (path.end()) {
            case TRUST_ANCHOR -> {}
            case UNTRUSTED_ROOT ->
                findings.add(
                        path.certificates().size() == 1
                                ? new Finding(
                                        CertificateProblem.SELF_SIGNED,
                                        "The certificate " + CertificateFacts.subject(last)
                                                + " is signed by itself; no trusted authority vouches for it (trusted: "
                                                + trustSource + ").")
                                : new Finding(
                                        CertificateProblem.UNTRUSTED_ROOT,
                                        "The chain ends at " + CertificateFacts.subject(last)
                                                + ", a root certificate the server sent itself (" + sent
                                                + "), which is not a trusted authority (trusted: " + trustSource
                                                + ")."));
            case MISSING_ISSUER ->
                findings.add(
                        refusedIssuer(last)
                                ? new Finding(
                                        CertificateProblem.INVALID_CHAIN,
                                        capitalized(sent) + "; the issuer "
                                                + CertificateFacts.issuer(last) + " of "
                                                + CertificateFacts.subject(last)
                                                + " is among them, but it breaks X.509 and no client can use it.")
                                : new Finding(
                                        CertificateProblem.INCOMPLETE_CHAIN,
                                        capitalized(sent) + "; " + missingIssuer(path) + " (trusted: " + trustSource
                                                + ")."));
            case UNRESOLVED ->
                findings.add(new Finding(
                        CertificateProblem.INVALID_CHAIN,
                        capitalized(sent)
                                + "; no certification path could be built within the limits (at most "
                                + PathBuilder.MAX_PATH_LENGTH + " certificates)."));
        }
    }

    private boolean refusedIssuer(X509Certificate cert) {
        String issuer = cert.getIssuerX500Principal().getName(X500Principal.RFC2253);
        return refused.stream().anyMatch(r -> r.summary().subject().equals(issuer));
    }

    /** Why the issuer of the last certificate counts as missing, when something by its name was sent. */
    private String missingIssuer(CandidatePath path) {
        X509Certificate last = path.last();
        String issuer = CertificateFacts.issuer(last);
        String subject = CertificateFacts.subject(last);
        boolean onPath = path.certificates().stream()
                .anyMatch(c -> c.getSubjectX500Principal().equals(last.getIssuerX500Principal()));
        if (onPath) {
            return "the issuer " + issuer + " of " + subject + " is already on the path, so these certificates"
                    + " only certify each other and never reach a trusted authority";
        }
        if (builder.sentSubject(last.getIssuerX500Principal())) {
            return "a certificate named " + issuer + " was sent, but its key is not the one that signed " + subject
                    + "; the real issuer is not included and is not a trusted authority";
        }
        return "the issuer " + issuer + " of " + subject + " is not included and is not a trusted authority";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
