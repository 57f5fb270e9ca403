package dev.mailcert.dns;

import dev.mailcert.Deadline;
import dev.mailcert.Printable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link Dns} over the network with dnsjava: asks one given server ({@link #using}) or the
 * system's resolvers ({@link #system}). Every answer is bounded (at most {@value #MAX_ADDRESSES}
 * addresses, {@value #MAX_RECORDS} other records) and every wait ends by the deadline.
 * Immutable and thread-safe: many virtual threads may share one.
 *
 * <pre>{@code
 * Dns dns = DnsResolver.using(DnsServer.parse("127.0.0.53"));
 * Lookup<List<InetAddress>> a = dns.addresses("mail.customer.example", Deadline.after(Duration.ofSeconds(5)));
 * }</pre>
 */
public final class DnsResolver implements Dns {

    public static final int MAX_ADDRESSES = 64;
    static final int MAX_RECORDS = 32;
    private static final Executor VIRTUAL =
            task -> Thread.ofVirtual().name("dns-lookup").start(task);

    private final Nameservers nameservers;

    private DnsResolver(Nameservers nameservers) {
        this.nameservers = nameservers;
    }

    /** Queries exactly {@code server}. */
    public static DnsResolver using(DnsServer server) {
        return new DnsResolver(new Nameservers(List.of(server.address())));
    }

    /**
     * Queries the system's resolvers (resolv.conf and the like, via dnsjava's ResolverConfig) in order:
     * one that fails (SERVFAIL, REFUSED) or stays silent hands the question to the next.
     */
    public static DnsResolver system() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return asking(
                servers.isEmpty()
                        ? List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), DnsServer.DEFAULT_PORT))
                        : servers);
    }

    /** Queries {@code servers} in order, as {@link #system()} does its list. */
    static DnsResolver asking(List<InetSocketAddress> servers) {
        return new DnsResolver(new Nameservers(servers));
    }

    /** The servers asked, in order. */
    public List<InetSocketAddress> servers() {
        return nameservers.servers();
    }

    /** A and AAAA asked at the same time; IPv4 first. One found is enough for {@link Lookup.Found}. */
    @Override
    public Lookup<List<InetAddress>> addresses(String host, Deadline deadline) {
        CompletableFuture<Lookup<List<InetAddress>>> v6 = CompletableFuture.supplyAsync(
                () -> lookup(host, Type.AAAA, r -> ((AAAARecord) r).getAddress(), MAX_ADDRESSES, deadline), VIRTUAL);
        Lookup<List<InetAddress>> v4 = lookup(host, Type.A, r -> ((ARecord) r).getAddress(), MAX_ADDRESSES, deadline);
        return AddressLookups.combine(v4, v6.join(), MAX_ADDRESSES);
    }

    @Override
    public Lookup<List<MxHost>> mx(String domain, Deadline deadline) {
        Lookup<List<MxHost>> hosts = lookup(
                domain,
                Type.MX,
                r -> new MxHost(((MXRecord) r).getPriority(), Resolution.text(((MXRecord) r).getTarget())),
                MAX_RECORDS,
                deadline);
        return sorted(hosts, Comparator.comparingInt(MxHost::preference).thenComparing(MxHost::host));
    }

    /** Sorted by priority, then by weight, heaviest first (RFC 2782: weight orders within a priority). */
    @Override
    public Lookup<List<ServiceRecord>> srv(String name, Deadline deadline) {
        Lookup<List<ServiceRecord>> records = lookup(
                name,
                Type.SRV,
                r -> {
                    SRVRecord srv = (SRVRecord) r;
                    return new ServiceRecord(
                            srv.getPriority(), srv.getWeight(), srv.getPort(), Resolution.text(srv.getTarget()));
                },
                MAX_RECORDS,
                deadline);
        return sorted(
                records,
                Comparator.comparingInt(ServiceRecord::priority)
                        .thenComparing(
                                Comparator.comparingInt(ServiceRecord::weight).reversed())
                        .thenComparing(ServiceRecord::target)
                        .thenComparingInt(ServiceRecord::port));
    }

    /** PTR of the address's in-addr.arpa or ip6.arpa name (RFC 1035 §3.5, RFC 3596 §2.5). */
    @Override
    public Lookup<List<String>> ptr(InetAddress address, Deadline deadline) {
        Name reverse = ReverseMap.fromAddress(address);
        return lookup(reverse, Type.PTR, r -> Resolution.text(((PTRRecord) r).getTarget()), MAX_RECORDS, deadline);
    }

    @Override
    public Lookup<List<String>> ns(String domain, Deadline deadline) {
        Lookup<List<String>> hosts =
                lookup(domain, Type.NS, r -> Resolution.text(((NSRecord) r).getTarget()), MAX_RECORDS, deadline);
        return sorted(hosts, Comparator.<String>naturalOrder());
    }

    private <T> Lookup<List<T>> lookup(String name, int type, Function<Record, T> value, int max, Deadline deadline) {
        Optional<Name> parsed = absolute(name);
        if (parsed.isEmpty()) {
            return new Lookup.Failed<>(Printable.of(name), "not a valid DNS name");
        }
        return lookup(parsed.get(), type, value, max, deadline);
    }

    private <T> Lookup<List<T>> lookup(Name name, int type, Function<Record, T> value, int max, Deadline deadline) {
        Resolution<T> resolution = new Resolution<>(name, type, value, max);
        // each further query follows one more CNAME, so the chain limit bounds the queries too
        for (int query = 0; query <= Resolution.MAX_CHAIN; query++) {
            Name asking = resolution.current();
            Nameservers.Reply reply = nameservers.ask(asking, type, deadline);
            switch (reply) {
                case Nameservers.Reply.TimedOut t -> {
                    return new Lookup.Timeout<>(Resolution.text(asking));
                }
                case Nameservers.Reply.Broken b -> {
                    return new Lookup.Failed<>(Resolution.text(asking), b.reason());
                }
                case Nameservers.Reply.Answered a -> {
                    Optional<Lookup<List<T>>> outcome = resolution.read(a.message());
                    if (outcome.isPresent()) {
                        return outcome.get();
                    }
                }
            }
        }
        return new Lookup.Failed<>(resolution.asked(), "CNAME chain too long");
    }

    private static <T> Lookup<List<T>> sorted(Lookup<List<T>> lookup, Comparator<T> order) {
        if (lookup instanceof Lookup.Found<List<T>> found) {
            List<T> values = new ArrayList<>(found.value());
            values.sort(order);
            return new Lookup.Found<>(List.copyOf(values), found.cnameChain(), found.ttl());
        }
        return lookup;
    }

    private static Optional<Name> absolute(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        try {
            return Optional.of(Name.fromString(lower.endsWith(".") ? lower : lower + ".", Name.root));
        } catch (TextParseException e) {
            return Optional.empty();
        }
    }
}
