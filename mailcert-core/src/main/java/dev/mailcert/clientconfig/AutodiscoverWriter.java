package dev.mailcert.clientconfig;

import dev.mailcert.probe.Protocol;

/**
 * Writes an Outlook Autodiscover POX answer (outlook responseschema 2006a) for one address: an
 * email account with one {@code Protocol} entry per server, in the configuration's order. Outlook
 * reads implicit TLS from {@code SSL on} with {@code Encryption SSL} and STARTTLS from
 * {@code Encryption TLS}; the login name is the address.
 *
 * <pre>{@code
 * <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
 *   <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
 *     <Account>
 *       <AccountType>email</AccountType>
 *       <Action>settings</Action>
 *       <Protocol>
 *         <Type>IMAP</Type>
 *         <Server>srv12.webhost.example</Server>
 *         <Port>993</Port>
 *         ...
 * }</pre>
 */
public final class AutodiscoverWriter {
    static final String AUTODISCOVER_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    static final String OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    private AutodiscoverWriter() {}

    public static String write(ClientConfig config, String emailAddress) {
        IndentedXml xml = new IndentedXml(AutodiscoverReader.KIND);
        xml.start("Autodiscover", AUTODISCOVER_NS)
                .start("Response", OUTLOOK_NS)
                .start("Account")
                .leaf("AccountType", "email")
                .leaf("Action", "settings");
        config.servers().forEach(server -> protocol(xml, server, emailAddress));
        return xml.end().end().end().finish();
    }

    private static void protocol(IndentedXml xml, ServerSetting server, String emailAddress) {
        xml.start("Protocol")
                .leaf("Type", type(server.protocol()))
                .leaf("Server", server.host())
                .leaf("Port", Integer.toString(server.port()))
                .leaf("DomainRequired", "off")
                .leaf("LoginName", emailAddress)
                // SPA is Microsoft's NTLM login; mail servers on shared hosting take a normal password.
                .leaf("SPA", "off")
                .leaf("SSL", server.socketType() == SocketType.PLAIN ? "off" : "on")
                .leaf("Encryption", encryption(server.socketType()))
                .leaf("AuthRequired", "on");
        if (server.protocol() == Protocol.SMTP) {
            // SMTP logs in with the incoming server's name and password.
            xml.leaf("UsePOPAuth", "on").leaf("SMTPLast", "off");
        }
        xml.end();
    }

    private static String type(Protocol protocol) {
        return switch (protocol) {
            case IMAP -> "IMAP";
            case POP3 -> "POP3";
            case SMTP -> "SMTP";
        };
    }

    /** Outlook's words: SSL is implicit TLS, TLS is STARTTLS. */
    private static String encryption(SocketType socketType) {
        return switch (socketType) {
            case SSL -> "SSL";
            case STARTTLS -> "TLS";
            case PLAIN -> "None";
        };
    }
}
