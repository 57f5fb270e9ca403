package dev.mailcert;

import com.google.common.net.InternetDomainName;
import java.util.Optional;

/**
 * The registrable domain of a host ("webhost.example" for "srv12.webhost.example"), by the Public
 * Suffix List algorithm: the longest matching public suffix plus one label. Where no listed suffix
 * matches, the PSL's implicit rule "*" applies: the public suffix is the last label.
 */
public final class RegistrableDomain {

    private RegistrableDomain() {}

    public static Optional<String> of(HostName host) {
        try {
            InternetDomainName name = InternetDomainName.from(host.value());
            if (name.isPublicSuffix()) {
                return Optional.empty();
            }
            if (name.isUnderPublicSuffix()) {
                return Optional.of(name.topPrivateDomain().toString());
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // not a name Guava accepts (e.g. a label with an underscore): fall back to the implicit rule
        }
        String[] labels = host.value().split("\\.");
        if (labels.length < 2) {
            return Optional.empty();
        }
        return Optional.of(labels[labels.length - 2] + "." + labels[labels.length - 1]);
    }

    /** True when both hosts share a registrable domain. */
    public static boolean same(HostName a, HostName b) {
        Optional<String> ra = of(a);
        return ra.isPresent() && ra.equals(of(b));
    }
}
