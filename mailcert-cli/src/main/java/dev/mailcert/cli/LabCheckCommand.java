package dev.mailcert.cli;

import dev.mailcert.lab.Lab;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The {@code mailcert check} command that points at a running lab, as arguments and as a line to type. */
final class LabCheckCommand {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private LabCheckCommand() {}

    /** The arguments of {@code check} (after the word {@code check}) for the lab's scenario. */
    static List<String> arguments(Lab lab) {
        return List.of(
                lab.scenario().user(),
                "--server",
                lab.scenario().server(),
                "--dns",
                hostPort(lab.dnsAddress()),
                "--trust",
                lab.trustFile().toString(),
                "--port-offset",
                Integer.toString(lab.portOffset()));
    }

    /** The whole command line, quoted for a POSIX shell. */
    static String line(Lab lab) {
        return "mailcert check "
                + arguments(lab).stream().map(LabCheckCommand::shellQuote).collect(Collectors.joining(" "));
    }

    static String shellQuote(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
