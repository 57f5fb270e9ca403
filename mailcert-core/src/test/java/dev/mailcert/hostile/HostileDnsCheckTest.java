package dev.mailcert.hostile;

import static dev.mailcert.hostile.HostileCheck.DEADLINE;
import static dev.mailcert.hostile.HostileCheck.DOMAIN;
import static dev.mailcert.hostile.HostileCheck.SERVER;
import static dev.mailcert.hostile.HostileCheck.address;
import static dev.mailcert.hostile.HostileCheck.serverAt;
import static dev.mailcert.probe.ScriptedServer.holdOpen;
import static dev.mailcert.probe.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.advise.Verdict;
import dev.mailcert.dns.Lookup;
import dev.mailcert.hostile.HostileCheck.Run;
import dev.mailcert.lab.dns.DnsBehaviour;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Whole checks where DNS misbehaves: loops, long chains, the four ways a name can fail to resolve,
 * truncated UDP answers and answers with hundreds of records. The check ends on time and says in
 * plain words which of them happened.
 */
class HostileDnsCheckTest {

    @Test
    void cnameLoop_isAFailedLookupNamedAsALoop() {
        Run run = HostileCheck.run(
                "CNAME loop", SERVER + ". CNAME loop." + DOMAIN + ".\nloop." + DOMAIN + ". CNAME " + SERVER + ".\n");

        assertThat(run.diagnosis().dns().serverAddresses()).isInstanceOf(Lookup.Failed.class);
        assertThat(run.diagnosis().endpoints()).isEmpty();
        assertThat(run.advice().verdict()).isEqualTo(Verdict.UNREACHABLE);
        assertThat(run.advice().why()).anyMatch(line -> line.contains("CNAME loop"));
        assertThat(run.took()).isLessThan(DEADLINE);
    }

    @Test
    void longCnameChain_isCutAtTheLimitAndSaysSo() {
        Run run = HostileCheck.run("CNAME chain of 20", chain(20, address("127.0.51.2")));

        assertThat(run.diagnosis().dns().serverAddresses()).isInstanceOf(Lookup.Failed.class);
        assertThat(run.advice().verdict()).isEqualTo(Verdict.UNREACHABLE);
        assertThat(run.advice().why()).anyMatch(line -> line.contains("CNAME chain too long"));
        assertThat(run.took()).isLessThan(DEADLINE);
    }

    @Test
    void cnameChainAtTheLimit_stillResolves() {
        InetAddress address = address("127.0.51.3");
        Run run = HostileCheck.run("CNAME chain of 8", chain(8, address));

        assertThat(run.diagnosis().dns().addresses()).containsExactly(address);
        assertThat(run.diagnosis().dns().cnameChain()).hasSize(8);
        assertThat(run.diagnosis().endpoints())
                .hasSize(6)
                .allSatisfy(e -> assertThat(e.probe().outcome()).isEqualTo(Outcome.REFUSED));
    }

    @Test
    void nxdomainNodataServfailAndTimeout_areFourDistinctFindingsInPlainWords() {
        String present = SERVER + ". A 127.0.51.4\n";
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("does not exist (NXDOMAIN)", HostileCheck.run("DNS: NXDOMAIN", "www." + DOMAIN + ". A 127.0.51.4\n"));
        runs.put(
                "exists but has no such record",
                HostileCheck.run("DNS: NODATA", SERVER + ". TXT \"no address here\"\n"));
        runs.put(
                "the DNS server failed to answer",
                HostileCheck.run("DNS: SERVFAIL", present, DnsBehaviour.normal().withServfail(SERVER)));
        runs.put(
                "no DNS answer for " + SERVER + " in time",
                HostileCheck.run("DNS: timeout", present, DnsBehaviour.normal().withSilent(SERVER)));

        Map<String, String> dnsLines = new LinkedHashMap<>();
        runs.forEach((words, run) -> {
            assertThat(run.advice().verdict()).isEqualTo(Verdict.UNREACHABLE);
            assertThat(run.diagnosis().endpoints()).isEmpty();
            String line = run.advice().why().stream()
                    .filter(l -> l.startsWith("DNS: "))
                    .findFirst()
                    .orElseThrow();
            assertThat(line).contains(words).contains(SERVER);
            dnsLines.put(words, line);
        });
        assertThat(dnsLines.values().stream().distinct()).hasSize(4);
        assertThat(runs.get("does not exist (NXDOMAIN)").diagnosis().dns().serverAddresses())
                .isInstanceOf(Lookup.NxDomain.class);
        assertThat(runs.get("exists but has no such record").diagnosis().dns().serverAddresses())
                .isInstanceOf(Lookup.NoData.class);
        assertThat(runs.get("the DNS server failed to answer").diagnosis().dns().serverAddresses())
                .isInstanceOf(Lookup.ServFail.class);
        assertThat(runs.get("no DNS answer for " + SERVER + " in time")
                        .diagnosis()
                        .dns()
                        .serverAddresses())
                .isInstanceOf(Lookup.Timeout.class);
    }

