package dev.mailcert.discover;

import dev.mailcert.clientconfig.ServerSetting;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one discovery path gave: where it asked, how that went, and the servers it names.
 *
 * @param source the kind of path
 * @param location the URL fetched or the DNS name asked
 * @param outcome how it went
 * @param servers the servers it names, in its order (empty unless {@link Result#FOUND})
 * @param detail a few plain words for a person: what was found or what went wrong
 */
public record DiscoveryPath(
        DiscoverySource source, String location, Result outcome, List<ServerSetting> servers, String detail) {

    public enum Result {
        /** The path names at least one server. */
        FOUND,
        /** Nothing is published there (no such host, no record, HTTP 404, service not offered). */
        NOT_FOUND,
        /** Something is there but unusable: a certificate a client refuses, a redirect elsewhere, bad XML. */
        FAILED,
        /** Not tried, e.g. an online-only path when offline. */
        SKIPPED,
        /** No answer before the deadline. */
        TIMEOUT;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public DiscoveryPath {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(outcome, "outcome");
        servers = List.copyOf(servers);
        Objects.requireNonNull(detail, "detail");
    }

    static DiscoveryPath found(DiscoverySource source, String location, List<ServerSetting> servers, String detail) {
        return new DiscoveryPath(source, location, Result.FOUND, servers, detail);
    }

    static DiscoveryPath without(DiscoverySource source, String location, Result outcome, String detail) {
        return new DiscoveryPath(source, location, outcome, List.of(), detail);
    }
}
