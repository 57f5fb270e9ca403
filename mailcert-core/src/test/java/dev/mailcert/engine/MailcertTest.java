package dev.mailcert.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.AddressPolicy;
import dev.mailcert.HostName;
import dev.mailcert.advise.Verdict;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.probe.Endpoint;
import dev.mailcert.probe.ProbeLimits;
import dev.mailcert.probe.Prober;
import dev.mailcert.probe.TlsProber;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MailcertTest {

    /** Every connection the engine makes, as (address, endpoint, SNI). */
    private record Probe(InetAddress address, Endpoint endpoint, String sni) {}

    private static final class CountingProber implements Prober {
        final List<Probe> made = Collections.synchronizedList(new ArrayList<>());
        private final Prober real = new TlsProber(ProbeLimits.defaults());

        @Override
        public dev.mailcert.probe.ProbeResult probe(
                InetAddress address, Endpoint endpoint, String sni, dev.mailcert.Deadline deadline) {
            made.add(new Probe(address, endpoint, sni));
            return real.probe(address, endpoint, sni, deadline);
        }
    }

    private static CheckRequest seed(Scenario scenario) {
        return CheckRequest.of(Target.parse(scenario.user()), HostName.parse(scenario.server()));
    }

    @Test
    void seedScenario_asksEveryDnsQuestionOnceAndMakesEveryHandshakeOnce() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
            CountingProber prober = new CountingProber();
            Mailcert mailcert = LabEngine.of(lab).prober(prober).build();

            CheckResult result = mailcert.check(seed(lab.scenario()));

            assertThat(result.verdict()).isEqualTo(Verdict.FIXABLE);
            List<String> questions = lab.dnsQuestions();
            System.out.println(
                    "seed check: " + questions.size() + " DNS questions, " + prober.made.size() + " handshakes");
            assertThat(questions).isNotEmpty();
            assertThat(repeated(questions))
                    .as("DNS questions asked more than once")
                    .isEmpty();
            assertThat(repeated(prober.made))
                    .as("handshakes made more than once")
                    .isEmpty();
            assertThat(lab.mailServers().stream().mapToInt(s -> s.connections()).sum())
                    .as("connections the lab's mail servers accepted")
                    .isEqualTo(prober.made.size());
            assertThat(mailcert.handshakesMade()).isEqualTo(prober.made.size());
        }
    }

    @Test
    void oneEngine_runsChecksFromManyThreadsAtOnce() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
            Mailcert mailcert = LabEngine.of(lab).build();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<CheckResult>> checks = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    checks.add(threads.submit(() -> mailcert.check(seed(lab.scenario()))));
                }
                for (Future<CheckResult> check : checks) {
                    CheckResult result = check.get();
                    assertThat(result.verdict()).isEqualTo(Verdict.FIXABLE);
                    assertThat(result.advice().recommendations())
                            .extracting(r -> r.host().value())
                            .containsOnly("srv12.webhost.example");
                }
            }
        }
    }

    @Test
    void sharedAcrossChecks_aSecondCheckOfTheSameServerAsksNothingNew() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
            CountingProber prober = new CountingProber();
            Mailcert mailcert = LabEngine.of(lab)
                    .prober(prober)
                    .shareAcrossChecks(1_000, Duration.ofMinutes(5))
                    .build();

            CheckResult first = mailcert.check(seed(lab.scenario()));
            int questions = lab.dnsQuestions().size();
            int handshakes = prober.made.size();
            CheckResult second = mailcert.check(seed(lab.scenario()));

            assertThat(second.verdict()).isEqualTo(first.verdict());
            assertThat(second.advice().recommendations())
                    .isEqualTo(first.advice().recommendations());
            assertThat(lab.dnsQuestions()).hasSize(questions);
            assertThat(prober.made).hasSize(handshakes);
        }
    }

    @Test
    void addressPolicy_refusedServerIsNeverConnectedTo() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"))) {
            AddressPolicy noLoopback =
                    address -> address.isLoopbackAddress() ? Optional.of("a loopback address") : Optional.empty();
            Mailcert mailcert = LabEngine.of(lab).addressPolicy(noLoopback).build();

            CheckResult result = mailcert.check(seed(lab.scenario()));

            assertThat(result.diagnosis().refusedByPolicy()).isTrue();
            assertThat(result.diagnosis().refused()).allMatch(r -> r.reason().equals("a loopback address"));
            assertThat(result.diagnosis().endpoints()).isEmpty();
            assertThat(lab.mailServers().stream().mapToInt(s -> s.connections()).sum())
                    .isZero();
            assertThat(lab.webServers().stream().mapToInt(s -> s.requests()).sum())
                    .isZero();
        }
    }

    @Test
    void builder_refusesSettingsOutOfRangeInNeutralWords() {
        assertThatThrownBy(() -> Mailcert.builder().portOffset(70_000))
                .hasMessage("the port offset must be between 0 and 64540 (ports above 65535 do not exist): 70000");
        assertThatThrownBy(() -> Mailcert.builder().timeout(Duration.ZERO))
                .hasMessage("the time allowed must be between 1 and 600 seconds: 0");
        assertThatThrownBy(() -> Mailcert.builder().connectionsPerAddress(0)).hasMessageNotContaining("--");
    }

    private static <T> Map<T, Long> repeated(List<T> items) {
        return items.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
