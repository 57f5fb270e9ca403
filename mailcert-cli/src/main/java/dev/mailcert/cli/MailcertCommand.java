package dev.mailcert.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "mailcert",
        mixinStandardHelpOptions = true,
        version = "mailcert 0.1.0",
        description = "Finds and proves the mail server name whose certificate your mail client accepts.")
final class MailcertCommand implements Runnable {
    /**
     * The commands, in the order help lists them. Each is made only when it is the one asked for:
     * picocli reads a command's options by reflection when it is added (adding all seven for every
     * run cost about 4% of the CPU of a check; bench/README.md).
     */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("check", CheckCommand::new);
        commands.put("inspect", InspectCommand::new);
        commands.put("config", ConfigCommand::new);
        commands.put("demo", DemoCommand::new);
        commands.put("lab", LabCommand::new);
        commands.put("scan", ScanCommand::new);
        commands.put("serve", ServeCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    /** Adds the command {@code args} asks for, or every command (for help, a typo, or none given). */
    static void addCommands(CommandLine cli, String... args) {
        String asked = args.length > 0 ? args[0] : "";
        boolean one = COMMANDS.containsKey(asked);
        COMMANDS.forEach((name, command) -> {
            if (!one || name.equals(asked)) {
                cli.addSubcommand(name, command.get());
            }
        });
    }

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    MailcertCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    Terminal terminal() {
        return terminal;
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "a command is required: check, inspect, config, demo, lab, scan or serve (see mailcert --help)");
    }
}
