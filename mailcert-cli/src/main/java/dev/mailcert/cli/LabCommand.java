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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        description = "Run a lab scenario (DNS and mail servers on loopback) in the foreground until Ctrl-C.")
final class LabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--scenario",
            paramLabel = "FILE|NAME",
            defaultValue = DemoCommand.SEED,
            description = "A scenario file or a built-in name (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--list", description = "List the built-in scenarios and exit.")
    boolean list;

    @Option(
            names = "--rtt",
            paramLabel = "TIME",
            description = "Make every DNS answer and every byte to and from the servers pay this round-trip time, "
                    + "e.g. 40ms, as over the internet (default: the scenario's rtt, else none).")
    String rtt;

    @Option(
            names = "--port-offset",
            paramLabel = "N",
            defaultValue = "" + Lab.DEFAULT_PORT_OFFSET,
            description = "Listen on the standard ports + N (default: ${DEFAULT-VALUE}), e.g. to run a second "
                    + "copy of a scenario.")
    int portOffset;

    @Option(
            names = "--scan",
            description = "With --scenario fleet:N: scan the fleet once (into a temporary database, "
                    + "with an HTML report), print the fleet summary and stop.")
    boolean scan;

    @ParentCommand
    MailcertCommand parent;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
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
        if (rtt != null) {
            chosen = chosen.withRtt(roundTrip(rtt));
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (Lab lab = start(chosen, portOffset)) {
            if (fleet.isPresent()) {
                return runFleet(fleet.get(), lab, out, stop);
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
    private int runFleet(Fleet fleet, Lab lab, PrintWriter out, CountDownLatch stop)
            throws IOException, InterruptedException {
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
            return Main.run(out, spec.commandLine().getErr(), parent.terminal(), args.toArray(String[]::new));
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
