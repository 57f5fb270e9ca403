package dev.mailcert.diagnose;

import dev.mailcert.cert.CertificateAssessor;
import dev.mailcert.discover.Discoverer;
import dev.mailcert.dns.Dns;
import dev.mailcert.probe.Prober;
import java.util.Optional;

/**
 * The whole diagnosis of one mail domain: resolve, probe, assess, search for alternative names
 * on the same server and verify them. Every DNS question and probe runs on its own virtual thread
 * under one deadline, so a check takes about as long as its longest chain of dependent steps
 * (address → handshake → names in the certificate → their addresses → handshake with that name).
 *
 * <pre>{@code
 * Diagnosis d = new Check(DnsResolver.system(), new TlsProber(ProbeLimits.defaults()),
 *         new CertificateAssessor(TrustAnchors.system())).run(CheckRequest.of(target, server));
 * }</pre>
 */
public final class Check {
    private final Dns dns;
    private final Prober prober;
    private final CertificateAssessor assessor;
    private final Optional<Discoverer> discoverer;

    /** A check without the discovery paths of mail clients (autoconfig, Autodiscover, ISPDB). */
    public Check(Dns dns, Prober prober, CertificateAssessor assessor) {
        this(dns, prober, assessor, null);
    }

    /** A check that also follows the paths mail clients take to find their server ({@code discoverer}). */
    public Check(Dns dns, Prober prober, CertificateAssessor assessor, Discoverer discoverer) {
        this.dns = dns;
        this.prober = prober;
        this.assessor = assessor;
        this.discoverer = Optional.ofNullable(discoverer);
    }

    public Diagnosis run(CheckRequest request) {
        return new CheckRun(dns, prober, assessor, discoverer, request).diagnose();
    }
}
