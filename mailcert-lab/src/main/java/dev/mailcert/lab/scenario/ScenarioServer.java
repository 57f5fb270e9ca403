package dev.mailcert.lab.scenario;

import dev.mailcert.lab.mail.MailService;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One mail server of a scenario; certificates are referred to by their name in the scenario.
 *
 * @param address loopback address the server binds
 * @param certificate certificate presented without SNI or for an unmapped name
 * @param sni certificate name per requested server name
 * @param services the services that listen (the others' ports are closed)
 * @param starttls whether the plaintext services offer STARTTLS/STLS
 * @param hostname the name the server gives in its SMTP greeting
 */
public record ScenarioServer(
        InetAddress address,
        String certificate,
        Map<String, String> sni,
        Set<MailService> services,
        boolean starttls,
        String hostname) {

    public ScenarioServer {
        sni = Map.copyOf(sni);
        services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
    }
}
