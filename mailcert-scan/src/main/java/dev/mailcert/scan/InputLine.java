package dev.mailcert.scan;

import dev.mailcert.BadInputException;
import dev.mailcert.HostName;
import dev.mailcert.Printable;
import dev.mailcert.diagnose.Target;
import dev.mailcert.store.ScanTarget;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of scan input, read: nothing to do (empty, all spaces, or a {@code #} comment), a
 * target, or a bad line with the reason. The input format is fixed (DESIGN.md, "Fleet scan"):
 * {@code TARGET} or {@code TARGET,SERVER}, spaces around fields trimmed, TARGET and SERVER valid
 * exactly as {@code check} accepts them.
 */
public sealed interface InputLine {

    /** Empty, all spaces, or a comment. */
    record Skip() implements InputLine {}

    record Valid(ScanTarget target) implements InputLine {}

    record Bad(long line, String reason) implements InputLine {}

    /** Reads {@code text}, line number {@code line} (from 1). */
    static InputLine parse(long line, String text) {
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.startsWith("#")) {
            return new Skip();
        }
        String[] fields = stripped.split(",", -1);
        if (fields.length > 2) {
            return new Bad(line, "expected TARGET or TARGET,SERVER, found " + fields.length + " fields");
        }
        Target target;
        try {
            target = Target.parse(fields[0]);
        } catch (BadInputException e) {
            return new Bad(line, fields[0].isBlank() ? "the TARGET field is empty" : e.getMessage());
        }
        Optional<HostName> server = Optional.empty();
        if (fields.length == 2) {
            if (fields[1].isBlank()) {
                return new Bad(line, "the SERVER field is empty (leave out the comma to let the scan discover it)");
            }
            try {
                server = Optional.of(HostName.parse(fields[1]));
            } catch (BadInputException e) {
                return new Bad(line, "SERVER: " + e.getMessage());
            }
        }
        return new Valid(new ScanTarget(key(target, server), line, target.input(), server.map(HostName::value)));
    }

    /**
     * The pair compared case-insensitively without a trailing dot: an address and its bare domain
     * stay different targets, and so do the same target with and without a server.
     */
    static String key(Target target, Optional<HostName> server) {
        String who = target.localPart()
                        .map(local -> local.toLowerCase(Locale.ROOT) + "@")
                        .orElse("")
                + target.domain().value();
        return server.map(s -> who + "," + s.value()).orElse(who);
    }

    /** A bad line's text for people: where and why. */
    static String describe(Bad bad) {
        return "line " + bad.line() + ": " + Printable.of(bad.reason());
    }
}
