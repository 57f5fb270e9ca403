package dev.mailcert.lab.mail;

import dev.mailcert.lab.pki.IssuedCertificate;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What one lab mail server looks like.
 *
 * @param address loopback address all services bind to
 * @param portOffset added to every standard port (10000: IMAP/TLS on 10993)
 * @param defaultCertificate presented without SNI or for a name not in {@code bySni}
 * @param bySni certificate per requested server name (case-insensitive)
 * @param services the services that listen; the others' ports stay closed
 * @param starttls whether the plaintext services advertise and accept STARTTLS/STLS
 * @param hostname the name in the SMTP greeting and EHLO reply
 */
public record MailServerSpec(
        InetAddress address,
        int portOffset,
        IssuedCertificate defaultCertificate,
        Map<String, IssuedCertificate> bySni,
        Set<MailService> services,
        boolean starttls,
        String hostname) {

    public static final int DEFAULT_PORT_OFFSET = 10000;
    /** The SMTP greeting name when a scenario gives none. */
    public static final String DEFAULT_HOSTNAME = "mail.lab.example";

    public MailServerSpec {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(
                    "lab servers bind loopback addresses only, not " + address.getHostAddress());
        }
        for (MailService service : MailService.values()) {
            int port = service.port(portOffset);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(
                        "port offset " + portOffset + " puts " + service.id() + " on port " + port);
            }
        }
        bySni = Map.copyOf(bySni);
        services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
    }

    /** All six services with STARTTLS, the default port offset and one certificate for everyone. */
    public static MailServerSpec simple(InetAddress address, IssuedCertificate certificate) {
        return new MailServerSpec(
                address,
                DEFAULT_PORT_OFFSET,
                certificate,
                Map.of(),
                EnumSet.allOf(MailService.class),
                true,
                DEFAULT_HOSTNAME);
    }
}
