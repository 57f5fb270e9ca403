package dev.mailcert.discover;

import dev.mailcert.Deadline;
import dev.mailcert.dns.Dns;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import java.net.InetAddress;
import java.util.List;

/** In-memory DNS for tests: the listed names are at 127.0.0.1, every other name does not exist. */
record LoopbackDns(List<String> names) implements Dns {

    @Override
    public Lookup<List<InetAddress>> addresses(String host, Deadline deadline) {
        return names.contains(host)
                ? new Lookup.Found<>(List.of(InetAddress.getLoopbackAddress()), List.of())
                : new Lookup.NxDomain<>(host);
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
