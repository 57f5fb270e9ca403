package dev.mailcert.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.HostName;
import dev.mailcert.advise.Advice;
import dev.mailcert.advise.Advisor;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.diagnose.Target;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.lab.dns.AuthoritativeDnsServer;
import dev.mailcert.lab.dns.DnsBehaviour;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.Prober;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import dev.mailcert.report.JsonReport;
import dev.mailcert.report.Style;
import dev.mailcert.report.TextReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One whole check against a hostile world: the lab's authoritative DNS server on loopback serving
 * {@code zone} (misbehaving as told), the prober as the command line builds it, the test root as
 * the only trust anchor, the configured server {@value #SERVER} and a short deadline. Every run
 * asserts what holds for every hostile case (on time, bounded memory, a text report without raw
 * control characters) and adds a row to {@link HostileSummary}; the test asserts the rest.
 */
final class HostileCheck {
    static final String DOMAIN = "hostile.test";
    static final String SERVER = "mail." + DOMAIN;
    static final int PORT_OFFSET = 30000;
    static final Duration DEADLINE = Duration.ofSeconds(3);
    /** Slack for a loaded machine (two cores shared by several builds): a check ends by its deadline plus this. */
    static final Duration MARGIN = Duration.ofSeconds(2);
    /** Bytes allocated by the whole JVM while the check runs: the bound that does not depend on GC timing. */
    static final long MAX_ALLOCATED = 256 * CheckCost.MIB;
    /** Sampled heap peak: it follows the collector's young-generation sizing, so the bound is loose. */
    static final long MAX_PEAK_HEAP = 192 * CheckCost.MIB;

    static final long MAX_RETAINED = 16 * CheckCost.MIB;

    record Run(Diagnosis diagnosis, Advice advice, Duration took, CheckCost cost) {

        /** The configured server's result on {@code protocol}/{@code security} (its first address). */
        EndpointResult at(Protocol protocol, Security security) {
            return diagnosis.endpoints().stream()
                    .filter(e -> e.endpoint().equals(MailPorts.endpoint(protocol, security)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no result for " + protocol + " " + security));
        }

        Outcome outcome(Protocol protocol, Security security) {
            return at(protocol, security).probe().outcome();
        }

        String text() {
            return TextReport.render(diagnosis, advice, Style.PLAIN);
        }

        String json() {
            return JsonReport.render(diagnosis, advice);
        }
    }

    private HostileCheck() {}

    /** The zone line that points the configured name at {@code address}. */
    static String serverAt(InetAddress address) {
        return SERVER + ". A " + address.getHostAddress() + "\n";
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run run(String name, String zone) {
        return run(name, zone, DnsBehaviour.normal(), DEADLINE, null);
    }

    static Run run(String name, String zone, DnsBehaviour behaviour) {
        return run(name, zone, behaviour, DEADLINE, null);
    }

    /** As the other runs; {@code prober} null means the real one: {@code new ConnectionLimiter(4).wrap(new TlsProber(defaults))}. */
    static Run run(String name, String zone, DnsBehaviour behaviour, Duration deadline, Prober prober) {
        try (AuthoritativeDnsServer dns = AuthoritativeDnsServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), zone, behaviour)) {
            Mailcert.Builder engine = Mailcert.builder()
                    .dnsServer(new DnsServer(dns.address()))
                    .trust(HostilePki.shared().trust())
                    .portOffset(PORT_OFFSET)
                    .timeout(deadline)
                    .discovery(false);
            if (prober != null) {
                engine.prober(prober);
            }
            Mailcert mailcert = engine.build();
            CheckRequest request = CheckRequest.of(Target.parse("alice@" + DOMAIN), HostName.parse(SERVER));
            long started = System.nanoTime();
            CheckCost.Measured<Diagnosis> measured =
                    CheckCost.measure(() -> mailcert.check(request).diagnosis());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Advice advice = Advisor.advise(measured.value());
            Run run = new Run(measured.value(), advice, took, measured.cost());
            HostileSummary.record(new HostileSummary.Row(
                    name, deadline, took, outcomes(run), advice.verdict().id(), run.cost()));
            assertEveryCase(run, deadline);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertEveryCase(Run run, Duration deadline) {
        assertThat(run.took()).as("the check ends by its deadline").isLessThan(deadline.plus(MARGIN));
        assertThat(run.cost().allocatedBytes())
                .as("bytes allocated during the check")
                .isLessThan(MAX_ALLOCATED);
        assertThat(run.cost().peakHeapBytes()).as("heap peak above the start").isLessThan(MAX_PEAK_HEAP);
        assertThat(run.cost().retainedBytes())
                .as("heap retained after the check")
                .isLessThan(MAX_RETAINED);
        assertThat(rawControls(run.text()))
                .as("raw control characters in the text report")
                .isEmpty();
        // JSON escapes C0 controls itself (RFC 8259 §7); format characters are legal JSON text
        assertThat(run.json()
                        .chars()
                        .filter(c -> c != '\n' && Character.isISOControl(c))
                        .count())
                .as("raw control characters in the JSON")
                .isZero();
    }

    /**
     * The characters of {@code text} that would act on a terminal instead of showing: C0 and C1
     * controls except the line feed, and invisible format characters such as bidi overrides.
     */
    static String rawControls(String text) {
        return text.codePoints()
                .filter(c -> c != '\n'
                        && (Character.isISOControl(c)
                                || Character.getType(c) == Character.FORMAT
                                || Character.getType(c) == Character.LINE_SEPARATOR
                                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR))
                .mapToObj(c -> String.format("U+%04X", c))
                .collect(Collectors.joining(" "));
    }

    /** Distinct outcomes of the configured server's endpoints, for the summary. */
    private static String outcomes(Run run) {
        TreeSet<String> ids = run.diagnosis().endpoints().stream()
                .map(e -> e.probe().outcome().id())
                .collect(Collectors.toCollection(TreeSet::new));
        return ids.isEmpty() ? "(none probed)" : String.join(", ", ids);
    }
}
