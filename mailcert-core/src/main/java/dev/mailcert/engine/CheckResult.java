package dev.mailcert.engine;

import dev.mailcert.advise.Advice;
import dev.mailcert.advise.Verdict;
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
}
