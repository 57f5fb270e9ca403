package dev.mailcert.web.check;

import dev.mailcert.advise.Advisor;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.Target;
import dev.mailcert.discover.Discovery;
import dev.mailcert.discover.DiscoveryPath;
import dev.mailcert.engine.CheckResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A check result with the local part of the address taken out, so that it can be kept: the
 * target becomes the domain, the address is cut from the discovery URLs that carried it (the
 * autoconfig query), and the advice is made again from what is left. What is shown to the person
 * who asked may still name their own address; what is stored never does.
 */
public final class Anonymised {

    private Anonymised() {}

    public static CheckResult of(CheckResult result) {
        Diagnosis d = result.diagnosis();
        Target target = d.request().target();
        if (target.localPart().isEmpty()) {
            return result;
        }
        String domain = target.domain().value();
        String address = target.input();
        Discovery discovery = new Discovery(d.discovery().paths().stream()
                .map(p -> new DiscoveryPath(p.source(), withoutAddress(p.location(), address, domain), p.outcome(),
                        p.servers(), withoutAddress(p.detail(), address, domain)))
                .toList());
        CheckRequest request = new CheckRequest(Target.parse(domain), d.request().server(), d.request().mx());
        Diagnosis anonymous = new Diagnosis(request, d.settings(), d.server(), d.serverSource(), d.dns(), discovery,
                d.endpoints(), d.candidates(), d.relays(), d.refused(),
                d.notes().stream().map(n -> withoutAddress(n, address, domain)).toList(), d.elapsed());
        return new CheckResult(anonymous, Advisor.advise(anonymous));
    }

    /** The same result, answering {@code target} again (for the files that name the account). */
    public static CheckResult answering(CheckResult anonymised, Target target) {
        Diagnosis d = anonymised.diagnosis();
        CheckRequest request = new CheckRequest(target, d.request().server(), d.request().mx());
        Diagnosis personal = new Diagnosis(request, d.settings(), d.server(), d.serverSource(), d.dns(), d.discovery(),
                d.endpoints(), d.candidates(), d.relays(), d.refused(), d.notes(), d.elapsed());
        return new CheckResult(personal, anonymised.advice());
    }

    /** {@code text} without the query that carried the address, and with the address itself replaced by the domain. */
    static String withoutAddress(String text, String address, String domain) {
        String encoded = URLEncoder.encode(address, StandardCharsets.UTF_8);
        String out = text.replaceAll("[?&]emailaddress=[^\\s&#]*", "");
        out = out.replace(encoded, domain).replace(address, domain);
        return out;
    }
}
