package dev.mailcert.clientconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes an Apple configuration profile (.mobileconfig) that adds one mail account on iOS, iPadOS
 * and macOS: a property list of PayloadType Configuration holding one {@code com.apple.mail.managed}
 * payload with the first incoming and the first outgoing server of the configuration, the
 * address as user name on both, and a password the device asks for.
 *
 * <p>Apple's keys say less than the other formats; {@link #limitations} lists what is lost for a
 * given configuration. The main one: {@code IncomingMailServerUseSSL} and
 * {@code OutgoingMailServerUseSSL} are one boolean for implicit TLS and STARTTLS alike, so a
 * STARTTLS server is written with UseSSL true and its port, and the device negotiates.
 *
 * <p>The profile is not signed: signing needs the provider's certificate and key and is done by
 * whoever publishes the file.
 */
public final class MobileconfigWriter {
    static final String FORMAT = "mobileconfig";

    private MobileconfigWriter() {}

    /**
     * The profile as XML; throws {@link ClientConfigException} when the configuration lacks an
     * incoming or outgoing server, which an Apple mail account needs.
     */
    public static String write(ClientConfig config, String emailAddress, UUID payloadUuid, UUID accountUuid) {
        if (config.incoming().isEmpty() || config.outgoing().isEmpty()) {
            throw new ClientConfigException(
                    FORMAT + ": an Apple mail account needs an incoming and an outgoing server");
        }
        String profileId = payloadUuid.toString().toUpperCase(Locale.ROOT);
        String accountId = accountUuid.toString().toUpperCase(Locale.ROOT);
        String name =
                config.displayName() == null || config.displayName().isBlank() ? emailAddress : config.displayName();
        ServerSetting incoming = config.incoming().get(0);
        ServerSetting outgoing = config.outgoing().get(0);

        Map<String, Object> account = new LinkedHashMap<>();
        account.put("EmailAccountDescription", name);
        account.put(
                "EmailAccountType",
                switch (incoming.protocol()) {
                    case IMAP -> "EmailTypeIMAP";
                    case POP3 -> "EmailTypePOP";
                    case SMTP -> throw new IllegalArgumentException("an incoming server cannot be SMTP: " + incoming);
                });
        account.put("EmailAddress", emailAddress);
        server(account, "Incoming", incoming, emailAddress);
        server(account, "Outgoing", outgoing, emailAddress);
        account.put("OutgoingPasswordSameAsIncomingPassword", true);
        account.put("PayloadDescription", "Mail account " + emailAddress);
        account.put("PayloadDisplayName", name);
        account.put("PayloadIdentifier", "com.apple.mail.managed." + accountId);
        account.put("PayloadType", "com.apple.mail.managed");
        account.put("PayloadUUID", accountId);
        account.put("PayloadVersion", 1);

        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("PayloadContent", List.of(account));
        profile.put(
                "PayloadDescription", "Mail settings for " + emailAddress + " with servers whose certificates match");
        profile.put("PayloadDisplayName", name);
        profile.put("PayloadIdentifier", "dev.mailcert.profile." + profileId);
        profile.put("PayloadRemovalDisallowed", false);
        profile.put("PayloadType", "Configuration");
        profile.put("PayloadUUID", profileId);
        profile.put("PayloadVersion", 1);
        return PropertyListWriter.write(profile, FORMAT);
    }

    /** What this configuration loses when written as an Apple profile, one sentence each. */
    public static List<String> limitations(ClientConfig config) {
        List<String> limitations = new ArrayList<>();
        if (config.incoming().isEmpty() || config.outgoing().isEmpty()) {
            limitations.add("Apple profiles need an incoming and an outgoing server: this configuration lacks one");
            return limitations;
        }
        startTls(limitations, "Incoming", config.incoming().get(0));
        startTls(limitations, "Outgoing", config.outgoing().get(0));
        List<String> left = Stream.concat(
                        config.incoming().stream().skip(1),
                        config.outgoing().stream().skip(1))
                .map(s -> "%s %s:%d %s".formatted(s.protocol().id(), s.host(), s.port(), s.socketType()))
                .toList();
        if (!left.isEmpty()) {
            limitations.add(
                    "Apple profiles hold one incoming and one outgoing server: left out " + String.join(", ", left));
        }
        return limitations;
    }

    private static void startTls(List<String> limitations, String direction, ServerSetting server) {
        if (server.socketType() == SocketType.STARTTLS) {
            limitations.add(("Apple profiles cannot say STARTTLS: %sMailServerUseSSL is true for both;"
                            + " the device tries TLS on port %d as given")
                    .formatted(direction, server.port()));
        }
    }

    private static void server(Map<String, Object> account, String direction, ServerSetting server, String user) {
        account.put(direction + "MailServerAuthentication", "EmailAuthPassword");
        account.put(direction + "MailServerHostName", server.host());
        account.put(direction + "MailServerPortNumber", server.port());
        // One boolean for implicit TLS and STARTTLS: see limitations().
        account.put(direction + "MailServerUseSSL", server.socketType() != SocketType.PLAIN);
        account.put(direction + "MailServerUsername", user);
    }
}
