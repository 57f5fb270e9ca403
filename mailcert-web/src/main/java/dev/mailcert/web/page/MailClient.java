package dev.mailcert.web.page;

import java.util.List;
import java.util.Optional;

/**
 * The mail programs the page gives step-by-step instructions for, each written for someone who
 * has never opened the account settings: where the server name is, and what to type.
 */
public enum MailClient {
    OUTLOOK_NEW("outlook-new", "Outlook for Windows (new)"),
    OUTLOOK_CLASSIC("outlook-classic", "Outlook for Windows (classic)"),
    OUTLOOK_MAC("outlook-mac", "Outlook for Mac"),
    APPLE_MAIL("apple-mail", "Apple Mail on a Mac"),
    IPHONE("iphone", "iPhone and iPad Mail"),
    THUNDERBIRD("thunderbird", "Thunderbird"),
    GMAIL_ANDROID("gmail-android", "Gmail app on Android"),
    THUNDERBIRD_ANDROID("thunderbird-android", "Thunderbird on Android"),
    EM_CLIENT("em-client", "eM Client");

    private final String id;
    private final String label;

    MailClient(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<MailClient> byId(String id) {
        for (MailClient client : values()) {
            if (client.id.equals(id)) {
                return Optional.of(client);
            }
        }
        return Optional.empty();
    }

    /** One thing to do; {@code fields} are the values to type, label first. */
    public record Step(String text, List<Field> fields) {
        static Step of(String text) {
            return new Step(text, List.of());
        }

        static Step of(String text, List<Field> fields) {
            return new Step(text, fields);
        }
    }

    public record Field(String label, String value) {}

    /** The steps with these settings. */
    public List<Step> steps(Settings s) {
        List<Step> steps = switch (this) {
            case OUTLOOK_NEW ->
                List.of(
                        Step.of("Open Outlook. At the top right, select the gear icon (Settings)."),
                        Step.of("Select Accounts, then Email accounts. The new Outlook cannot change the "
                                + "server of an existing IMAP or POP account, so you add it again: next to your "
                                + "account select Manage, then Remove."),
                        Step.of("Select Add account, type your email address and select Continue. If "
                                + "Outlook asks which kind of account, choose " + s.incomingKind() + "."),
                        Step.of(
                                "Outlook shows the server settings. Type these values (select \"Show "
                                        + "more\" if the outgoing fields are hidden):",
                                s.incomingFields(
                                        "Incoming server",
                                        "Port",
                                        "Security type",
                                        s.incomingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of(
                                "And for sending mail:",
                                s.outgoingFields(
                                        "SMTP server",
                                        "Port",
                                        "Security type",
                                        s.outgoingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of("Type your password and select Continue. Outlook connects without a "
                                + "certificate warning."));
            case OUTLOOK_CLASSIC ->
                List.of(
                        Step.of("Open Outlook and select File at the top left."),
                        Step.of("Select Account Settings, then Server Settings (older versions: Account "
                                + "Settings, pick your account, then Change)."),
                        Step.of(
                                "Under Incoming mail, type:",
                                s.incomingFields(
                                        "Server",
                                        "Port",
                                        "Encryption method",
                                        s.incomingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of(
                                "Open Outgoing mail and type:",
                                s.outgoingFields(
                                        "Server",
                                        "Port",
                                        "Encryption method",
                                        s.outgoingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of("Select Next (or Done). Close and open Outlook again: it no longer asks "
                                + "about the certificate."));
            case OUTLOOK_MAC ->
                List.of(
                        Step.of("Open Outlook. In the menu bar select Outlook, then Settings (older "
                                + "versions: Preferences)."),
                        Step.of("Select Accounts and pick your account in the list on the left."),
                        Step.of(
                                "Under Incoming server, type the name and tick \"Use SSL to connect\""
                                        + (s.incomingImplicitTls() ? "" : " only if your version offers STARTTLS there")
                                        + ":",
                                s.incomingFields(
                                        "Incoming server",
                                        "Port",
                                        "Connection",
                                        s.incomingSecurity("Use SSL to connect", "STARTTLS"))),
                        Step.of(
                                "Under Outgoing server, type:",
                                s.outgoingFields(
                                        "Outgoing server",
                                        "Port",
                                        "Connection",
                                        s.outgoingSecurity("Use SSL to connect", "STARTTLS"))),
                        Step.of("Close the window; Outlook saves the change by itself."));
            case APPLE_MAIL ->
                List.of(
                        Step.of("Open Mail. In the menu bar select Mail, then Settings (older macOS: Preferences)."),
                        Step.of("Select Accounts, pick your account on the left, then open the Server Settings tab."),
                        Step.of(
                                "Under Incoming Mail Server, replace the host name. To see the port, "
                                        + "untick \"Automatically manage connection settings\":",
                                s.incomingFields(
                                        "Host Name",
                                        "Port",
                                        "Use TLS/SSL",
                                        s.incomingSecurity("ticked", "ticked (STARTTLS)"))),
                        Step.of(
                                "Under Outgoing Mail Server (SMTP), do the same:",
                                s.outgoingFields(
                                        "Host Name",
                                        "Port",
                                        "Use TLS/SSL",
                                        s.outgoingSecurity("ticked", "ticked (STARTTLS)"))),
                        Step.of("Select Save. Mail no longer asks about the certificate."));
            case IPHONE ->
                List.of(
                        Step.of("Easiest: use the button \"Apple profile\" below on this iPhone or iPad, "
                                + "then open Settings, "
                                + "select Profile Downloaded and Install. Or change the account by hand:"),
                        Step.of("Open Settings, then Apps, then Mail, then Mail Accounts (older iOS: "
                                + "Settings, Mail, Accounts)."),
                        Step.of("Select your account, then the line with your email address (Account)."),
                        Step.of(
                                "Under Incoming Mail Server, select Host Name and type:",
                                s.incomingFields(
                                        "Host Name", "Server Port", "Use SSL", s.incomingSecurity("on", "on"))),
                        Step.of(
                                "Under Outgoing Mail Server, select SMTP, then the primary server, and type:",
                                s.outgoingFields(
                                        "Host Name", "Server Port", "Use SSL", s.outgoingSecurity("on", "on"))),
                        Step.of("Select Done. The port and Use SSL are under Advanced if you need to change them."));
            case THUNDERBIRD ->
                List.of(
                        Step.of("Open Thunderbird. Select the menu button (three lines, top right), then "
                                + "Account Settings."),
                        Step.of(
                                "On the left, under your account, select Server Settings and type:",
                                s.incomingFields(
                                        "Server Name",
                                        "Port",
                                        "Connection security",
                                        s.incomingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of(
                                "At the bottom of the list on the left, select Outgoing Server (SMTP), "
                                        + "pick your server and select Edit:",
                                s.outgoingFields(
                                        "Server Name",
                                        "Port",
                                        "Connection security",
                                        s.outgoingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of("Select OK. If Thunderbird had stored a certificate exception for the "
                                + "old name, you can remove "
                                + "it under Settings, Privacy & Security, Manage Certificates, Servers."));
            case GMAIL_ANDROID ->
                List.of(
                        Step.of("Open the Gmail app. Tap the menu (three lines, top left), scroll down "
                                + "and tap Settings."),
                        Step.of("Tap your email address, then scroll to Server settings."),
                        Step.of(
                                "Tap Incoming settings and type:",
                                s.incomingFields(
                                        "Server", "Port", "Security type", s.incomingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of(
                                "Tap Done, then Outgoing settings, and type:",
                                s.outgoingFields(
                                        "SMTP server",
                                        "Port",
                                        "Security type",
                                        s.outgoingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of("Tap Done. Gmail checks the connection and saves it."));
            case THUNDERBIRD_ANDROID ->
                List.of(
                        Step.of("Open Thunderbird. Tap the menu (three lines, top left), then the gear "
                                + "icon (Settings)."),
                        Step.of(
                                "Tap your account, then Fetching mail, then Incoming server, and type:",
                                s.incomingFields(
                                        "Server", "Port", "Security", s.incomingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of(
                                "Tap Next; the app tests the connection. Then go back, tap Sending mail, "
                                        + "then Outgoing server:",
                                s.outgoingFields(
                                        "SMTP server", "Port", "Security", s.outgoingSecurity("SSL/TLS", "STARTTLS"))),
                        Step.of("Tap Next again. The app tests the server and saves it."));
            case EM_CLIENT ->
                List.of(
                        Step.of("Open eM Client. Select Menu (top left), then Accounts."),
                        Step.of(
                                "Pick your account on the left and open the " + s.incomingKind() + " tab:",
                                s.incomingFields(
                                        "Host",
                                        "Port",
                                        "Security policy",
                                        s.incomingSecurity("Use SSL/TLS on special port (legacy)", "Require SSL/TLS"))),
                        Step.of(
                                "Open the SMTP tab:",
                                s.outgoingFields(
                                        "Host",
                                        "Port",
                                        "Security policy",
                                        s.outgoingSecurity("Use SSL/TLS on special port (legacy)", "Require SSL/TLS"))),
                        Step.of("Select Save & Close."));
        };
        return List.copyOf(steps);
    }
}
