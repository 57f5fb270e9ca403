package dev.mailcert.scan;

import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.lab.Lab;

/** An engine pointed at a running lab: its DNS server, its root, its ports, offline. */
final class LabEngine {

    private LabEngine() {}

    static Mailcert.Builder of(Lab lab) {
        return Mailcert.builder()
                .dnsServer(new DnsServer(lab.dnsAddress()))
                .trust(TrustAnchors.of(lab.trustRoots(), "lab root"))
                .portOffset(lab.portOffset())
                .offline(true);
    }
}
