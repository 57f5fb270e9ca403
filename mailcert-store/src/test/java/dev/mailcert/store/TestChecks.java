package dev.mailcert.store;

import dev.mailcert.HostName;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import java.io.IOException;

/** Real check results for the store's tests: checks of the lab's seed scenario. */
final class TestChecks implements AutoCloseable {
    private final Lab lab;
    private final Mailcert engine;

    TestChecks() throws IOException {
        this.lab = Lab.start(Scenario.builtIn("shared-hosting"), 30000);
        this.engine = Mailcert.builder()
                .dnsServer(new DnsServer(lab.dnsAddress()))
                .trust(TrustAnchors.of(lab.trustRoots(), "lab root"))
                .portOffset(lab.portOffset())
                .offline(true)
                .build();
    }

    CheckResult check(String target, String server) {
        CheckRequest request = CheckRequest.of(Target.parse(target));
        return engine.check(server == null ? request : request.withServer(HostName.parse(server)));
    }

    @Override
    public void close() {
        lab.close();
    }
}
