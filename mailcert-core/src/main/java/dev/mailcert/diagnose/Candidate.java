package dev.mailcert.diagnose;

import dev.mailcert.HostName;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * A name that might reach the same mail server as the configured one, with why it is believed
 * ({@code evidence}), where it resolves, and the handshakes made with it as SNI.
 * {@code sameServer}: it resolves to an address that was probed for the configured name.
 * {@code verified}: same server, and at least one endpoint gave a certificate without problems for it.
 */
public record Candidate(
        HostName host,
        List<InetAddress> addresses,
        boolean sameServer,
        Set<Evidence> evidence,
        List<EndpointResult> verification,
        String note) {

    public Candidate {
        addresses = List.copyOf(addresses);
        evidence = Set.copyOf(evidence);
        verification = List.copyOf(verification);
    }

    public boolean verified() {
        return sameServer && verification.stream().anyMatch(EndpointResult::valid);
    }
}
