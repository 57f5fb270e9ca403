package dev.mailcert.engine;

import dev.mailcert.advise.Advice;
import dev.mailcert.advise.Advisor;
import dev.mailcert.advise.Verdict;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.Target;
import dev.mailcert.discover.Discovery;
import dev.mailcert.discover.DiscoveryPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
     * The same result as if the domain alone had been checked, so that it can be kept: the target
     * becomes the domain, the address is cut from the discovery URLs and notes that carried it (the
     * autoconfig query), and the advice is made again from what is left. What is shown to the person
     * who asked may name their own address; what is stored never does.
     */
    public CheckResult forDomainOnly() {
        Diagnosis d = diagnosis;
        Target target = d.request().target();
        if (target.localPart().isEmpty()) {
            return this;
        }
        String domain = target.domain().value();
        String address = target.input();
        Discovery discovery = new Discovery(d.discovery().paths().stream()
                .map(p -> new DiscoveryPath(
                        p.source(),
                        withoutAddress(p.location(), address, domain),
                        p.outcome(),
                        p.servers(),
                        withoutAddress(p.detail(), address, domain)))
                .toList());
        CheckRequest request = new CheckRequest(
                Target.parse(domain), d.request().server(), d.request().mx());
        Diagnosis anonymous = d.retold(
                request,
                discovery,
                d.notes().stream().map(n -> withoutAddress(n, address, domain)).toList());
        return new CheckResult(anonymous, Advisor.advise(anonymous));
    }

    /** The same result answering {@code target} again (for the files that name the account), with the same advice. */
    public CheckResult answering(Target target) {
        Diagnosis d = diagnosis;
        CheckRequest request =
                new CheckRequest(target, d.request().server(), d.request().mx());
        Diagnosis personal = d.retold(request, d.discovery(), d.notes());
        return new CheckResult(personal, advice);
    }

    /** {@code text} without the query that carried the address, and with the address itself replaced by the domain. */
    static String withoutAddress(String text, String address, String domain) {
        String encoded = URLEncoder.encode(address, StandardCharsets.UTF_8);
        String out = text.replaceAll("[?&]emailaddress=[^\\s&#]*", "");
        return out.replace(encoded, domain).replace(address, domain);
    }
}
