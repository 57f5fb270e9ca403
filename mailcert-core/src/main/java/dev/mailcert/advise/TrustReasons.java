package dev.mailcert.advise;

import dev.mailcert.HostName;
import dev.mailcert.RegistrableDomain;
import dev.mailcert.diagnose.Candidate;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.Evidence;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a recommended name can be trusted, in plain words: that it is the same server, how the
 * certificate covers it, that mailcert connected with it, and which of the domain's own records
 * point to the same provider (or, without one, that the person should confirm it). Pure.
 */
final class TrustReasons {

    private TrustReasons() {}

    static void add(Diagnosis d, Candidate c, List<Recommendation> recommendations, List<String> why) {
        String host = c.host().value();
        Set<Evidence> ev = c.evidence();
        String shared = c.addresses().stream()
                .filter(d.dns().addresses()::contains)
                .map(InetAddress::getHostAddress)
                .collect(Collectors.joining(", "));
        if (ev.contains(Evidence.PTR)) {
            why.add(shared + " calls itself " + host + " (reverse DNS)"
                    + (ev.contains(Evidence.FORWARD_CONFIRMED)
                            ? ", and " + host + " points back to " + shared + ": it is the same server."
                            : "."));
        } else {
            why.add(host + " points to " + shared + ", the same server as " + d.server() + ".");
        }
        certificateNames(d, c).ifPresent(why::add);
        domainRecordsNaming(c).ifPresent(why::add);
        String ports = recommendations.stream()
                .filter(r -> r.host().equals(c.host()))
                .map(r -> r.protocol().name() + " " + r.port())
                .collect(Collectors.joining(", "));
        why.add("mailcert connected to " + shared + " as " + host + " (" + ports
                + "): the certificate is valid and trusted for that name, so your client will not warn.");
        if (Advisor.confidence(ev) == Confidence.HIGH) {
            why.add(providerLink(d, c) + ": confidence is high.");
        } else {
            why.add("This name is known only from the server itself (reverse DNS or its certificate), not from your "
                    + "domain's records: confidence is medium. Confirm with your provider that " + host
                    + " is meant for your mailbox before you change your settings.");
        }
    }

    /** How the server's certificate covers the candidate: listed by name, or through which wildcard. */
    private static Optional<String> certificateNames(Diagnosis d, Candidate c) {
        String host = c.host().value();
        if (c.evidence().contains(Evidence.SAN)) {
            return Optional.of("The server's certificate lists " + host + " by name.");
        }
        if (c.evidence().contains(Evidence.SAN_WILDCARD)) {
            String wildcard = "*." + c.host().parent();
            return Optional.of("The server's certificate covers " + host + " through its wildcard " + wildcard + ".");
        }
        return Optional.empty();
    }

    /** The records of the mail domain that name the candidate itself. */
    private static Optional<String> domainRecordsNaming(Candidate c) {
        List<String> records = new ArrayList<>();
        if (c.evidence().contains(Evidence.MX)) {
            records.add("MX");
        }
        if (c.evidence().contains(Evidence.SRV)) {
            records.add("SRV");
        }
        if (c.evidence().contains(Evidence.CNAME)) {
            records.add("CNAME");
        }
        if (c.evidence().contains(Evidence.AUTOCONFIG)) {
            records.add("autoconfig");
        }
        return records.isEmpty()
                ? Optional.empty()
                : Optional.of("Your domain's " + String.join(" and ", records) + " records name " + c.host() + " too.");
    }

    /** Which record of the mail domain points into the candidate's provider, in words. */
    private static String providerLink(Diagnosis d, Candidate c) {
        List<String> links = new ArrayList<>();
        d.dns().mx().orElse(List.of()).stream()
                .map(mx -> mx.host())
                .filter(h -> sameProvider(h, c.host()))
                .findFirst()
                .ifPresent(h -> links.add("your domain's mail (MX) goes to " + h));
        d.dns().ns().orElse(List.of()).stream()
                .filter(h -> sameProvider(h, c.host()))
                .findFirst()
                .ifPresent(h -> links.add("its DNS is served by " + h));
        String provider = RegistrableDomain.of(c.host()).orElse(c.host().value());
        if (links.isEmpty()) {
            return "Your domain's own DNS records point to " + c.host() + " (" + provider + ")";
        }
        return "Your domain is run by the same provider (" + provider + "): " + String.join(", and ", links);
    }

    private static boolean sameProvider(String host, HostName candidate) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return HostName.isValid(name) && RegistrableDomain.same(new HostName(name), candidate);
    }
}
