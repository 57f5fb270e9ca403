package dev.mailcert.web.autoconfig;

import dev.mailcert.HostName;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.report.ClientConfigFiles;
import dev.mailcert.web.check.CheckAnswer;
import dev.mailcert.web.check.Checks;
import dev.mailcert.web.store.StoredResult;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings the autoconfig and Autodiscover endpoints hand out for a domain: from the
 * domain's newest stored result younger than {@code maxAge}, else from a fresh check (not for
 * requests made by a mailcert engine, which may be this service asking itself during a check).
 * Only verified names are ever handed out.
 */
public final class AutoconfigAnswers {
    private final Checks checks;
    private final Duration maxAge;

    /** The settings to serve, or the answer that says why there are none. */
    public sealed interface Answer {}

    public record Settings(ClientConfig config) implements Answer {}

    /** Nothing verified for the domain: 404, so the client falls back to its own guesses. */
    public record NothingVerified(String reason) implements Answer {}

    /** The fresh check could not run (rate limit, busy) or the input was bad. */
    public record NoCheck(CheckAnswer answer) implements Answer {}

    public AutoconfigAnswers(Checks checks, Duration maxAge) {
        this.checks = checks;
        this.maxAge = maxAge;
    }

    /**
     * @param target the address or domain asked about
     * @param mayCheck whether a fresh check may be started when nothing recent is stored
     */
    public Answer answer(Target target, boolean mayCheck) {
        HostName domain = target.domain();
        Optional<StoredResult> stored = checks.stored().newest(domain, maxAge);
        if (stored.isPresent()) {
            return StoredConfig.of(stored.get().json())
                    .<Answer>map(Settings::new)
                    .orElse(new NothingVerified("the newest result for " + domain + " ("
                            + stored.get().verdict() + ") has no verified server name"));
        }
        if (!mayCheck) {
            return new NothingVerified("no recent result for " + domain);
        }
        CheckAnswer answer = checks.check(CheckRequest.of(target));
        return switch (answer) {
            case CheckAnswer.Done done ->
                ClientConfigFiles.of(done.result().diagnosis(), done.result().advice())
                        .<Answer>map(Settings::new)
                        .orElse(new NothingVerified(
                                domain + ": " + done.result().verdict().id() + ", no verified server name"));
            case CheckAnswer.Refused refused -> new NothingVerified(refused.message());
            case CheckAnswer.BadInput bad -> new NoCheck(bad);
            case CheckAnswer.Limited limited -> new NoCheck(limited);
            case CheckAnswer.Busy busy -> new NoCheck(busy);
        };
    }
}