    @Test
    void truncatedUdpAnswer_isAskedAgainOverTcp_andTheCheckGoesOn() throws Exception {
        InetAddress address = address("127.0.51.5");
        HostilePki.Issued valid = HostilePki.shared().leaf(SERVER, List.of(SERVER));
        try (MailPorts ports = MailPorts.on(address)
                .serve(Protocol.IMAP, Security.TLS, startTls(valid.serverContext()), holdOpen())
                .start()) {
            Run run = HostileCheck.run(
                    "truncated UDP answer (TCP retry)",
                    serverAt(address),
                    DnsBehaviour.normal().withTruncateOverUdp(SERVER));

            assertThat(run.diagnosis().dns().addresses()).containsExactly(address);
            assertThat(run.outcome(Protocol.IMAP, Security.TLS)).isEqualTo(Outcome.HANDSHAKE);
            assertThat(run.advice().verdict()).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void hundredsOfAddresses_atMostEightAreProbed_andTheRestAreSaidToBeSkipped() {
        String zone = IntStream.rangeClosed(1, 300)
                .mapToObj(i -> SERVER + ". A 127.0." + (52 + i / 200) + "." + (1 + i % 200) + "\n")
                .collect(Collectors.joining());
        Run run = HostileCheck.run("300 A records", zone);

        assertThat(run.diagnosis().endpoints().stream()
                        .map(e -> e.probe().address())
                        .distinct())
                .hasSize(8);
        assertThat(run.diagnosis().endpoints()).hasSize(8 * 6);
        assertThat(run.diagnosis().notes()).anyMatch(note -> note.contains("only the first 8 were probed"));
        assertThat(run.advice().why()).anyMatch(note -> note.contains("only the first 8 were probed"));
        assertThat(run.advice().verdict()).isEqualTo(Verdict.UNREACHABLE);
        assertThat(run.took()).isLessThan(DEADLINE);
    }

    @Test
    void hundredsOfMxRecords_theNamesCheckedAreBounded() {
        String zone = serverAt(address("127.0.51.7"))
                + IntStream.rangeClosed(1, 300)
                        .mapToObj(i -> DOMAIN + ". MX " + i + " mx" + i + "." + DOMAIN + ".\n")
                        .collect(Collectors.joining());
        Run run = HostileCheck.run("300 MX records", zone);

        assertThat(run.diagnosis().dns().mx().orElse(List.of())).hasSizeLessThanOrEqualTo(32);
        // every MX host is a candidate name; the resolver's cap on records is what bounds them
        assertThat(run.diagnosis().candidates())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(32)
                .allSatisfy(c -> assertThat(c.sameServer()).isFalse());
        assertThat(run.advice().verdict()).isEqualTo(Verdict.UNREACHABLE);
        assertThat(run.took()).isLessThan(DEADLINE);
    }

    /** The configured name, then {@code hops} aliases in a row, the last with {@code address}. */
    private static String chain(int hops, InetAddress address) {
        StringBuilder zone = new StringBuilder();
        String from = SERVER;
        for (int i = 1; i <= hops; i++) {
            String to = "c" + i + "." + DOMAIN;
            zone.append(from).append(". CNAME ").append(to).append(".\n");
            from = to;
        }
        return zone.append(from)
                .append(". A ")
                .append(address.getHostAddress())
                .append('\n')
                .toString();
    }
}
