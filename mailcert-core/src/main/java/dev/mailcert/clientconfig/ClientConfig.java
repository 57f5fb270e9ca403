package dev.mailcert.clientconfig;

import java.util.List;

/**
 * A mail client configuration as autoconfig (Thunderbird), Autodiscover (Outlook) and Apple
 * profiles express it: who provides it, which domains it serves, and the servers, in the order
 * the file lists them (the first is the preferred one).
 */
public record ClientConfig(
        String providerId,
        String displayName,
        List<String> domains,
        List<ServerSetting> incoming,
        List<ServerSetting> outgoing) {

    public ClientConfig {
        domains = List.copyOf(domains);
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
    }

    public List<ServerSetting> servers() {
        return java.util.stream.Stream.concat(incoming.stream(), outgoing.stream())
                .toList();
    }
}
