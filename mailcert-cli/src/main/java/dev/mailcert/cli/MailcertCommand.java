package dev.mailcert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "mailcert",
        mixinStandardHelpOptions = true,
        version = "mailcert 0.1.0",
        description = "Finds and proves the mail server name whose certificate your mail client accepts.",
        subcommands = {
            CheckCommand.class,
            InspectCommand.class,
            ConfigCommand.class,
            DemoCommand.class,
            LabCommand.class,
            ScanCommand.class,
            ServeCommand.class
        })
final class MailcertCommand implements Runnable {
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
