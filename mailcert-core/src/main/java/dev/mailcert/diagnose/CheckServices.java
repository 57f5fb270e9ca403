package dev.mailcert.diagnose;

import dev.mailcert.AddressPolicy;
import dev.mailcert.cert.CertificateAssessor;
import dev.mailcert.discover.Discoverer;
import dev.mailcert.dns.Dns;
import dev.mailcert.probe.Prober;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check runs on: its view of DNS, its prober, the certificate rules, the discovery
 * paths of mail clients (empty: not followed) and the addresses it may connect to. The engine
 * makes one per check ({@code dev.mailcert.engine.Mailcert}).
 */
public record CheckServices(
        Dns dns, Prober prober, CertificateAssessor assessor, Optional<Discoverer> discoverer, AddressPolicy policy) {

    public CheckServices {
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(prober, "prober");
        Objects.requireNonNull(assessor, "assessor");
        Objects.requireNonNull(discoverer, "discoverer");
        Objects.requireNonNull(policy, "policy");
    }
}
