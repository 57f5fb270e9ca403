package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.fleet.Fleet;
import dev.mailcert.lab.link.RoundTripTime;
import dev.mailcert.lab.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/** {@code mailcert lab}: a scenario's DNS and mail servers on loopback, until Ctrl-C. */
final class LabCommand implements Subcommand {
    static final CommandSpec SPEC = CommandSpec.of(
            "lab",
            "Run a lab scenario (DNS and mail servers on loopback) in the foreground until Ctrl-C.",
            List.of(),
            List.of(
                    CommandSpec.Option.value(
                                    "--scenario",
                                    "FILE|NAME",
                                    "A scenario file or a built-in name (default: ${DEFAULT-VALUE}).")
                            .withDefault(DemoCommand.SEED),
                    CommandSpec.Option.flag("--list", "List the built-in scenarios and exit."),
                    CommandSpec.Option.value(
                            "--rtt",
                            "TIME",
                            "Make every DNS answer and every byte to and from the servers pay this round-trip time, "
                                    + "e.g. 40ms, as over the internet (default: the scenario's rtt, else none)."),
                    CommandSpec.Option.value(
                                    "--port-offset",
                                    "N",
                                    "Listen on the standard ports + N (default: ${DEFAULT-VALUE}), e.g. to run a "
                                            + "second copy of a scenario.")
                            .withDefault("" + Lab.DEFAULT_PORT_OFFSET),
                    CommandSpec.Option.flag(
                            "--scan",
                            "With --scenario fleet:N: scan the fleet once (into a temporary database, "
                                    + "with an HTML report), print the fleet summary and stop.")));

    private final String scenario;
    private final boolean list;
    private final @Nullable String rtt;
    private final int portOffset;
    private final boolean scan;

    LabCommand(Arguments arguments) {
        scenario = Objects.requireNonNull(arguments.string("--scenario"));
        list = arguments.flag("--list");
        rtt = arguments.string("--rtt");
        portOffset = arguments.integer("--port-offset");
        scan = arguments.flag("--scan");
    }

    @Override
    public int call(Io io) throws IOException, InterruptedException {
        PrintWriter out = io.out();
        if (list) {
            for (String name : Scenario.builtInNames()) {
                out.printf(
                        "%-16s %s%n",
                        name, Scenario.builtIn(name).description().strip().replaceAll("\\s+", " "));
            }
            return ExitCode.OK.code();
        }
        Optional<Fleet> fleet = LabFleet.parse(scenario);
        if (scan && fleet.isEmpty()) {
            throw new BadInputException("--scan needs a fleet: --scenario fleet:N");
        }
        Scenario chosen = fleet.map(Fleet::scenario).orElseGet(() -> load(scenario));
        String roundTrip = rtt;
        if (roundTrip != null) {
            chosen = chosen.withRtt(roundTrip(roundTrip));
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (Lab lab = start(chosen, portOffset)) {
            if (fleet.isPresent()) {
                return runFleet(fleet.get(), lab, io, stop);
            }
            Thread hook = new Thread(stop::countDown, "lab-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Lab '" + chosen.name() + "' is running: "
                    + chosen.description().strip().replaceAll("\\s+", " "));
            if (!chosen.rtt().isZero()) {
                out.println("Every DNS answer and every byte to and from its servers pays a round trip of "
                        + chosen.rtt() + ".");
            }
            out.println("Check it with:");
            out.println("  ./" + LabCheckCommand.line(lab));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stop.await();
        }
        return ExitCode.OK.code();
    }

    private static Lab start(Scenario scenario, int portOffset) throws IOException {
        try {
            return Lab.start(scenario, portOffset);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--port-offset: " + e.getMessage());
        }
    }

    private static RoundTripTime roundTrip(String text) {
        try {
            return RoundTripTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--rtt: " + e.getMessage());
        }
    }

    /** Writes the fleet's input; scans it now (--scan) or says how and waits for Ctrl-C. */
    private int runFleet(Fleet fleet, Lab lab, Io io, CountDownLatch stop) throws IOException, InterruptedException {
        PrintWriter out = io.out();
        Path dir = Files.createTempDirectory("mailcert-fleet-");
        Path input = LabFleet.writeInput(fleet, dir);
        out.println("Lab '" + lab.scenario().name() + "' is running: "
                + lab.scenario().description());
        if (scan) {
            List<String> args = LabFleet.scanArguments(lab, input);
            args.addAll(List.of(
                    "--db",
                    dir.resolve("fleet.db").toString(),
                    "--report",
                    dir.resolve("fleet-" + fleet.domains().size() + ".html").toString()));
            out.println("Scanning it: " + LabFleet.scanLine(lab, input) + " --db ... --report ...");
            out.flush();
            args.addFirst("scan");
            return Main.run(out, io.err(), io.terminal(), args.toArray(String[]::new));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "lab-stop"));
        out.println("Its " + fleet.domains().size() + " domains, one a line, are in " + input + ". Scan them with:");
        out.println("  ./" + LabFleet.scanLine(lab, input));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stop.await();
        return ExitCode.OK.code();
    }

    static Scenario load(String nameOrFile) {
        Path path = Path.of(nameOrFile);
        if (Files.isRegularFile(path)) {
            try {
                return Scenario.load(path);
            } catch (IllegalArgumentException | IOException e) {
                throw new BadInputException("--scenario " + nameOrFile + ": " + e.getMessage());
            }
        }
        if (Scenario.builtInNames().contains(nameOrFile)) {
            return Scenario.builtIn(nameOrFile);
        }
        throw new BadInputException("--scenario: no such file or built-in scenario: " + nameOrFile + " (built-in: "
                + String.join(", ", Scenario.builtInNames()) + ")");
    }
}
