package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.Deadline;
import dev.mailcert.HostName;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.engine.Mailcert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The target and options every command that runs a check shares (check, config). */
final class CheckOptions {

    static final List<CommandSpec.Parameter> PARAMETERS =
            List.of(new CommandSpec.Parameter("TARGET", "Your email address or mail domain."));

    /** The check's options, then the engine's. */
    static final List<CommandSpec.Option> OPTIONS = options();

    private static List<CommandSpec.Option> options() {
        List<CommandSpec.Option> options = new ArrayList<>(List.of(
                CommandSpec.Option.value(
                        "--server",
                        "HOST",
                        "The server name your mail client is configured with, e.g. mail.customer.example."),
                CommandSpec.Option.flag(
                        "--mx", "Also check the domain's MX hosts on port 25 (STARTTLS), where other servers deliver."),
                CommandSpec.Option.value(
                                "--timeout",
                                "SECONDS",
                                "Deadline for the whole command, from its start to the report "
                                        + "(default: ${DEFAULT-VALUE}).")
                        .withDefault("20")));
        options.addAll(EngineOptions.OPTIONS);
        return List.copyOf(options);
    }

    final String target;
    final @Nullable String server;
    final boolean mx;
    final int timeoutSeconds;
    final EngineOptions engine;

    CheckOptions(Arguments arguments) {
        target = arguments.parameter(0);
        server = arguments.string("--server");
        mx = arguments.flag("--mx");
        timeoutSeconds = arguments.integer("--timeout");
        engine = new EngineOptions(arguments);
    }

    CheckRequest request() {
        Target parsed = flag("TARGET", () -> Target.parse(target));
        CheckRequest request = CheckRequest.of(parsed).withMx(mx);
        String configured = server;
        return configured == null ? request : request.withServer(flag("--server", () -> HostName.parse(configured)));
    }

    /** Runs the check through the engine, within the --timeout counted from the start of the process. */
    CheckResult run() {
        CheckRequest request = request();
        Mailcert.Builder builder = engine.builder();
        flag("--timeout", () -> builder.timeout(Duration.ofSeconds(timeoutSeconds)));
        Mailcert mailcert = builder.build();
        // after the engine is built: what the process has left of --timeout is the check's
        Duration left = ProcessDeadline.forCheck(Duration.ofSeconds(timeoutSeconds));
        return mailcert.check(request, Deadline.after(left));
    }

    /** Runs {@code parse}; a refusal becomes one line that names the flag. */
    static <T> T flag(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (BadInputException | IllegalArgumentException e) {
            String message = e.getMessage();
            throw new BadInputException(name.startsWith("-") ? name + ": " + message : message);
        }
    }
}
