package dev.mailcert.web.check;

import dev.mailcert.AddressPolicy;
import dev.mailcert.Deadline;
import dev.mailcert.HostName;
import dev.mailcert.ResultCache;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.PolicyRefusal;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.web.limit.CheckGate;
import dev.mailcert.web.store.StoredResults;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs the checks the web service is asked for: at most so many at once ({@link CheckGate}),
 * each (domain, server) once at a time, a recent result reused for a short while (so that the
 * page, its downloads and a reload cost one check), every fresh result stored without its local
 * part. Thread-safe.
 */
public final class Checks {
    /** How long the result page and its downloads reuse a check. */
    public static final Duration RECENT = Duration.ofMinutes(2);
    /** Retry-After when busy: about the time a check takes. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(10);

    private final Mailcert engine;
    private final AddressPolicy policy;
    private final CheckGate gate;
    private final StoredResults stored;
    private final PrintWriter log;
    private final Duration queueWait;
    private final ResultCache<Key, Attempt> recent = new ResultCache<>(2_000);

    private record Key(HostName domain, Optional<HostName> server) {}

    private sealed interface Attempt {}

    private record Ran(CheckResult anonymised) implements Attempt {}

    private record TurnedAway() implements Attempt {}

    public Checks(
            Mailcert engine,
            AddressPolicy policy,
            CheckGate gate,
            Duration queueWait,
            StoredResults stored,
            PrintWriter log) {
        this.engine = engine;
        this.policy = policy;
        this.gate = gate;
        this.queueWait = queueWait;
        this.stored = stored;
        this.log = log;
    }

    public AddressPolicy policy() {
        return policy;
    }

    public StoredResults stored() {
        return stored;
    }

    /** The answer for {@code request}: a result, or why there is none. */
    public CheckAnswer check(CheckRequest request) {
        Key key = new Key(request.target().domain(), request.server());
        Deadline deadline = Deadline.after(engine.timeout().plus(queueWait).plusSeconds(5));
        Attempt attempt = recent.get(
                key, deadline, () -> run(request), a -> a instanceof Ran ? RECENT : Duration.ZERO, TurnedAway::new);
        return switch (attempt) {
            case TurnedAway t -> new CheckAnswer.Busy(BUSY_RETRY);
            case Ran ran
            when ran.anonymised().diagnosis().refusedByPolicy() ->
                new CheckAnswer.Refused(refusal(ran.anonymised().diagnosis()));
            case Ran ran -> new CheckAnswer.Done(ran.anonymised());
        };
    }

    private Attempt run(CheckRequest request) {
        CheckResult result;
        try {
            result = gate.run(() -> engine.check(request));
        } catch (CheckGate.Busy e) {
            return new TurnedAway();
        }
        CheckResult anonymised = result.forDomainOnly();
        Diagnosis d = anonymised.diagnosis();
        String what = d.request().target().domain()
                + request.server().map(s -> " (server " + s + ")").orElse("");
        if (d.refusedByPolicy()) {
            log.println("check " + what + ": refused by the address policy");
        } else {
            stored.save(anonymised);
            log.println("check " + what + ": " + anonymised.verdict().id() + " in "
                    + d.elapsed().toMillis() + " ms");
        }
        log.flush();
        return new Ran(anonymised);
    }

    /** The sentence for a server whose every address the policy refused. */
    static String refusal(Diagnosis d) {
        List<PolicyRefusal> refused =
                d.refused().stream().filter(r -> r.host().equals(d.server())).toList();
        String addresses = refused.stream()
                .limit(3)
                .map(r -> r.address().getHostAddress() + ", " + r.reason())
                .collect(Collectors.joining("; "));
        String more = refused.size() > 3 ? " and " + (refused.size() - 3) + " more" : "";
        return d.server() + " points to " + addresses + more + ". This service connects only to public internet "
                + "addresses, so it did not check it.";
    }
}
