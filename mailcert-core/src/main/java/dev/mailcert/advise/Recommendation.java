package dev.mailcert.advise;

import dev.mailcert.HostName;
import dev.mailcert.diagnose.Evidence;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.util.List;

/** The settings to type into a mail client for one protocol, and why they can be trusted. */
public record Recommendation(
        Protocol protocol,
        HostName host,
        int port,
        Security security,
        boolean verified,
        Confidence confidence,
        List<Evidence> evidence) {

    public Recommendation {
        evidence = List.copyOf(evidence);
    }
}
