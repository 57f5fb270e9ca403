package dev.mailcert.cli;

import dev.mailcert.Deadline;
import java.time.Duration;
import java.time.Instant;

/**
 * The deadline of a whole command: {@code --timeout} counts from the start of the process, JVM
 * start included, so that a person (or a script) waiting for the report waits no longer than they
 * asked, however loaded the machine is.
 */
final class ProcessDeadline {
    /** Kept back for writing the report and leaving the JVM after the check's deadline. */
    static final Duration EXIT_MARGIN = Duration.ofMillis(250);

    private ProcessDeadline() {}

    /** What is left of {@code timeout} since the process started, less the margin for exiting. */
    static Deadline of(Duration timeout) {
        Instant started = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        Duration spent = Duration.between(started, Instant.now());
        Duration left = timeout.minus(spent.isNegative() ? Duration.ZERO : spent).minus(EXIT_MARGIN);
        return Deadline.after(left.isNegative() ? Duration.ZERO : left);
    }
}
