package dev.mailcert.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A chain as read from a file, in order: the certificates the JDK accepts, and those that are DER
 * certificates but break X.509 so that the JDK refuses them ({@link RefusedCertificate}).
 */
public record ServedCertificates(List<X509Certificate> usable, List<RefusedCertificate> refused) {

    public ServedCertificates {
        usable = List.copyOf(Objects.requireNonNull(usable, "usable"));
        refused = List.copyOf(Objects.requireNonNull(refused, "refused"));
    }

    /** The first certificate, the one that names the server, is among the refused. */
    public boolean leafRefused() {
        return refused.stream().anyMatch(r -> r.position() == 1);
    }
}
