package dev.mailcert.diagnose;

import dev.mailcert.HostName;
import dev.mailcert.discover.Discovery;
import dev.mailcert.probe.Protocol;
import java.time.Duration;
import java.util.List;

/**
 * Everything a check found, before any advice: the server name judged, how it was chosen, DNS
 * findings, every probe of that name ({@code endpoints}) and every alternative name with its
 * verification ({@code candidates}), and every address the engine's address policy refused to
 * connect to ({@code refused}).
 */
public record Diagnosis(
        CheckRequest request,
        CheckSettings settings,
        HostName server,
        ServerSource serverSource,
        DnsFindings dns,
        Discovery discovery,
        List<EndpointResult> endpoints,
        List<Candidate> candidates,
        List<EndpointResult> relays,
        List<PolicyRefusal> refused,
        List<String> notes,
        Duration elapsed) {

    public Diagnosis {
        refused = List.copyOf(refused);
        endpoints = List.copyOf(endpoints);
        relays = List.copyOf(relays);
        candidates = List.copyOf(candidates);
        notes = List.copyOf(notes);
    }

    /**
     * The same findings, told for another request and with the discovery paths and notes given (to drop an address).
     */
    public Diagnosis retold(CheckRequest asked, Discovery paths, List<String> lines) {
        return new Diagnosis(
                asked,
                settings,
                server,
                serverSource,
                dns,
                paths,
                endpoints,
                candidates,
                relays,
                refused,
                lines,
                elapsed);
    }

    /**
     * True when the server's addresses were all refused by the engine's address policy, so that
     * nothing was probed: the answer is the policy's, not the server's.
     */
    public boolean refusedByPolicy() {
        return endpoints.isEmpty() && refused.stream().anyMatch(r -> r.host().equals(server));
    }

    public List<EndpointResult> endpoints(Protocol protocol) {
        return endpoints.stream()
                .filter(e -> e.endpoint().protocol() == protocol)
                .toList();
    }

    /** Every connection judged for {@code host}: as the configured server or as a candidate. */
    public List<EndpointResult> results(HostName host) {
        if (host.equals(server)) {
            return endpoints;
        }
        return candidates.stream()
                .filter(c -> c.host().equals(host))
                .flatMap(c -> c.verification().stream())
                .toList();
    }
}
