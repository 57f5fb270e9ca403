package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.util.List;

/** One certification path found by {@link PathBuilder}: leaf first, and how it ends. */
record CandidatePath(List<X509Certificate> certificates, End end) {

    enum End {
        /** The last certificate is a trust anchor. */
        TRUST_ANCHOR,
        /** The last certificate signed itself and is not trusted (the leaf alone: self-signed). */
        UNTRUSTED_ROOT,
        /** Nobody sent or trusted the issuer of the last certificate. */
        MISSING_ISSUER,
        /** The search stopped at its limits (path length, signature checks) before reaching an end. */
        UNRESOLVED
    }

    CandidatePath {
        certificates = List.copyOf(certificates);
    }

    X509Certificate last() {
        return certificates.get(certificates.size() - 1);
    }
}
