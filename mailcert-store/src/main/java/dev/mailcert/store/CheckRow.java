package dev.mailcert.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.Printable;
import dev.mailcert.advise.Advice;
import dev.mailcert.advise.Recommendation;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.probe.Protocol;
import dev.mailcert.report.JsonReport;
import java.net.InetAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stored form of one finished check: the columns that are searched and grouped on, and the
 * whole {@code mailcert.check/1} JSON (on one line).
 *
 * @param checkedServer the server name the check judged (configured or discovered)
 * @param recommendedHost the name to use for IMAP (else the first recommendation's), empty when none
 * @param confidence of that recommendation
 * @param addresses the configured server's probed addresses, comma-separated, in the order probed
 * @param certificateSha256 the certificate the server presented for the configured name (first handshake)
 * @param certificateSubject its subject, made printable
 * @param problems the certificate problem codes of the configured name, comma-separated, in a fixed order
 */
public record CheckRow(
        String domain,
        String checkedServer,
        String verdict,
        Optional<Setting> imap,
        Optional<Setting> pop3,
        Optional<Setting> smtp,
        Optional<String> recommendedHost,
        Optional<String> confidence,
        String addresses,
        Optional<String> certificateSha256,
        Optional<String> certificateSubject,
        String problems,
        long elapsedMs,
        Instant finished,
        String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The recommended settings for one protocol. */
    public record Setting(String host, int port, String security) {
        public Setting {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
        }
    }

    public CheckRow {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(checkedServer, "checkedServer");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(json, "json");
    }

    /** The row of {@code result}, finished at {@code finished}. */
    public static CheckRow of(CheckResult result, Instant finished) {
        return of(result.diagnosis(), result.advice(), finished);
    }

    static CheckRow of(Diagnosis d, Advice advice, Instant finished) {
        Optional<Recommendation> main = advice.recommendations().stream()
                .filter(r -> r.protocol() == Protocol.IMAP)
                .findFirst()
                .or(() -> advice.recommendations().stream().findFirst());
        Optional<EndpointResult> firstHandshake =
                d.endpoints().stream().filter(EndpointResult::handshake).findFirst();
        Optional<CertificateSummary> certificate =
                firstHandshake.flatMap(e -> e.probe().handshake()).map(h -> CertificateSummary.of(h.leaf()));
        String addresses = d.endpoints().stream()
                .map(e -> e.probe().address())
                .distinct()
                .map(InetAddress::getHostAddress)
                .collect(Collectors.joining(","));
        Set<CertificateProblem> problems = EnumSet.noneOf(CertificateProblem.class);
        d.endpoints().forEach(e -> problems.addAll(e.problems()));
        return new CheckRow(
                d.request().target().domain().value(),
                d.server().value(),
                advice.verdict().id(),
                setting(advice, Protocol.IMAP),
                setting(advice, Protocol.POP3),
                setting(advice, Protocol.SMTP),
                main.map(r -> r.host().value()),
                main.map(r -> r.confidence().id()),
                addresses,
                certificate.map(CertificateSummary::sha256),
                certificate.map(c -> Printable.of(c.subject())),
                problems.stream().map(CertificateProblem::code).collect(Collectors.joining(",")),
                d.elapsed().toMillis(),
                finished,
                compact(JsonReport.render(d, advice)));
    }

    private static Optional<Setting> setting(Advice advice, Protocol protocol) {
        return advice.recommendations().stream()
                .filter(r -> r.protocol() == protocol)
                .findFirst()
                .map(r -> new Setting(r.host().value(), r.port(), r.security().id()));
    }

    /** The problem codes as a list (empty when none). */
    public List<String> problemCodes() {
        return problems.isEmpty() ? List.of() : List.of(problems.split(","));
    }

    /** JSON text on one line: JSON Lines exports write the stored text as it is. */
    static String compact(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the check's own JSON always parses", e);
        }
    }
}
