package dev.mailcert.web.page;

import dev.mailcert.advise.Advice;
import dev.mailcert.advise.ClientPath;
import dev.mailcert.advise.Recommendation;
import dev.mailcert.advise.Verdict;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.diagnose.Candidate;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.diagnose.Evidence;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.report.ClientConfigFiles;
import dev.mailcert.report.ConfigFormat;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the result page shows, as plain values for the template (which escapes each of
 * them): the verdict first, the settings per protocol, the steps per mail client, the download
 * links, why, and the technical details. Built from a check result and what the person typed.
 */
public record ResultView(
        String target,
        String server,
        String verdict,
        String title,
        String headline,
        List<Card> cards,
        List<Guide> guides,
        Optional<MailClient> chosen,
        List<Download> downloads,
        String downloadNote,
        List<String> why,
        List<String> askProvider,
        List<EndpointRow> endpoints,
        List<CandidateRow> candidates,
        List<PathRow> paths,
        List<String> notes,
        List<String> refused,
        String jsonLink,
        long elapsedMs) {

    /** One protocol's settings: what to type, and what it was. */
    public record Card(
            String protocol,
            String host,
            int port,
            String security,
            String was,
            boolean verified,
            String confidence,
            List<String> evidence) {}

    public record Guide(String id, String name, List<MailClient.Step> steps) {}

    public record Download(String format, String label, String href, String fileName) {}

    public record EndpointRow(
            String host,
            String address,
            String protocol,
            int port,
            String security,
            String outcome,
            String tls,
            String subject,
            String issuer,
            String names,
            String notAfter,
            String problems,
            String detail) {}

    public record CandidateRow(
            String host, String addresses, boolean sameServer, boolean verified, String evidence, String note) {}

    public record PathRow(String source, String location, String outcome, String servers, String detail) {}

    public static ResultView of(
            CheckResult result, String target, Optional<String> server, Optional<MailClient> chosen) {
        Diagnosis d = result.diagnosis();
        Advice advice = result.advice();
        String query = Links.query(target, server);
        List<Card> cards = advice.recommendations().stream()
                .map(r -> card(r, d, advice.verdict()))
                .toList();
        List<Guide> guides = new ArrayList<>();
        if (advice.verdict() == Verdict.OK || advice.verdict() == Verdict.FIXABLE) {
            Settings.of(advice.recommendations().stream()
                            .filter(Recommendation::verified)
                            .toList())
                    .ifPresent(s -> {
                        for (MailClient client : MailClient.values()) {
                            guides.add(new Guide(client.id(), client.label(), client.steps(s)));
                        }
                    });
        }
        Optional<ClientConfig> config = ClientConfigFiles.of(d, advice);
        boolean address = d.request().target().localPart().isPresent() || target.contains("@");
        List<Download> downloads = new ArrayList<>();
        String note = "";
        if (config.isPresent()) {
            String domain = d.request().target().domain().value();
            downloads.add(new Download(
                    "thunderbird",
                    "Thunderbird autoconfig (XML)",
                    "/config/thunderbird?" + query,
                    ConfigFormat.THUNDERBIRD.fileName(domain)));
            if (address) {
                downloads.add(new Download(
                        "autodiscover",
                        "Outlook Autodiscover (XML)",
                        "/config/autodiscover?" + query,
                        ConfigFormat.AUTODISCOVER.fileName(domain)));
                downloads.add(new Download(
                        "mobileconfig",
                        "Apple profile (iPhone, iPad, Mac)",
                        "/config/mobileconfig?" + query,
                        ConfigFormat.MOBILECONFIG.fileName(domain)));
            } else {
                note = "The Outlook and Apple files name your account: check your email address, not "
                        + "only the domain, to get them.";
            }
        } else {
            note = "No configuration files: there is no verified server name for both incoming and outgoing mail.";
        }
        return new ResultView(
                target,
                server.orElse(""),
                advice.verdict().id(),
                title(advice.verdict()),
                advice.headline(),
                cards,
                guides,
                chosen,
                downloads,
                note,
                advice.why(),
                advice.askProvider(),
                endpoints(d),
                candidates(d),
                paths(advice),
                d.notes(),
                d.refused().stream()
                        .map(r -> r.host() + " → " + r.address().getHostAddress() + ": " + r.reason())
                        .toList(),
                "/api/v1/check?" + query,
                d.elapsed().toMillis());
    }

    static String title(Verdict verdict) {
        return switch (verdict) {
            case OK -> "Your mail settings are right";
            case FIXABLE -> "Change the server name in your mail program";
            case UNFIXABLE -> "Only your mail provider can fix this";
            case UNREACHABLE -> "The mail server could not be reached";
        };
    }

    private static Card card(Recommendation r, Diagnosis d, Verdict verdict) {
        String was = verdict == Verdict.OK || r.host().equals(d.server())
                ? ""
                : d.server().unicode();
        return new Card(
                r.protocol().label(),
                r.host().unicode(),
                r.port(),
                r.security().clientLabel(),
                was,
                r.verified(),
                r.confidence().id(),
                r.evidence().stream().map(Evidence::plain).toList());
    }

    private static List<EndpointRow> endpoints(Diagnosis d) {
        List<EndpointResult> all = new ArrayList<>(d.endpoints());
        d.candidates().forEach(c -> all.addAll(c.verification()));
        all.addAll(d.relays());
        return all.stream().map(ResultView::endpoint).toList();
    }

    private static EndpointRow endpoint(EndpointResult e) {
        Optional<CertificateSummary> cert = e.probe().handshake().map(h -> CertificateSummary.of(h.leaf()));
        return new EndpointRow(
                e.host().value(),
                e.probe().address().getHostAddress(),
                e.endpoint().protocol().id(),
                e.endpoint().port(),
                e.endpoint().security().clientLabel(),
                e.probe().outcome().id(),
                e.probe()
                        .handshake()
                        .map(h -> h.tlsVersion() + " " + h.cipherSuite())
                        .orElse(""),
                cert.map(CertificateSummary::subject).orElse(""),
                cert.map(CertificateSummary::issuer).orElse(""),
                cert.map(c -> String.join(", ", names(c))).orElse(""),
                cert.map(c -> c.notAfter().toString()).orElse(""),
                e.problems().stream().map(CertificateProblem::code).collect(Collectors.joining(", ")),
                e.probe().detail());
    }

    private static List<String> names(CertificateSummary c) {
        List<String> names = new ArrayList<>(c.dnsNames());
        names.addAll(c.ipAddresses());
        return names;
    }

    private static List<CandidateRow> candidates(Diagnosis d) {
        return d.candidates().stream().map(ResultView::candidate).toList();
    }

    private static CandidateRow candidate(Candidate c) {
        return new CandidateRow(
                c.host().value(),
                c.addresses().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ")),
                c.sameServer(),
                c.verified(),
                c.evidence().stream().sorted().map(Evidence::id).collect(Collectors.joining(", ")),
                c.note());
    }

    private static List<PathRow> paths(Advice advice) {
        return advice.clientPaths().stream().map(ResultView::path).toList();
    }

    private static PathRow path(ClientPath p) {
        String servers = p.settings().stream()
                .map(s -> s.server().protocol().id() + " " + s.server().host() + ":"
                        + s.server().port() + " (" + s.warning().plain() + ")")
                .collect(Collectors.joining(", "));
        return new PathRow(
                p.path().source().id(),
                p.path().location(),
                p.path().outcome().id(),
                servers,
                p.path().detail());
    }
}
