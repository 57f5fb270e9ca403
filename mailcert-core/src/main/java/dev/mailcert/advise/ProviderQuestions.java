package dev.mailcert.advise;

import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.diagnose.Diagnosis;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What to ask the provider when no name on the server gets a valid certificate, one line per problem. Pure. */
final class ProviderQuestions {

    private ProviderQuestions() {}

    static List<String> of(Diagnosis d) {
        List<String> ask = new ArrayList<>();
        Set<CertificateProblem> problems = EnumSet.noneOf(CertificateProblem.class);
        d.endpoints().forEach(r -> problems.addAll(r.problems()));
        d.candidates().forEach(c -> c.verification().forEach(r -> problems.addAll(r.problems())));
        ask.add("Ask your provider which server name to type into your mail client: one whose certificate comes from "
                + "a trusted authority and names that server. Or ask them to install a certificate that covers "
                + d.server() + ".");
        for (CertificateProblem p : problems) {
            ask.add(
                    switch (p) {
                        case HOSTNAME_MISMATCH ->
                            "Tell them: the certificate the server presents for " + d.server() + " does not cover "
                                    + d.server() + ".";
                        case EXPIRED -> "Tell them: the server's certificate has expired and must be renewed.";
                        case NOT_YET_VALID ->
                            "Tell them: the server's certificate is not valid yet (check the server's "
                                    + "clock or the certificate dates).";
                        case SELF_SIGNED ->
                            "Tell them: the server uses a self-signed certificate; mail clients cannot "
                                    + "trust it. A free certificate from a public authority (e.g. Let's "
                                    + "Encrypt) fixes this.";
                        case UNTRUSTED_ROOT ->
                            "Tell them: the certificate chain ends at an authority mail clients do not trust.";
                        case INCOMPLETE_CHAIN ->
                            "Tell them: the server does not send its intermediate certificate; it must "
                                    + "send the full chain.";
                        case INVALID_CHAIN ->
                            "Tell them: the certificate chain breaks the rules of RFC 5280 (see the "
                                    + "certificate details below for the broken link).";
                        case WEAK_KEY ->
                            "Tell them: a key in the certificate chain is too weak (RSA below 2048 bits, "
                                    + "EC below 256 bits, or DSA).";
                        case WEAK_SIGNATURE ->
                            "Tell them: a certificate in the chain is signed with SHA-1 or MD5, which clients reject.";
                        case NO_SERVER_AUTH ->
                            "Tell them: the certificate is not allowed for server authentication (extended key usage).";
                    });
        }
        return ask;
    }
}
