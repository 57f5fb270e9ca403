package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Builds certification paths from a leaf (RFC 4158 style, forward direction), independent of the
 * order in which the server sent its certificates:
 *
 * <ol>
 *   <li>An issuer candidate is a served certificate or trust anchor whose subject equals the issuer
 *       name of the current certificate (RFC 5280 §6.1.3(a)(4)) and whose subject key identifier, when
 *       both are present, equals the current certificate's authority key identifier (§4.2.1.1).</li>
 *   <li>Candidates whose key verifies the signature are followed first; a candidate whose signature
 *       fails is followed only when no candidate verifies, so that the broken link gets reported.</li>
 *   <li>A path ends at a trust anchor (equal to one, or the same subject and key), at a self-signed
 *       certificate that is not trusted, or where no issuer was sent or trusted.</li>
 *   <li>Anchors are tried before served certificates, and a certificate never appears twice on a path.</li>
 *   <li>Everything is bounded: path length, number of paths, signature checks.</li>
 * </ol>
 */
final class PathBuilder {

    static final int MAX_PATH_LENGTH = 20;
    static final int MAX_SERVED = 100;
    private static final int MAX_PATHS = 32;
    private static final int MAX_SIGNATURE_CHECKS = 600;

    private final Map<X500Principal, List<X509Certificate>> anchorsBySubject = new HashMap<>();
    private final Map<X500Principal, List<X509Certificate>> servedBySubject = new HashMap<>();
    private final Map<Link, Boolean> signatures = new HashMap<>();
    private final List<CandidatePath> found = new ArrayList<>();
    private int signatureChecks;

    private record Link(X509Certificate child, X509Certificate issuer) {}

    PathBuilder(TrustAnchors trust, List<X509Certificate> served) {
        trust.roots()
                .forEach(root -> anchorsBySubject
                        .computeIfAbsent(root.getSubjectX500Principal(), k -> new ArrayList<>())
                        .add(root));
        served.stream()
                .limit(MAX_SERVED)
                .forEach(cert -> servedBySubject
                        .computeIfAbsent(cert.getSubjectX500Principal(), k -> new ArrayList<>())
                        .add(cert));
    }

    /** True when {@code cert} is a trust anchor: the same certificate, or the same subject and key. */
    boolean isAnchor(X509Certificate cert) {
        return anchorsBySubject.getOrDefault(cert.getSubjectX500Principal(), List.of()).stream()
                .anyMatch(anchor -> anchor.equals(cert) || CertificateFacts.sameKey(anchor, cert));
    }

    /** Whether the server sent a certificate with this subject name. */
    boolean sentSubject(X500Principal subject) {
        return servedBySubject.containsKey(subject);
    }

    /** Whether {@code issuer}'s key verifies {@code child}'s signature; each pair is checked once. */
    boolean signed(X509Certificate child, X509Certificate issuer) {
        Link link = new Link(child, issuer);
        Boolean known = signatures.get(link);
        if (known != null) {
            return known;
        }
        signatureChecks++;
        boolean verified = CertificateFacts.signedBy(child, issuer.getPublicKey());
        signatures.put(link, verified);
        return verified;
    }

    /** All paths found from {@code leaf}, at least one. */
    List<CandidatePath> pathsFrom(X509Certificate leaf) {
        found.clear();
        Deque<X509Certificate> path = new ArrayDeque<>();
        path.addLast(leaf);
        extend(path);
        if (found.isEmpty()) {
            found.add(new CandidatePath(List.of(leaf), CandidatePath.End.UNRESOLVED));
        }
        return List.copyOf(found);
    }

    private void extend(Deque<X509Certificate> path) {
        if (found.size() >= MAX_PATHS) {
            return;
        }
        X509Certificate last = path.getLast();
        if (isAnchor(last)) {
            found.add(new CandidatePath(List.copyOf(path), CandidatePath.End.TRUST_ANCHOR));
            return;
        }
        if (signatureChecks >= MAX_SIGNATURE_CHECKS || path.size() >= MAX_PATH_LENGTH) {
            found.add(new CandidatePath(List.copyOf(path), CandidatePath.End.UNRESOLVED));
            return;
        }
        if (CertificateFacts.selfIssued(last) && signed(last, last)) {
            found.add(new CandidatePath(List.copyOf(path), CandidatePath.End.UNTRUSTED_ROOT));
            return;
        }
        List<X509Certificate> candidates = issuerCandidates(last, path);
        List<X509Certificate> verified =
                candidates.stream().filter(issuer -> signed(last, issuer)).toList();
        List<X509Certificate> next = verified.isEmpty() ? candidates : verified;
        if (next.isEmpty()) {
            found.add(new CandidatePath(List.copyOf(path), CandidatePath.End.MISSING_ISSUER));
            return;
        }
        for (X509Certificate issuer : next) {
            path.addLast(issuer);
            extend(path);
            path.removeLast();
        }
    }

    private List<X509Certificate> issuerCandidates(X509Certificate child, Deque<X509Certificate> path) {
        X500Principal issuerName = child.getIssuerX500Principal();
        Set<X509Certificate> candidates = new LinkedHashSet<>();
        candidates.addAll(anchorsBySubject.getOrDefault(issuerName, List.of()));
        candidates.addAll(servedBySubject.getOrDefault(issuerName, List.of()));
        candidates.removeIf(c -> path.contains(c) || !KeyIdentifiers.mayHaveIssued(c, child));
        List<X509Certificate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing(c -> !isAnchor(c)));
        return ordered;
    }
}
