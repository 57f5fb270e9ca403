package dev.mailcert.advise;

import dev.mailcert.HostName;
import dev.mailcert.cert.Assessment;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.diagnose.Candidate;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.CheckSettings;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.DnsFindings;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.diagnose.Evidence;
import dev.mailcert.diagnose.ServerSource;
import dev.mailcert.diagnose.Target;
import dev.mailcert.discover.Discovery;
import dev.mailcert.dns.Lookup;
import dev.mailcert.probe.Endpoint;
import dev.mailcert.probe.Handshake;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.ProbeResult;
import dev.mailcert.probe.Protocol;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Diagnoses written as plain values for the advice tables: the configured server's state per
 * protocol ("valid", a problem code, or an outcome like "refused") and candidates with evidence and
 * the protocols on which their own handshake was valid. No sockets.
 */
public final class Diagnoses {
    static final HostName SERVER = HostName.parse("mail.customer.example");
    static final InetAddress ADDRESS = address("127.0.10.7");
    private static final X509Certificate CERT = certificate();

    private Diagnoses() {}

    /** {@code states}: e.g. "imap=valid pop3=hostname-mismatch smtp=refused". */
    public static Diagnosis of(String states, Candidate... candidates) {
        List<EndpointResult> endpoints = new ArrayList<>();
        for (String state : states.trim().split("\\s+")) {
            String[] kv = state.split("=");
            Protocol protocol = Protocol.valueOf(kv[0].toUpperCase());
            for (Endpoint endpoint : Endpoint.standard(0)) {
                if (endpoint.protocol() == protocol) {
                    endpoints.add(result(SERVER, endpoint, kv[1]));
                }
            }
        }
        DnsFindings dns = new DnsFindings(
                new Lookup.Found<>(List.of(ADDRESS), List.of()),
                new Lookup.NoData<>("customer.example"),
                new Lookup.NoData<>("customer.example"),
                Map.of(),
                Map.of());
        CheckRequest request = CheckRequest.of(Target.parse("alice@customer.example"), SERVER);
        return new Diagnosis(
                request,
                CheckSettings.defaults(),
                SERVER,
                ServerSource.CONFIGURED,
                dns,
                new Discovery(List.of()),
                endpoints,
                List.of(candidates),
                List.of(),
                List.of(),
                List.of(),
                Duration.ZERO);
    }

    /** {@code validOn}: protocols on which the candidate's own handshake had no problem, e.g. "imap pop3". */
    public static Candidate candidate(String host, String evidence, String validOn) {
        HostName name = HostName.parse(host);
        Set<Evidence> ev = EnumSet.noneOf(Evidence.class);
        Arrays.stream(evidence.trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .forEach(e -> ev.add(Evidence.valueOf(e.toUpperCase().replace('-', '_'))));
        List<EndpointResult> verification = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.standard(0)) {
            boolean valid = validOn.contains(endpoint.protocol().id());
            verification.add(result(name, endpoint, valid ? "valid" : "hostname-mismatch"));
        }
        return new Candidate(name, List.of(ADDRESS), true, ev, verification, "");
    }

    static EndpointResult result(HostName host, Endpoint endpoint, String state) {
        Optional<Outcome> outcome = Arrays.stream(Outcome.values())
                .filter(o -> o.id().equals(state))
                .findFirst();
        if (outcome.isPresent() && outcome.get() != Outcome.HANDSHAKE) {
            return new EndpointResult(
                    host,
                    new ProbeResult(
                            ADDRESS, endpoint, host.value(), outcome.get(), Optional.empty(), "", Duration.ZERO),
                    Optional.empty());
        }
        List<CertificateProblem> problems =
                state.equals("valid") ? List.of() : List.of(CertificateProblem.ofCode(state));
        ProbeResult probe = new ProbeResult(
                ADDRESS,
                endpoint,
                host.value(),
                Outcome.HANDSHAKE,
                Optional.of(new Handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(CERT))),
                "",
                Duration.ZERO);
        return new EndpointResult(host, probe, Optional.of(new Assessment(problems, List.of(CERT), List.of())));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static X509Certificate certificate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            var keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=*.webhost.example");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.ONE,
                    Date.from(now.minusSeconds(60)),
                    Date.from(now.plusSeconds(86_400)),
                    name,
                    keys.getPublic());
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
