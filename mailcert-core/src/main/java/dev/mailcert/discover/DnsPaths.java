package dev.mailcert.discover;

import dev.mailcert.HostName;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.discover.DiscoveryPath.Result;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import dev.mailcert.probe.Protocol;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/** Discovery paths answered by DNS alone: SRV, MX and the names clients guess. Pure functions of the lookups. */
final class DnsPaths {

    private DnsPaths() {}

    /** RFC 6186 §4: a single record with target "." says the service is decidedly not offered. */
    static DiscoveryPath srv(MailServiceRecord service, String name, Lookup<List<ServiceRecord>> lookup) {
        if (!(lookup instanceof Lookup.Found<List<ServiceRecord>> found)) {
            return DiscoveryPath.without(DiscoverySource.SRV, name, notFound(lookup), lookup.plain());
        }
        List<ServerSetting> servers = found.value().stream()
                .filter(ServiceRecord::offered)
                .map(r -> new ServerSetting(service.protocol(), host(r.target()), r.port(), service.socketType()))
                .toList();
        if (servers.isEmpty()) {
            return DiscoveryPath.without(
                    DiscoverySource.SRV,
                    name,
                    Result.NOT_FOUND,
                    "not offered: the record's target is \".\" (RFC 6186 §4)");
        }
        return DiscoveryPath.found(DiscoverySource.SRV, name, servers, "names " + WebPathOutcome.names(servers));
    }

    /** The MX hosts, lowest preference first: relay hosts on port 25, for the provider they reveal. */
    static DiscoveryPath mx(String domain, Lookup<List<MxHost>> lookup) {
        if (!(lookup instanceof Lookup.Found<List<MxHost>> found)) {
            return DiscoveryPath.without(DiscoverySource.MX, domain, notFound(lookup), lookup.plain());
        }
        List<ServerSetting> servers = found.value().stream()
                .map(mx -> host(mx.host()))
                .filter(host -> !host.isEmpty()) // RFC 7505: a null MX (".") accepts no mail
                .distinct()
                .map(host -> new ServerSetting(Protocol.SMTP, host, 25, SocketType.STARTTLS))
                .toList();
        if (servers.isEmpty()) {
            return DiscoveryPath.without(
                    DiscoverySource.MX, domain, Result.NOT_FOUND, "null MX: the domain accepts no mail (RFC 7505)");
        }
        return DiscoveryPath.found(
                DiscoverySource.MX,
                domain,
                servers,
                "mail exchangers "
                        + servers.stream().map(ServerSetting::host).collect(Collectors.joining(", "))
                        + " (relay hosts: they show the provider, not necessarily the mailbox server)");
    }

    /** What a client would try at a guessed name, by the name's first label, as Thunderbird does. */
    static List<ServerSetting> guessed(String name) {
        String label = name.substring(0, name.indexOf('.'));
        return switch (label) {
            case "imap" -> List.of(new ServerSetting(Protocol.IMAP, name, 993, SocketType.SSL));
            case "smtp" -> List.of(new ServerSetting(Protocol.SMTP, name, 465, SocketType.SSL));
            default ->
                List.of(
                        new ServerSetting(Protocol.IMAP, name, 993, SocketType.SSL),
                        new ServerSetting(Protocol.SMTP, name, 465, SocketType.SSL));
        };
    }

    static DiscoveryPath guess(String name, Lookup<List<InetAddress>> lookup) {
        if (!(lookup instanceof Lookup.Found<List<InetAddress>> found)
                || found.value().isEmpty()) {
            return DiscoveryPath.without(
                    DiscoverySource.GUESS,
                    name,
                    notFound(lookup),
                    lookup.found() ? name + " has no address" : lookup.plain());
        }
        return DiscoveryPath.found(
                DiscoverySource.GUESS,
                name,
                guessed(name),
                "resolves to "
                        + found.value().stream()
                                .map(InetAddress::getHostAddress)
                                .collect(Collectors.joining(", "))
                        + "; a client would try it");
    }

    /** How a DNS question that found nothing usable ends. */
    static Result notFound(Lookup<?> lookup) {
        return switch (lookup) {
            case Lookup.Found<?> f -> Result.NOT_FOUND;
            case Lookup.NxDomain<?> n -> Result.NOT_FOUND;
            case Lookup.NoData<?> n -> Result.NOT_FOUND;
            case Lookup.Timeout<?> t -> Result.TIMEOUT;
            case Lookup.ServFail<?> s -> Result.FAILED;
            case Lookup.Failed<?> f -> Result.FAILED;
        };
    }

    /** A DNS target as a host name: lower case, no trailing dot ("" for the root "."). */
    static String host(String target) {
        return HostName.normalise(target);
    }
}
