package dev.mailcert.discover;

import dev.mailcert.Printable;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.clientconfig.ClientConfigException;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.discover.DiscoveryPath.Result;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns what an HTTPS fetch gave into a discovery path: a pure function of the response. */
final class WebPathOutcome {

    private WebPathOutcome() {}

    /**
     * @param reader parses the body (autoconfig or Autodiscover XML); throws ClientConfigException when it is not one
     * @param format names the file in messages, e.g. "autoconfig"
     */
    static DiscoveryPath of(
            DiscoverySource source,
            String location,
            WebResponse response,
            Function<byte[], ClientConfig> reader,
            String format) {
        String via = response.finalUri().equals(location)
                ? ""
                : " (after a redirect to " + Printable.of(response.finalUri()) + ")";
        return switch (response.kind()) {
            case ANSWERED -> answered(source, location, response, reader, format, via);
            // no such host or nothing on port 443: how most domains say "nothing published here"
            case NO_SUCH_HOST, REFUSED -> DiscoveryPath.without(source, location, Result.NOT_FOUND, response.detail());
            case FAILED -> DiscoveryPath.without(source, location, Result.FAILED, response.detail() + via);
            case TIMEOUT -> DiscoveryPath.without(source, location, Result.TIMEOUT, response.detail() + via);
        };
    }

    private static DiscoveryPath answered(
            DiscoverySource source,
            String location,
            WebResponse response,
            Function<byte[], ClientConfig> reader,
            String format,
            String via) {
        int status = response.status();
        if (status == 401 || status == 403) {
            return DiscoveryPath.without(
                    source,
                    location,
                    Result.NOT_FOUND,
                    "HTTP " + status + ": it asks for a login; mailcert never sends credentials" + via);
        }
        if (status >= 400 && status < 500) {
            return DiscoveryPath.without(source, location, Result.NOT_FOUND, "HTTP " + status + via);
        }
        if (status < 200 || status >= 300) {
            return DiscoveryPath.without(
                    source, location, Result.FAILED, "HTTP " + status + " instead of a file" + via);
        }
        ClientConfig config;
        try {
            config = reader.apply(response.body());
        } catch (ClientConfigException e) {
            return DiscoveryPath.without(
                    source,
                    location,
                    Result.FAILED,
                    "not a valid " + format + " file: " + Printable.of(e.getMessage()) + via);
        }
        List<ServerSetting> servers = config.servers();
        if (servers.isEmpty()) {
            return DiscoveryPath.without(
                    source, location, Result.NOT_FOUND, "the " + format + " file names no server" + via);
        }
        return DiscoveryPath.found(source, location, servers, "names " + names(servers) + via);
    }

    static String names(List<ServerSetting> servers) {
        return servers.stream()
                .map(s -> s.protocol().id() + " " + Printable.of(s.host()) + ":" + s.port())
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
