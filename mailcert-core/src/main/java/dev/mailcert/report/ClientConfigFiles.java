package dev.mailcert.report;

import dev.mailcert.BadInputException;
import dev.mailcert.advise.Advice;
import dev.mailcert.advise.Recommendation;
import dev.mailcert.clientconfig.AutoconfigWriter;
import dev.mailcert.clientconfig.AutodiscoverWriter;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.clientconfig.MobileconfigWriter;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.probe.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Client configuration files made from a check: only verified recommendations ever reach them, so a
 * client that takes the file gets names whose certificates were proven on the same server.
 */
public final class ClientConfigFiles {

    private ClientConfigFiles() {}

    /** The configuration of the verified recommendations, or empty when there is none (unfixable, unreachable). */
    public static Optional<ClientConfig> of(Diagnosis d, Advice advice) {
        List<Recommendation> verified = advice.recommendations().stream()
                .filter(Recommendation::verified)
                .toList();
        List<ServerSetting> incoming = verified.stream()
                .filter(r -> r.protocol() != Protocol.SMTP)
                .map(ClientConfigFiles::setting)
                .toList();
        List<ServerSetting> outgoing = verified.stream()
                .filter(r -> r.protocol() == Protocol.SMTP)
                .map(ClientConfigFiles::setting)
                .toList();
        if (incoming.isEmpty() || outgoing.isEmpty()) {
            return Optional.empty();
        }
        String domain = d.request().target().domain().value();
        return Optional.of(new ClientConfig(domain, domain + " mail", List.of(domain), incoming, outgoing));
    }

    /** The file in {@code format}; Autodiscover and Apple profiles name the account, so they need an address. */
    public static String render(ConfigFormat format, ClientConfig config, Diagnosis d) {
        return switch (format) {
            case THUNDERBIRD -> AutoconfigWriter.write(config);
            case AUTODISCOVER -> AutodiscoverWriter.write(config, address(format, d));
            case MOBILECONFIG ->
                MobileconfigWriter.write(
                        config,
                        address(format, d),
                        stableUuid("profile:" + address(format, d)),
                        stableUuid("account:" + address(format, d)));
        };
    }

    /** What a format cannot express about these settings, in plain words (e.g. Apple and STARTTLS). */
    public static List<String> limitations(ConfigFormat format, ClientConfig config) {
        return format == ConfigFormat.MOBILECONFIG ? MobileconfigWriter.limitations(config) : List.of();
    }

    private static String address(ConfigFormat format, Diagnosis d) {
        if (d.request().target().localPart().isEmpty()) {
            throw new BadInputException("the " + format.id() + " format names the mail account: give an email address, "
                    + "not only the domain " + d.request().target().domain());
        }
        return d.request().target().input();
    }

    /** The same address always gets the same profile identifiers, so installing a new profile replaces the old one. */
    private static UUID stableUuid(String seed) {
        return UUID.nameUUIDFromBytes(("mailcert:" + seed).getBytes(StandardCharsets.UTF_8));
    }

    private static ServerSetting setting(Recommendation r) {
        return new ServerSetting(r.protocol(), r.host().value(), r.port(), SocketType.of(r.security()));
    }
}
