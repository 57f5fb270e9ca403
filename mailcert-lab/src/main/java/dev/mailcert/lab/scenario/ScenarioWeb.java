package dev.mailcert.lab.scenario;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTPS server of a scenario, where mail clients look for their configuration: Thunderbird's
 * autoconfig and Outlook's Autodiscover. Certificates are referred to by their name in the scenario.
 *
 * @param address loopback address the server binds (port 443 + the lab's port offset)
 * @param certificate certificate presented without SNI or for an unmapped name
 * @param sni certificate name per requested server name
 * @param autoconfig the autoconfig XML served, verbatim; empty: those paths answer 404
 * @param autodiscover the Autodiscover POX response served, verbatim; empty: that path answers 404
 */
public record ScenarioWeb(
        InetAddress address,
        String certificate,
        Map<String, String> sni,
        Optional<String> autoconfig,
        Optional<String> autodiscover) {

    public ScenarioWeb {
        sni = Map.copyOf(sni);
    }
}
