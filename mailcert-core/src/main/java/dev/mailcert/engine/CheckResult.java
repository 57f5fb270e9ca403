package dev.mailcert.engine;

import dev.mailcert.advise.Advice;
import dev.mailcert.advise.Advisor;
import dev.mailcert.advise.Verdict;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.diagnose.Diagnosis;
import java.util.Objects;

/** A finished check: what was found ({@code diagnosis}) and what to tell the person ({@code advice}). */
public record CheckResult(Diagnosis diagnosis, Advice advice) {

    public CheckResult {
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(advice, "advice");
    }

    public Verdict verdict() {
        return advice.verdict();
    }

    /**
     * The same result as if the domain alone had been checked: the target, the headline and the
     * reasons name no person. What a service may keep (the local part of an address is never stored).
     */
    public CheckResult forDomainOnly() {
        Diagnosis d = diagnosis;
        if (d.request().target().localPart().isEmpty()) {
            return this;
        }
        CheckRequest request = new CheckRequest(Target.parse(d.request().target().domain().value()),
                d.request().server(), d.request().mx());
        Diagnosis domainOnly = new Diagnosis(request, d.settings(), d.server(), d.serverSource(), d.dns(), d.discovery(),
                d.endpoints(), d.candidates(), d.relays(), d.refused(), d.notes(), d.elapsed());
        return new CheckResult(domainOnly, Advisor.advise(domainOnly));
    }
}
