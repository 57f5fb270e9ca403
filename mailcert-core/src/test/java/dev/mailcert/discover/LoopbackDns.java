package dev.mailcert.discover;

import dev.mailcert.Deadline;
import dev.mailcert.dns.Dns;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** In-memory DNS for tests: each host has its loopback addresses, in order; every other name does not exist. */
record LoopbackDns(Map<String, List<InetAddress>> hosts) implements Dns {

    /** The listed names, each at 127.0.0.1 only. */
    LoopbackDns(List<String> names) {
        this(names.stream()
                .collect(Collectors.toMap(Function.identity(), n -> List.of(InetAddress.getLoopbackAddress()))));
    }

    @Override
    public Lookup<List<InetAddress>> addresses(String host, Deadline deadline) {
        return hosts.containsKey(host) ? new Lookup.Found<>(hosts.get(host), List.of()) : new Lookup.NxDomain<>(host);
    }

    @Override
    public Lookup<List<MxHost>> mx(String domain, Deadline deadline) {
        return new Lookup.NxDomain<>(domain);
    }

    @Override
    public Lookup<List<ServiceRecord>> srv(String name, Deadline deadline) {
        return new Lookup.NxDomain<>(name);
    }

    @Override
    public Lookup<List<String>> ptr(InetAddress address, Deadline deadline) {
        return new Lookup.NxDomain<>(address.getHostAddress());
    }

    @Override
    public Lookup<List<String>> ns(String domain, Deadline deadline) {
        return new Lookup.NxDomain<>(domain);
    }
}
