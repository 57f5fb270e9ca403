package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import dev.mailcert.Deadline;
import dev.mailcert.HostName;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.engine.Mailcert;
import java.time.Duration;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The target and options every command that runs a check shares (check, config). */
final class CheckOptions {

    @Parameters(index = "0", paramLabel = "TARGET", description = "Your email address or mail domain.")
    String target;

    @Option(
            names = "--server",
            paramLabel = "HOST",
            description = "The server name your mail client is configured with, e.g. mail.customer.example.")
    String server;

    @Option(
            names = "--mx",
            description = "Also check the domain's MX hosts on port 25 (STARTTLS), where other servers deliver.")
    boolean mx;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "20",
            description = "Deadline for the whole command, from its start to the report (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    EngineOptions engine;

    CheckRequest request() {
        Target parsed = flag("TARGET", () -> Target.parse(target));
        CheckRequest request = CheckRequest.of(parsed).withMx(mx);
        return server == null ? request : request.withServer(flag("--server", () -> HostName.parse(server)));
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
