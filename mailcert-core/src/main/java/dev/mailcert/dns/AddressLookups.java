package dev.mailcert.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How the A and the AAAA lookup of one host make one {@link Lookup} of its addresses. */
final class AddressLookups {

    private AddressLookups() {}

    /**
     * IPv4 addresses first, then IPv6, at most {@code max}. Either family found is enough: a host
     * with only IPv4 answers NODATA for AAAA. When neither is found, the most telling outcome wins:
     * NXDOMAIN (the name is not there), then a failure (e.g. a CNAME loop), SERVFAIL, timeout, and
     * NODATA last, since it is the only one that says both questions were answered.
     */
    static Lookup<List<InetAddress>> combine(Lookup<List<InetAddress>> v4, Lookup<List<InetAddress>> v6, int max) {
        if (v4 instanceof Lookup.Found<List<InetAddress>> a && v6 instanceof Lookup.Found<List<InetAddress>> aaaa) {
            List<InetAddress> both = new ArrayList<>(a.value());
            aaaa.value().stream().limit(Math.max(0, max - both.size())).forEach(both::add);
            return new Lookup.Found<>(List.copyOf(both), a.cnameChain(), min(a.ttl(), aaaa.ttl()));
        }
        if (v4.found()) {
            return v4;
        }
        if (v6.found()) {
            return v6;
        }
        return rank(v4) <= rank(v6) ? v4 : v6;
    }

    private static int rank(Lookup<List<InetAddress>> outcome) {
        return switch (outcome) {
            case Lookup.NxDomain<List<InetAddress>> n -> 0;
            case Lookup.Failed<List<InetAddress>> f -> 1;
            case Lookup.ServFail<List<InetAddress>> s -> 2;
            case Lookup.Timeout<List<InetAddress>> t -> 3;
            case Lookup.NoData<List<InetAddress>> n -> 4;
            case Lookup.Found<List<InetAddress>> f -> 5;
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
