package dev.mailcert.clientconfig;

import dev.mailcert.probe.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.w3c.dom.Element;

/**
 * Reads a Thunderbird autoconfig file (clientConfig version 1.1, the format of the ISPDB and of
 * {@code https://autoconfig.DOMAIN/mail/config-v1.1.xml};
 * https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat).
 *
 * <p>The file may come from an attacker: it is parsed without a DOCTYPE, within 1 MiB and 32
 * levels of nesting, with at most 64 server entries and 256 domains. Server entries of type imap
 * and pop3 ({@code incomingServer}) and smtp ({@code outgoingServer}) are kept in file order;
 * other types (exchange, ews, owa, graph) are ignored. An imap, pop3 or smtp entry without a host
 * name, with a port that is not a number from 1 to 65535, or with a socket type other than SSL,
 * STARTTLS or plain is skipped with a note, as Thunderbird skips it; a file left without an
 * incoming or an outgoing server is rejected. Host names are kept as written (trimmed): they
 * are validated where they are used. Placeholders such as {@code %EMAILDOMAIN%} are kept too.
 *
 * <pre>{@code
 * ClientConfig config = AutoconfigReader.parse(bytes);
 * config.incoming().get(0); // ServerSetting[protocol=IMAP, host=imap.example.com, port=993, socketType=SSL]
 * }</pre>
 */
public final class AutoconfigReader {
    static final String KIND = "autoconfig";
    /** The ISPDB's largest entry lists about 60 domains. */
    static final int MAX_DOMAINS = 256;

    private AutoconfigReader() {}

    /** The configuration in the file; throws {@link ClientConfigException} when it is unusable. */
    public static ClientConfig parse(byte[] xml) {
        return read(xml).config();
    }

    /** The configuration with notes on the server entries that were skipped. */
    public static ParsedClientConfig read(byte[] xml) {
        Element root = UntrustedXml.document(xml, KIND).getDocumentElement();
        if (!Elements.name(root).equals("clientConfig")) {
            throw new ClientConfigException(
                    KIND + ": the document is <" + Elements.name(root) + ">, not a Thunderbird <clientConfig>");
        }
        Element provider = Elements.child(root, "emailProvider")
                .orElseThrow(() -> new ClientConfigException(KIND + ": <clientConfig> has no <emailProvider>"));
        ServerList servers = new ServerList(KIND);
        List<Element> incoming = Elements.children(provider, "incomingServer");
        List<Element> outgoing = Elements.children(provider, "outgoingServer");
        servers.checkCount(incoming.size() + outgoing.size());
        readServers(incoming, "incomingServer", List.of(Protocol.IMAP, Protocol.POP3), servers);
        readServers(outgoing, "outgoingServer", List.of(Protocol.SMTP), servers);
        return servers.finish(
                provider.getAttribute("id").strip(), Elements.text(provider, "displayName"), domains(provider));
    }

    private static List<String> domains(Element provider) {
        List<Element> elements = Elements.children(provider, "domain");
        if (elements.size() > MAX_DOMAINS) {
            throw new ClientConfigException(
                    "%s: %d domains, more than the %d accepted".formatted(KIND, elements.size(), MAX_DOMAINS));
        }
        List<String> domains = new ArrayList<>();
        for (Element element : elements) {
            String domain = element.getTextContent().strip();
            if (!domain.isEmpty()) {
                domains.add(domain);
            }
        }
        return domains;
    }

    private static void readServers(
            List<Element> entries, String element, List<Protocol> accepted, ServerList servers) {
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            Optional<Protocol> protocol = protocol(entry.getAttribute("type"), accepted);
            if (protocol.isEmpty()) {
                continue; // exchange, ews, owa, graph: not a protocol mailcert checks
            }
            String where = ServerList.where(element, i + 1, protocol.get());
            String host = Elements.text(entry, "hostname");
            String portText = Elements.text(entry, "port");
            String socketText = Elements.text(entry, "socketType");
            OptionalInt port = ServerList.port(portText);
            Optional<SocketType> socketType = socketType(socketText);
            if (host.isEmpty()) {
                servers.skip(where, "no hostname");
            } else if (port.isEmpty()) {
                servers.skip(where, ServerList.portProblem(portText));
            } else if (socketType.isEmpty()) {
                servers.skip(where, "socketType " + UntrustedXml.quoted(socketText) + " is not SSL, STARTTLS or plain");
            } else {
                servers.add(new ServerSetting(protocol.get(), host, port.getAsInt(), socketType.get()));
            }
        }
    }

    private static Optional<Protocol> protocol(String type, List<Protocol> accepted) {
        String id = type.strip().toLowerCase(Locale.ROOT);
        return accepted.stream().filter(protocol -> protocol.id().equals(id)).findFirst();
    }

    /** The socketType values of config-v1.1; matched without regard to case, as files vary. */
    static Optional<SocketType> socketType(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "SSL" -> Optional.of(SocketType.SSL);
            case "STARTTLS" -> Optional.of(SocketType.STARTTLS);
            case "PLAIN" -> Optional.of(SocketType.PLAIN);
            default -> Optional.empty();
        };
    }

    /** The socketType value this format writes. */
    static String socketTypeText(SocketType socketType) {
        return switch (socketType) {
            case SSL -> "SSL";
            case STARTTLS -> "STARTTLS";
            case PLAIN -> "plain";
        };
    }
}
