package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The {@code mailcert} command: finds the command asked for and runs it, or answers --help and --version. */
final class MailcertCommand {
    static final String DESCRIPTION =
            "Finds and proves the mail server name whose certificate your mail client accepts.";

    /** The commands, in the order help lists them. */
    static final List<String> NAMES = List.of("check", "inspect", "config", "demo", "lab", "scan", "serve");

    private MailcertCommand() {}

    /**
     * The command's spec, or null for a word that names none. A switch, so that only the class of the
     * command asked for is loaded.
     */
    static @Nullable CommandSpec spec(String name) {
        return switch (name) {
            case "check" -> CheckCommand.SPEC;
            case "inspect" -> InspectCommand.SPEC;
            case "config" -> ConfigCommand.SPEC;
            case "demo" -> DemoCommand.SPEC;
            case "lab" -> LabCommand.SPEC;
            case "scan" -> ScanCommand.SPEC;
            case "serve" -> ServeCommand.SPEC;
            default -> null;
        };
    }

    private static Subcommand make(String name, Arguments arguments) {
        return switch (name) {
            case "check" -> new CheckCommand(arguments);
            case "inspect" -> new InspectCommand(arguments);
            case "config" -> new ConfigCommand(arguments);
            case "demo" -> new DemoCommand(arguments);
            case "lab" -> new LabCommand(arguments);
            case "scan" -> new ScanCommand(arguments);
            case "serve" -> new ServeCommand(arguments);
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** Runs what {@code args} ask; usage mistakes are {@link BadInputException}s. */
    static int run(Subcommand.Io io, String... args) throws Exception {
        if (args.length == 0) {
            throw new BadInputException(
                    "a command is required: check, inspect, config, demo, lab, scan or serve (see mailcert --help)");
        }
        String first = args[0];
        switch (first) {
            case "-h", "--help" -> {
                io.out().print(help());
                return ExitCode.OK.code();
            }
            case "-V", "--version" -> {
                io.out().println(CommandSpec.VERSION);
                return ExitCode.OK.code();
            }
            default -> {
                // a command must come first
            }
        }
        CommandSpec spec = spec(first);
        if (spec == null) {
            throw new BadInputException(
                    first.startsWith("-")
                            ? "Unknown option: '" + first + "'"
                            : "Unmatched argument at index 0: '" + first + "' (commands: " + String.join(", ", NAMES)
                                    + ")");
        }
        CommandSpec.Request request = spec.parse(List.of(args).subList(1, args.length), 1);
        return switch (request) {
            case CommandSpec.Request.Help help -> {
                io.out().print(help.text());
                yield ExitCode.OK.code();
            }
            case CommandSpec.Request.Version version -> {
                io.out().println(version.text());
                yield ExitCode.OK.code();
            }
            case CommandSpec.Request.Run run -> make(first, run.arguments()).call(io);
        };
    }

    /** What {@code mailcert --help} prints. */
    static String help() {
        StringBuilder help = new StringBuilder();
        CommandSpec.wrap(help, "Usage: mailcert [-hV] COMMAND", "", "");
        CommandSpec.wrap(help, DESCRIPTION, "", "");
        CommandSpec.table(help, CommandSpec.STANDARD_ROWS);
        help.append("Commands:\n");
        List<String[]> commands = new ArrayList<>();
        for (String name : NAMES) {
            CommandSpec spec = spec(name);
            commands.add(new String[] {
                "  " + name, spec == null ? "" : spec.description().getFirst()
            });
        }
        CommandSpec.table(help, commands);
        return help.toString();
    }
}
