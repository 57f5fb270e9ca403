package dev.mailcert.diagnose;

import dev.mailcert.HostName;
import dev.mailcert.RegistrableDomain;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.cert.HostnameMatcher;
import dev.mailcert.discover.Discovery;
import dev.mailcert.discover.DiscoverySource;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where alternative names for the same server come from, and what each source says about a name:
 * reverse DNS of the probed addresses, the names in the served certificates, and the records the
 * mail domain controls (MX, SRV, the CNAME chain of the configured name). Pure: no I/O.
 */
final class CandidateSearch {
    /** Discovery sources the mail domain itself publishes (as opposed to Mozilla's ISPDB or guesses). */
    static final Set<DiscoverySource> DOMAIN_PUBLISHED = java.util.EnumSet.of(
            DiscoverySource.AUTOCONFIG,
            DiscoverySource.WELL_KNOWN,
            DiscoverySource.AUTODISCOVER,
            DiscoverySource.AUTODISCOVER_SRV);

    private final HostName server;
    private final HostName domain;
    private final DnsFindings dns;
    private final Set<InetAddress> probed;
    // filled on the check's own thread only, between the rounds of names
    private final Set<X509Certificate> leaves = new LinkedHashSet<>();
    private Discovery discovery = new Discovery(List.of());

    /** {@code probed}: the server's addresses that were probed (DNS may give more than are probed). */
    CandidateSearch(HostName server, HostName domain, DnsFindings dns, List<InetAddress> probed) {
        this.server = server;
        this.domain = domain;
        this.dns = dns;
        this.probed = Set.copyOf(probed);
    }

    HostName server() {
        return server;
    }

    Set<InetAddress> probedAddresses() {
        return probed;
    }

    /** Names DNS offers: PTR names of the probed addresses, MX hosts, SRV targets, CNAME chain. */
    Set<HostName> namesFromDns() {
        Set<HostName> names = new LinkedHashSet<>();
        ptrNames().keySet().forEach(names::add);
        names.addAll(mxHosts());
        names.addAll(srvTargets());
        names.addAll(cnameNames());
        names.remove(server);
        return names;
    }

    void addCertificates(List<EndpointResult> results) {
        for (EndpointResult result : results) {
            result.probe().handshake().ifPresent(h -> leaves.add(h.leaf()));
        }
    }

    /** Names the served certificates list literally (wildcards cannot be connected to). */
    Set<HostName> namesFromCertificates() {
        Set<HostName> names = new LinkedHashSet<>();
        for (X509Certificate leaf : leaves) {
            for (String san : CertificateSummary.of(leaf).dnsNames()) {
                if (!san.startsWith("*")) {
                    hostName(san).ifPresent(names::add);
                }
            }
        }
        names.remove(server);
        return names;
    }

    void addDiscovery(Discovery found) {
        this.discovery = found;
    }

    /** Names the discovery paths of mail clients lead to (autoconfig, Autodiscover, ISPDB, SRV, guesses). */
    Set<HostName> namesFromDiscovery() {
        Set<HostName> names = new LinkedHashSet<>(clientHosts(discovery));
        names.remove(server);
        return names;
    }

    /**
     * The hosts a mail client would connect to by following a discovery path. MX hosts are not among
     * them: they relay mail between servers, and clients use them only to look up their provider.
     */
    static Set<HostName> clientHosts(Discovery discovery) {
        Set<HostName> hosts = new LinkedHashSet<>();
        discovery.paths().stream()
                .filter(p -> p.source() != DiscoverySource.MX)
                .flatMap(p -> p.servers().stream())
                .forEach(s -> hostName(s.host()).ifPresent(hosts::add));
        return hosts;
    }

