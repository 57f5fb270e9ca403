package dev.mailcert.store;

import java.util.List;
import java.util.Optional;

/**
 * The targets of a scan that share a verdict and a server: the same addresses and, for fixable
 * ones, the same recommended name. What the fleet summary shows as one block.
 *
 * @param addresses the server's addresses, comma-separated; empty when the name did not resolve
 * @param recommendedHost for fixable targets, the verified name they should use
 * @param problems every problem code seen in the group, in a fixed order
 */
public record ServerGroup(
        String verdict,
        String addresses,
        Optional<String> recommendedHost,
        Optional<String> confidence,
        Optional<String> certificateSubject,
        Optional<String> certificateSha256,
        List<String> problems,
        long targets) {

    public ServerGroup {
        problems = List.copyOf(problems);
    }

    /** The value the group's rows share in the grouping column of recommended names. */
    String hostKey() {
        return recommendedHost.orElse("");
    }
}
