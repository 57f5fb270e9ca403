package dev.mailcert.scan;

import dev.mailcert.diagnose.Candidate;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.DnsFindings;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.dns.Lookup;
import dev.mailcert.probe.Outcome;
import java.util.stream.Stream;

/**
 * Whether a check ran out of time somewhere: a DNS question or a handshake without an answer
 * before the deadline. In a scan that is often the scan's own doing (many checks queued for the
 * few connections a shared server allows), so such a target is checked once more at the end.
 */
final class TimedOut {

    private TimedOut() {}

    static boolean anywhere(Diagnosis d) {
        return dns(d.dns())
                || Stream.of(d.endpoints(), d.relays())
                        .flatMap(java.util.List::stream)
                        .anyMatch(TimedOut::probe)
                || d.candidates().stream().anyMatch(TimedOut::candidate);
    }

    private static boolean dns(DnsFindings dns) {
        return dns.serverAddresses() instanceof Lookup.Timeout<?>
                || dns.mx() instanceof Lookup.Timeout<?>
                || dns.ns() instanceof Lookup.Timeout<?>
                || dns.srv().values().stream().anyMatch(l -> l instanceof Lookup.Timeout<?>)
                || dns.ptr().values().stream().anyMatch(l -> l instanceof Lookup.Timeout<?>);
    }

    private static boolean probe(EndpointResult e) {
        return e.probe().outcome() == Outcome.TIMEOUT;
    }

    private static boolean candidate(Candidate c) {
        return c.verification().stream().anyMatch(TimedOut::probe)
                || (c.addresses().isEmpty()
                        && (c.note().contains("deadline") || c.note().contains("in time")));
    }
}
