package dev.mailcert.clientconfig;

import dev.mailcert.probe.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads an Outlook Autodiscover POX answer (namespace
 * {@code http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a}):
 * {@code Autodiscover/Response/Account/Protocol} entries of Type IMAP, POP3 and SMTP with Server,
 * Port, SSL and Encryption. Other types (EXCH, EXPR, WEB) are ignored. Elements are matched by
 * local name, so answers without their namespaces are read too.
 *
 * <p>How the connection security is decided, per entry:
 * <ul>
 *   <li>{@code Encryption} wins when present: SSL is implicit TLS, TLS is STARTTLS, None is plain.
 *   <li>{@code Encryption Auto}, or no Encryption and {@code SSL on} (or no SSL, whose default is
 *       on): the client negotiates, so the port decides: 993, 995 and 465 are implicit TLS
 *       (RFC 8314), other ports STARTTLS; a note says so.
 *   <li>{@code SSL off} without Encryption: plain.
 * </ul>
 * Entries without a server, with a bad port or an unknown Encryption value are skipped with a
 * note; an answer left without an incoming or outgoing server is rejected, as are error answers
 * and redirects (the caller asks the redirect target itself). Autodiscover names no provider and
 * no domains: those fields of the result are empty. The same limits as {@link AutoconfigReader}
 * apply (no DOCTYPE, 1 MiB, 32 levels, 64 entries).
 */
public final class AutodiscoverReader {
    static final String KIND = "Autodiscover";
    /** RFC 8314 §7: the ports of implicit TLS for submission, IMAP and POP3. */
    private static final Set<Integer> IMPLICIT_TLS_PORTS = Set.of(465, 993, 995);

    private AutodiscoverReader() {}

    /** The configuration in the answer; throws {@link ClientConfigException} when it is unusable. */
    public static ClientConfig parse(byte[] xml) {
        return read(xml).config();
    }

    /** The configuration with notes on skipped entries and on security decided by port. */
    public static ParsedClientConfig read(byte[] xml) {
        Element root = UntrustedXml.document(xml, KIND).getDocumentElement();
        if (!Elements.name(root).equals("Autodiscover")) {
            throw new ClientConfigException(
                    KIND + ": the document is <" + Elements.name(root) + ">, not an <Autodiscover> answer");
        }
        Element response = Elements.child(root, "Response")
                .orElseThrow(() -> new ClientConfigException(KIND + ": the answer has no <Response>"));
        Elements.child(response, "Error").ifPresent(AutodiscoverReader::rejectError);
        Element account = Elements.child(response, "Account")
                .orElseThrow(() -> new ClientConfigException(KIND + ": the answer has no <Account>"));
        rejectRedirect(account);
        List<Element> entries = Elements.children(account, "Protocol");
        ServerList servers = new ServerList(KIND);
        servers.checkCount(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            readEntry(entries.get(i), i + 1, servers);
        }
        return servers.finish("", "", List.of());
    }

    private static void rejectError(Element error) {
        throw new ClientConfigException("%s: the server answered with error %s: %s"
                .formatted(
                        KIND,
                        UntrustedXml.quoted(Elements.text(error, "ErrorCode")),
                        UntrustedXml.quoted(Elements.text(error, "Message"))));
    }

    private static void rejectRedirect(Element account) {
        String action = Elements.text(account, "Action");
        if (action.equalsIgnoreCase("redirectAddr") || action.equalsIgnoreCase("redirectUrl")) {
            String target =
                    Elements.text(account, action.equalsIgnoreCase("redirectAddr") ? "RedirectAddr" : "RedirectUrl");
            throw new ClientConfigException("%s: the answer redirects to %s instead of giving settings"
                    .formatted(KIND, UntrustedXml.quoted(target)));
        }
    }

    private static void readEntry(Element entry, int index, ServerList servers) {
        Optional<Protocol> protocol = protocol(Elements.text(entry, "Type"));
        if (protocol.isEmpty()) {
            return; // EXCH, EXPR, WEB: not a protocol mailcert checks
        }
        String where = ServerList.where("Protocol", index, protocol.get());
        String host = Elements.text(entry, "Server");
        String portText = Elements.text(entry, "Port");
        OptionalInt port = ServerList.port(portText);
        if (host.isEmpty()) {
            servers.skip(where, "no Server");
            return;
        }
        if (port.isEmpty()) {
            servers.skip(where, ServerList.portProblem(portText));
            return;
        }
        String encryption = Elements.text(entry, "Encryption");
        String ssl = Elements.text(entry, "SSL");
        Optional<SocketType> socketType = switch (encryption.toLowerCase(Locale.ROOT)) {
            case "ssl" -> Optional.of(SocketType.SSL);
            case "tls" -> Optional.of(SocketType.STARTTLS);
            case "none" -> Optional.of(SocketType.PLAIN);
            case "auto" -> Optional.of(byPort(where, "Encryption Auto", port.getAsInt(), servers));
            case "" -> withoutEncryption(where, ssl, port.getAsInt(), servers);
            default -> Optional.empty();
        };
        if (socketType.isEmpty()) {
            servers.skip(
                    where,
                    encryption.isEmpty()
                            ? "SSL " + UntrustedXml.quoted(ssl) + " is not on or off"
                            : "Encryption " + UntrustedXml.quoted(encryption) + " is not SSL, TLS, None or Auto");
            return;
        }
        servers.add(new ServerSetting(protocol.get(), host, port.getAsInt(), socketType.get()));
    }

    private static Optional<SocketType> withoutEncryption(String where, String ssl, int port, ServerList servers) {
        return switch (ssl.toLowerCase(Locale.ROOT)) {
            case "on", "" -> Optional.of(byPort(where, "SSL on without Encryption", port, servers));
            case "off" -> Optional.of(SocketType.PLAIN);
            default -> Optional.empty();
        };
    }

    private static SocketType byPort(String where, String said, int port, ServerList servers) {
        SocketType socketType = IMPLICIT_TLS_PORTS.contains(port) ? SocketType.SSL : SocketType.STARTTLS;
        servers.note("%s: %s taken as %s by its port %d"
                .formatted(where, said, socketType == SocketType.SSL ? "implicit TLS" : "STARTTLS", port));
        return socketType;
    }

    private static Optional<Protocol> protocol(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "IMAP" -> Optional.of(Protocol.IMAP);
            case "POP3" -> Optional.of(Protocol.POP3);
            case "SMTP" -> Optional.of(Protocol.SMTP);
            default -> Optional.empty();
        };
    }
}
