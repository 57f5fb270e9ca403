package dev.mailcert.diagnose;

import dev.mailcert.HostName;
import dev.mailcert.cert.Assessment;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.probe.Endpoint;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.ProbeResult;
import java.util.List;
import java.util.Optional;

/**
 * One probe judged for one name: the connection to {@code probe.address()} made for {@code host}
 * (with SNI = host), and, when the handshake completed, the certificate assessed for that host.
 */
public record EndpointResult(HostName host, ProbeResult probe, Optional<Assessment> assessment) {

    public Endpoint endpoint() {
        return probe.endpoint();
    }

    public boolean handshake() {
        return probe.outcome() == Outcome.HANDSHAKE;
    }

    /** A handshake whose certificate has no problem for {@code host}: the client will not warn. */
    public boolean valid() {
        return assessment.map(Assessment::valid).orElse(false);
    }

    public List<CertificateProblem> problems() {
        return assessment.map(Assessment::problems).orElse(List.of());
    }
}
