package dev.mailcert.cli;

import dev.mailcert.advise.Verdict;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code mailcert demo}: the seed lab and a whole check against it, in one process. */
final class DemoCommand implements Subcommand {
    static final String SEED = "shared-hosting";

    static final CommandSpec SPEC = new CommandSpec(
            "demo",
            List.of(
                    "Run a full check against the built-in shared-hosting lab (offline, on loopback).",
                    "Exits 0 when the check reaches the verdict the scenario shows (fixable)."),
            List.of(),
            List.of(CommandSpec.Option.flag("--json", "Print the check's JSON instead of the report.")));

    private final boolean json;

    DemoCommand(Arguments arguments) {
        json = arguments.flag("--json");
    }

    @Override
    public int call(Io io) throws IOException {
        PrintWriter out = io.out();
        PrintWriter err = io.err();
        Scenario scenario = Scenario.builtIn(SEED);
        try (Lab lab = Lab.start(scenario)) {
            if (!json) {
                out.println("Demo: " + scenario.user() + " set up their mail client with the server name "
                        + scenario.server() + ".");
                out.println("Their domain lives on a shared server of a hosting company, and the client warns that");
                out.println("the certificate does not match. mailcert runs, against an offline lab on loopback:");
                out.println("  ./" + LabCheckCommand.line(lab));
                out.println("(The lab listens on the standard ports + " + lab.portOffset()
                        + ": on a real server, 10993 is 993, " + "10995 is 995 and 10465 is 465.)");
                out.println();
            }
            List<String> args = new ArrayList<>(List.of("check"));
            args.addAll(LabCheckCommand.arguments(lab));
            args.add("--offline"); // the lab is the whole world: never ask Mozilla's ISP database
            if (json) {
                args.add("--json");
            }
            int code = Main.run(out, err, io.terminal(), args.toArray(String[]::new));
            // the demo succeeds when the check reaches the verdict the scenario is built to show
            int expected =
                    ExitCode.of(Verdict.valueOf(scenario.expect().name())).code();
            return code == expected ? ExitCode.OK.code() : ExitCode.PROBLEMS.code();
        }
    }
}
