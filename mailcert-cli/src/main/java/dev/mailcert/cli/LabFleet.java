package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.fleet.Fleet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lab's generated fleet as {@code lab --scenario fleet:N}: its input file and the scan command that points at it.
 */
final class LabFleet {
    static final String PREFIX = "fleet:";

    private LabFleet() {}

    /** The fleet named by {@code scenario} ("fleet:1000"), or empty for any other scenario. */
    static Optional<Fleet> parse(String scenario) {
        if (!scenario.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String size = scenario.substring(PREFIX.length());
        try {
            return Optional.of(Fleet.generate(Integer.parseInt(size)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--scenario fleet:N needs N from 1 to " + Fleet.MAX_SIZE + ", not " + size);
        }
    }

    /** Writes the fleet's scan input into {@code dir} as fleet-N.txt. */
    static Path writeInput(Fleet fleet, Path dir) throws IOException {
        Path file = dir.resolve("fleet-" + fleet.domains().size() + ".txt");
        fleet.writeInput(file);
        return file;
    }

    /** The arguments of {@code scan} (after the word scan) for the running fleet. */
    static List<String> scanArguments(Lab lab, Path input) {
        return new ArrayList<>(List.of(
                input.toString(),
                "--dns",
                hostPort(lab.dnsAddress()),
                "--trust",
                lab.trustFile().toString(),
                "--port-offset",
                Integer.toString(lab.portOffset()),
                "--offline"));
    }

    static String scanLine(Lab lab, Path input) {
        return "mailcert scan "
                + scanArguments(lab, input).stream()
                        .map(LabCheckCommand::shellQuote)
                        .collect(Collectors.joining(" "));
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
