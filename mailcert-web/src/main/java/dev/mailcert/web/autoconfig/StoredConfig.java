package dev.mailcert.web.autoconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.HostName;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.probe.Protocol;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client configuration in a stored {@code mailcert.check/1} result: its verified
 * recommendations only, in the order the check gave them. Empty when the result has no verified
 * name for incoming and for outgoing mail, or cannot be read.
 */
public final class StoredConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredConfig() {}

    public static Optional<ClientConfig> of(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        String domain = root.path("domain").asText("");
        if (!HostName.isValid(domain)) {
            return Optional.empty();
        }
        List<ServerSetting> incoming = new ArrayList<>();
        List<ServerSetting> outgoing = new ArrayList<>();
        for (JsonNode r : root.path("recommendations")) {
            setting(r).ifPresent(s -> (s.protocol() == Protocol.SMTP ? outgoing : incoming).add(s));
        }
        if (incoming.isEmpty() || outgoing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClientConfig(domain, domain + " mail", List.of(domain), incoming, outgoing));
    }

    private static Optional<ServerSetting> setting(JsonNode r) {
        if (!r.path("verified").asBoolean(false)) {
            return Optional.empty();
        }
        String host = r.path("host").asText("");
        int port = r.path("port").asInt(0);
        Optional<Protocol> protocol = protocol(r.path("protocol").asText(""));
        SocketType socket = switch (r.path("security").asText("")) {
            case "tls" -> SocketType.SSL;
            case "starttls" -> SocketType.STARTTLS;
            default -> null;
        };
        if (!HostName.isValid(host) || port < 1 || port > 65535 || protocol.isEmpty() || socket == null) {
            return Optional.empty();
        }
        return Optional.of(new ServerSetting(protocol.get(), host, port, socket));
    }

    private static Optional<Protocol> protocol(String id) {
        try {
            return Optional.of(Protocol.valueOf(id.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