    /** The first IMAP server named by a file the domain publishes (autoconfig, well-known, Autodiscover). */
    static Optional<HostName> publishedImapHost(Discovery discovery) {
        return discovery.paths().stream()
                .filter(p -> DOMAIN_PUBLISHED.contains(p.source()))
                .flatMap(p -> p.servers().stream())
                .filter(s -> s.protocol() == dev.mailcert.probe.Protocol.IMAP)
                .map(s -> hostName(s.host()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The candidate with every piece of evidence the findings give for its name. */
    Candidate withEvidence(Candidate candidate) {
        HostName name = candidate.host();
        Set<Evidence> evidence = EnumSet.noneOf(Evidence.class);
        Set<InetAddress> reverse = ptrNames().getOrDefault(name, Set.of());
        if (!reverse.isEmpty()) {
            evidence.add(Evidence.PTR);
            if (candidate.addresses().stream().anyMatch(reverse::contains)) {
                evidence.add(Evidence.FORWARD_CONFIRMED);
            }
        }
        if (leaves.stream().anyMatch(leaf -> lists(leaf, name))) {
            evidence.add(Evidence.SAN);
        } else if (leaves.stream().anyMatch(leaf -> HostnameMatcher.covers(leaf, name.value()))) {
            evidence.add(Evidence.SAN_WILDCARD);
        }
        if (mxHosts().contains(name)) {
            evidence.add(Evidence.MX);
        }
        if (srvTargets().contains(name)) {
            evidence.add(Evidence.SRV);
        }
        if (cnameNames().contains(name)) {
            evidence.add(Evidence.CNAME);
        }
        if (publishedNames().contains(name)) {
            evidence.add(Evidence.AUTOCONFIG);
        }
        if (providerHosts().stream().anyMatch(host -> RegistrableDomain.same(host, name))) {
            evidence.add(Evidence.SAME_PROVIDER);
        }
        return new Candidate(
                name,
                candidate.addresses(),
                candidate.sameServer(),
                evidence,
                candidate.verification(),
                candidate.note());
    }

    /** A name that did not resolve: kept so the report can say why it was not used. */
    static Candidate unresolved(HostName name, String why) {
        return new Candidate(name, List.of(), false, Set.of(), List.of(), why);
    }

    /** MX and NS hosts of the mail domain: records the domain controls that point at its provider. */
    List<HostName> providerHosts() {
        List<HostName> hosts = new ArrayList<>(mxHosts());
        for (String ns : dns.ns().orElse(List.of())) {
            hostName(ns).ifPresent(hosts::add);
        }
        return hosts;
    }

    /** Names of records the mail domain controls (MX, NS, SRV, CNAME) that point into the provider of {@code name}. */
    boolean domainPointsToProviderOf(HostName name) {
        List<HostName> controlled = new ArrayList<>(providerHosts());
        controlled.addAll(srvTargets());
        controlled.addAll(cnameNames());
        return controlled.stream().anyMatch(host -> RegistrableDomain.same(host, name))
                && !RegistrableDomain.same(domain, name);
    }

    /** Names in the files the mail domain publishes itself (autoconfig, Autodiscover): records it controls. */
    private Set<HostName> publishedNames() {
        Set<HostName> names = new LinkedHashSet<>();
        discovery.paths().stream()
                .filter(p -> DOMAIN_PUBLISHED.contains(p.source()))
                .flatMap(p -> p.servers().stream())
                .forEach(s -> hostName(s.host()).ifPresent(names::add));
        return names;
    }

    private static boolean lists(X509Certificate leaf, HostName name) {
        return CertificateSummary.of(leaf).dnsNames().stream().anyMatch(san -> san.equalsIgnoreCase(name.value()));
    }

    private Map<HostName, Set<InetAddress>> ptrNames() {
        Map<HostName, Set<InetAddress>> names = new LinkedHashMap<>();
        dns.ptr().forEach((address, lookup) -> {
            for (String ptr : lookup.orElse(List.of())) {
                hostName(ptr)
                        .ifPresent(n -> names.computeIfAbsent(n, k -> new LinkedHashSet<>())
                                .add(address));
            }
        });
        return names;
    }

    private List<HostName> mxHosts() {
        List<HostName> hosts = new ArrayList<>();
        for (MxHost mx : dns.mx().orElse(List.of())) {
            hostName(mx.host()).ifPresent(hosts::add);
        }
        return hosts;
    }

    private List<HostName> srvTargets() {
        List<HostName> targets = new ArrayList<>();
        dns.srv().values().forEach(lookup -> {
            for (ServiceRecord record : lookup.orElse(List.of())) {
                if (record.offered()) {
                    hostName(record.target()).ifPresent(targets::add);
                }
            }
        });
        return targets;
    }

    private List<HostName> cnameNames() {
        List<HostName> names = new ArrayList<>();
        dns.cnameChain().forEach(n -> hostName(n).ifPresent(names::add));
        return names;
    }

    /** A name from the network as a host name, or empty when it is not one (odd characters, too long). */
    static Optional<HostName> hostName(String text) {
        return HostName.fromNetwork(text);
    }
}
