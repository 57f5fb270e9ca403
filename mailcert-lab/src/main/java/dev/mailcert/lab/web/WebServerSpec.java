package dev.mailcert.lab.web;

import dev.mailcert.lab.pki.IssuedCertificate;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * What one lab HTTPS server looks like.
 *
 * @param address loopback address to bind
 * @param port the HTTPS port (443 + the lab's port offset)
 * @param defaultCertificate presented without SNI or for a name not in {@code bySni}
 * @param bySni certificate per requested server name (case-insensitive)
 * @param autoconfig XML for {@value LabWebServer#AUTOCONFIG_PATH} and {@value LabWebServer#WELL_KNOWN_PATH}
 * @param autodiscover XML answered to a POST to {@value LabWebServer#AUTODISCOVER_PATH}
 */
public record WebServerSpec(
        InetAddress address,
        int port,
        IssuedCertificate defaultCertificate,
        Map<String, IssuedCertificate> bySni,
        Optional<String> autoconfig,
        Optional<String> autodiscover) {

    public WebServerSpec {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(
                    "lab servers bind loopback addresses only, not " + address.getHostAddress());
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("HTTPS port " + port + " is out of 1..65535");
        }
        bySni = Map.copyOf(bySni);
    }
}
