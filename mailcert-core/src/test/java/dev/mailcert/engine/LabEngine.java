package dev.mailcert.engine;

import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.lab.Lab;

/** An engine pointed at a running lab: its DNS server, its root, its ports, offline. */
public final class LabEngine {

    private LabEngine() {}

    public static Mailcert.Builder of(Lab lab) {
        return Mailcert.builder()
                .dnsServer(new DnsServer(lab.dnsAddress()))
                .trust(TrustAnchors.of(lab.trustRoots(), "lab root"))
                .portOffset(lab.portOffset())
                .offline(true);
    }
}
