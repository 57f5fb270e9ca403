package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Classifies one certification path into problem codes. Trust anchors are trusted as given: their own
 * validity, constraints, key size and self-signature are not judged (RFC 5280 §6.1.1(d) takes only
 * their name and key). Numbered rules:
 *
 * <ol>
 *   <li>Every link: the issuer's key verifies the child's signature (RFC 5280 §6.1.3(a)(1)) -> invalid-chain.</li>
 *   <li>Every issuer that is not an anchor is a CA: basicConstraints CA:TRUE (§6.1.4(k); v1 certificates have
 *       none) -> invalid-chain.</li>
 *   <li>... with keyCertSign when key usage is present (§6.1.4(n)) -> invalid-chain.</li>
 *   <li>... whose pathLenConstraint is not exceeded by the non-self-issued intermediates below it
 *       (§6.1.4(l),(m)) -> invalid-chain.</li>
 *   <li>... and that is within its validity period at the evaluation time (§6.1.3(a)(2)) -> invalid-chain.</li>
 *   <li>RSA keys below 2048 bits on the leaf or an issuer that is not an anchor -> weak-key.</li>
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

    PathRules(Instant at, String trustSource, int servedCount, PathBuilder builder) {
        this.at = at;
        this.trustSource = trustSource;
        this.servedCount = servedCount;
        this.builder = builder;
    }

    List<Finding> check(CandidatePath path) {
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> certs = path.certificates();
        boolean anchored = path.end() == CandidatePath.End.TRUST_ANCHOR;
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate cert = certs.get(i);
            boolean anchor = anchored && i == certs.size() - 1;
            boolean untrustedRoot = path.end() == CandidatePath.End.UNTRUSTED_ROOT && i == certs.size() - 1 && i > 0;
            if (i > 0) {
                checkLink(certs.get(i - 1), cert, findings);
                if (!anchor) {
                    checkIssuer(certs, i, findings);
                }
            }
            if (!anchor) {
                checkKey(cert, findings);
            }
            if (!anchor && !untrustedRoot) {
                CertificateFacts.weakSignature(cert).ifPresent(algorithm -> findings.add(new Finding(
                        CertificateProblem.WEAK_SIGNATURE, CertificateFacts.subject(cert) + " is signed with "
                        + algorithm + ", which mail clients no longer accept (SHA-1 and MD5 can be forged).")));
            }
            if (i == 0 || CertificateFacts.caPathLength(cert) >= 0) {
                CertificateFacts.purposesWithoutServerAuth(cert).ifPresent(purposes -> findings.add(new Finding(
                        CertificateProblem.NO_SERVER_AUTH, CertificateFacts.subject(cert)
                        + " limits what it may be used for (extended key usage: " + purposes
                        + ") and does not allow TLS servers (serverAuth).")));
            }
        }
        checkEnd(path, findings);
        return findings;
    }

    private void checkLink(X509Certificate child, X509Certificate issuer, List<Finding> findings) {
        if (!builder.signed(child, issuer)) {
            findings.add(new Finding(CertificateProblem.INVALID_CHAIN, "The signature on "
                    + CertificateFacts.subject(child) + " does not verify with the key of "
                    + CertificateFacts.subject(issuer) + ", although it carries the issuer's name: the link is broken."));
        }
    }

    private void checkIssuer(List<X509Certificate> certs, int index, List<Finding> findings) {
        X509Certificate issuer = certs.get(index);
        String name = CertificateFacts.subject(issuer);
        String child = CertificateFacts.subject(certs.get(index - 1));
        int pathLength = CertificateFacts.caPathLength(issuer);
        if (pathLength < 0) {
            findings.add(new Finding(CertificateProblem.INVALID_CHAIN, name + " issued " + child
                    + " but is not a certificate authority (its basic constraints do not say CA:TRUE)."));
        } else {
            int below = intermediatesBelow(certs, index);
            if (below > pathLength) {
                findings.add(new Finding(CertificateProblem.INVALID_CHAIN, name + " allows at most " + pathLength
                        + " intermediate certificate(s) below it (pathLen), but the chain has " + below + "."));
            }
        }
        if (!CertificateFacts.mayIssueCertificates(issuer)) {
            findings.add(new Finding(CertificateProblem.INVALID_CHAIN, name + " issued " + child
                    + " but its key usage does not allow signing certificates (keyCertSign)."));
        }
        if (CertificateFacts.expiredAt(issuer, at)) {
            findings.add(new Finding(CertificateProblem.INVALID_CHAIN, "The issuing certificate " + name
                    + " expired on " + issuer.getNotAfter().toInstant() + "."));
        } else if (CertificateFacts.notYetValidAt(issuer, at)) {
            findings.add(new Finding(CertificateProblem.INVALID_CHAIN, "The issuing certificate " + name
                    + " is valid only from " + issuer.getNotBefore().toInstant() + "."));
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

    private static void checkKey(X509Certificate cert, List<Finding> findings) {
        OptionalInt bits = CertificateFacts.rsaBits(cert);
        if (bits.isPresent() && bits.getAsInt() < CertificateFacts.MIN_RSA_BITS) {
            findings.add(new Finding(CertificateProblem.WEAK_KEY, CertificateFacts.subject(cert) + " has a "
                    + bits.getAsInt() + "-bit RSA key; at least " + CertificateFacts.MIN_RSA_BITS + " bits are required."));
        }
    }

    private void checkEnd(CandidatePath path, List<Finding> findings) {
        X509Certificate last = path.last();
        String sent = "the server sent " + servedCount + (servedCount == 1 ? " certificate" : " certificates");
        switch (path.end()) {
            case TRUST_ANCHOR -> { }
            case UNTRUSTED_ROOT -> findings.add(path.certificates().size() == 1
                    ? new Finding(CertificateProblem.SELF_SIGNED, "The certificate " + CertificateFacts.subject(last)
                            + " is signed by itself; no trusted authority vouches for it (trusted: " + trustSource + ").")
                    : new Finding(CertificateProblem.UNTRUSTED_ROOT, "The chain ends at " + CertificateFacts.subject(last)
                            + ", a root certificate the server sent itself (" + sent
                            + "), which is not a trusted authority (trusted: " + trustSource + ")."));
            case MISSING_ISSUER -> findings.add(new Finding(CertificateProblem.INCOMPLETE_CHAIN,
                    capitalized(sent) + "; " + missingIssuer(path) + " (trusted: " + trustSource + ")."));
            case UNRESOLVED -> findings.add(new Finding(CertificateProblem.INVALID_CHAIN, capitalized(sent)
                    + "; no certification path could be built within the limits (at most "
                    + PathBuilder.MAX_PATH_LENGTH + " certificates)."));
        }
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
