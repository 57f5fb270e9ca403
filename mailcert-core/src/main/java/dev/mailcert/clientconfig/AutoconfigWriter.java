package dev.mailcert.clientconfig;

/**
 * Writes a Thunderbird autoconfig file (clientConfig version 1.1), the document a domain serves
 * as {@code https://autoconfig.DOMAIN/mail/config-v1.1.xml} so that Thunderbird (and K-9, FairEmail,
 * Evolution) find the servers by themselves. Servers are written in the configuration's order,
 * each with the address as user name and a normal password:
 *
 * <pre>{@code
 * <clientConfig version="1.1">
 *   <emailProvider id="customer.example">
 *     <domain>customer.example</domain>
 *     <displayName>Customer mail</displayName>
 *     <incomingServer type="imap">
 *       <hostname>srv12.webhost.example</hostname>
 *       <port>993</port>
 *       <socketType>SSL</socketType>
 *       <username>%EMAILADDRESS%</username>
 *       <authentication>password-cleartext</authentication>
 *     </incomingServer>
 *     ...
 * }</pre>
 * The provider id is the configuration's, or its first domain when it has none.
 */
public final class AutoconfigWriter {
    private AutoconfigWriter() {}

    public static String write(ClientConfig config) {
        IndentedXml xml = new IndentedXml(AutoconfigReader.KIND);
        xml.start("clientConfig").attribute("version", "1.1");
        xml.start("emailProvider").attribute("id", providerId(config));
        config.domains().forEach(domain -> xml.leaf("domain", domain));
        xml.leaf("displayName", config.displayName() == null ? "" : config.displayName());
        config.incoming().forEach(server -> server(xml, "incomingServer", server));
        config.outgoing().forEach(server -> server(xml, "outgoingServer", server));
        return xml.end().end().finish();
    }

    private static String providerId(ClientConfig config) {
        if (config.providerId() != null && !config.providerId().isBlank()) {
            return config.providerId();
        }
        return config.domains().isEmpty() ? "" : config.domains().get(0);
    }

    private static void server(IndentedXml xml, String element, ServerSetting server) {
        xml.start(element)
                .attribute("type", server.protocol().id())
                .leaf("hostname", server.host())
                .leaf("port", Integer.toString(server.port()))
                .leaf("socketType", AutoconfigReader.socketTypeText(server.socketType()))
                // Thunderbird replaces the placeholder with the address the person typed.
                .leaf("username", "%EMAILADDRESS%")
                // "password-cleartext" is a normal password sent inside TLS, not a plaintext connection.
                .leaf("authentication", "password-cleartext")
                .end();
    }
}
