package dev.mailcert.diagnose;

import dev.mailcert.Deadline;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.probe.Endpoint;
import dev.mailcert.probe.ProbeResult;
import dev.mailcert.probe.Prober;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings about the configured server that are reported but do not change the verdict: a
 * different certificate without SNI (old clients send none), and different certificates on
 * different addresses of the same name (a client may reach either).
 */
final class ServerFindings {

    private ServerFindings() {}

    /** One handshake without SNI per address, on the first endpoint that answered with SNI; compared by leaf. */
    static List<String> withoutSni(List<EndpointResult> results, Prober prober, Deadline deadline) {
        List<String> notes = new ArrayList<>();
        Map<InetAddress, EndpointResult> firstPerAddress = new LinkedHashMap<>();
        results.stream()
                .filter(EndpointResult::handshake)
                .forEach(r -> firstPerAddress.putIfAbsent(r.probe().address(), r));
        for (EndpointResult withSni : firstPerAddress.values()) {
            Endpoint endpoint = withSni.endpoint();
            ProbeResult plain = prober.probe(withSni.probe().address(), endpoint, null, deadline);
            Optional<String> sent = leaf(withSni.probe());
            Optional<String> unnamed = leaf(plain);
            if (unnamed.isPresent() && !unnamed.equals(sent)) {
                CertificateSummary summary =
                        CertificateSummary.of(plain.handshake().orElseThrow().leaf());
                notes.add("Without SNI (the server name sent in the TLS handshake), "
                        + withSni.probe().address().getHostAddress()
                        + " presents another certificate ("
                        + dev.mailcert.Printable.of(String.join(", ", summary.dnsNames()))
                        + ") on " + endpoint.protocol().name() + " " + endpoint.port()
                        + ": only very old mail clients send no SNI; they would see that one.");
            }
        }
        return notes;
    }

    /** Names with several addresses whose certificates differ for the same endpoint. */
    static List<String> differentAcrossAddresses(List<EndpointResult> results) {
        Map<Endpoint, Map<String, List<String>>> byEndpoint = new LinkedHashMap<>();
        for (EndpointResult r : results) {
            leaf(r.probe())
                    .ifPresent(sha -> byEndpoint
                            .computeIfAbsent(r.endpoint(), e -> new LinkedHashMap<>())
                            .computeIfAbsent(sha, s -> new ArrayList<>())
                            .add(r.probe().address().getHostAddress()));
        }
        List<String> notes = new ArrayList<>();
        byEndpoint.forEach((endpoint, certificates) -> {
            if (certificates.size() > 1) {
                notes.add("The addresses of the server present different certificates on "
                        + endpoint.protocol().name()
                        + " " + endpoint.port() + " ("
                        + certificates.values().stream()
                                .map(a -> String.join(", ", a))
                                .reduce((a, b) -> a + " vs " + b)
                                .orElse("")
                        + "): a client may reach either one.");
            }
        });
        return notes;
    }

    private static Optional<String> leaf(ProbeResult result) {
        return result.handshake().map(h -> CertificateSummary.of(h.leaf()).sha256());
    }
}
