package dev.mailcert.discover;

import dev.mailcert.HostName;
import dev.mailcert.clientconfig.ServerSetting;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every discovery path tried for a domain, in the order clients try them. */
public record Discovery(List<DiscoveryPath> paths) {

    public Discovery {
        paths = List.copyOf(paths);
    }

    /** The distinct host names the paths name, in path order then server order (lower case, no trailing dot). */
    public List<String> hostNames() {
        Set<String> hosts = new LinkedHashSet<>();
        for (DiscoveryPath path : paths) {
            for (ServerSetting server : path.servers()) {
                hosts.add(HostName.normalise(server.host()));
            }
        }
        return List.copyOf(hosts);
    }

    /** The paths of one source, in order. */
    public List<DiscoveryPath> paths(DiscoverySource source) {
        return paths.stream().filter(p -> p.source() == source).toList();
    }
}
