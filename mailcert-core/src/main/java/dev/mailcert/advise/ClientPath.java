package dev.mailcert.advise;

import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.discover.DiscoveryPath;
import java.util.List;
import java.util.Optional;

/**
 * One path a mail client takes to find its server (autoconfig, Autodiscover, ISPDB, SRV, guesses),
 * with each server it leads to and whether a client following it warns.
 */
public record ClientPath(DiscoveryPath path, List<Setting> settings) {

    public ClientPath {
        settings = List.copyOf(settings);
    }

    /** One server a path names, judged by the handshakes made with that name. */
    public record Setting(ServerSetting server, ClientWarning warning) {}

    static List<ClientPath> of(Diagnosis d) {
        return d.discovery().paths().stream()
                .map(path -> new ClientPath(
                        path,
                        path.servers().stream()
                                .map(s -> new Setting(s, warning(d, s)))
                                .toList()))
                .toList();
    }

    /** A client using this setting warns when the name's certificate has problems on that protocol. Pure. */
    static ClientWarning warning(Diagnosis d, ServerSetting setting) {
        if (setting.socketType() == SocketType.PLAIN) {
            return ClientWarning.PLAINTEXT;
        }
        String host = setting.host().strip().toLowerCase(java.util.Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!dev.mailcert.HostName.isValid(host)) {
            return ClientWarning.NOT_CHECKED;
        }
        List<EndpointResult> results = d.results(new dev.mailcert.HostName(host)).stream()
                .filter(r -> r.endpoint().protocol() == setting.protocol() && r.handshake())
                .toList();
        Optional<EndpointResult> samePort = results.stream()
                .filter(r ->
                        r.endpoint().port() == setting.port() + d.settings().portOffset())
                .findFirst();
        List<EndpointResult> judged = samePort.map(List::of).orElse(results);
        if (judged.isEmpty()) {
            return ClientWarning.NOT_CHECKED;
        }
        return judged.stream().anyMatch(EndpointResult::valid) ? ClientWarning.NONE : ClientWarning.WARNS;
    }
}
