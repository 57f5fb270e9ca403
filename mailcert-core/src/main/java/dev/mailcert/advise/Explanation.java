package dev.mailcert.advise;

import dev.mailcert.HostName;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.diagnose.Evidence;
import dev.mailcert.probe.Protocol;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The words of the advice: a headline, the reasons, and what to ask the provider. Pure. */
final class Explanation {

    private Explanation() {}

    static Advice of(Diagnosis d, Verdict verdict, List<Recommendation> recommendations, List<Protocol> broken) {
        String server = d.server().value();
        List<String> why = new ArrayList<>();
        List<String> ask = new ArrayList<>();
        serverChoice(d).ifPresent(why::add);
        String headline = switch (verdict) {
            case OK -> server + " already has a valid certificate. Your mail client should not warn.";
            case FIXABLE -> fixableHeadline(server, recommendations, broken);
            case UNFIXABLE -> "No name on this server gets a valid certificate. Only your provider can fix this.";
            case UNREACHABLE -> "mailcert could not reach a mail server for " + server + ".";
        };
        switch (verdict) {
            case OK ->
                why.add(server + " points to " + addresses(d) + ", and mailcert connected to it with that name: "
                        + "the certificate is valid and trusted. If your client still warns, "
                        + "check that it uses exactly the settings above.");
            case FIXABLE, UNFIXABLE -> {
                whatIsWrong(d, why);
                recommendations.stream()
                        .filter(r -> !r.host().equals(d.server()))
                        .map(Recommendation::host)
                        .distinct()
                        .forEach(host -> d.candidates().stream()
                                .filter(c -> c.host().equals(host))
                                .findFirst()
                                .ifPresent(c -> TrustReasons.add(d, c, recommendations, why)));
                if (verdict == Verdict.FIXABLE) {
                    why.add("Accepting the certificate warning does not last: some clients ask again "
                            + "after every restart, "
                            + "others again whenever the certificate is renewed. Changing the "
                            + "server name fixes it for good.");
                    List<Protocol> unfixed = broken.stream()
                            .filter(p -> recommendations.stream().noneMatch(r -> r.protocol() == p))
                            .toList();
                    if (!unfixed.isEmpty()) {
                        why.add("No verified name was found for " + names(unfixed) + "; ask your provider about it.");
                    }
                } else {
                    triedAndFailed(d, why);
                    ask.addAll(ProviderQuestions.of(d));
                }
            }
            case UNREACHABLE -> unreachable(d, why);
        }
        notReached(d, why);
        relays(d, why);
        why.addAll(d.notes());
        List<ClientPath> paths = ClientPath.of(d);
        clientPathsThatWarn(paths, why);
        return new Advice(verdict, headline, recommendations, why, ask, paths);
    }

    /** Without a configured server name, which name was checked and where a mail client would have found it. */
    private static Optional<String> serverChoice(Diagnosis d) {
        String found = switch (d.serverSource()) {
            case CONFIGURED -> null;
            case AUTOCONFIG -> "find in the settings your domain publishes (autoconfig or Autodiscover)";
            case SRV -> "find in your domain's SRV records";
            case MX -> "fall back to (your domain's MX host)";
            case GUESS -> "guess first";
        };
        return Optional.ofNullable(found)
                .map(how -> "You did not say which server name your mail client uses, so mailcert checked " + d.server()
                        + ", the name a mail client would " + how
                        + ". Give the server name your mail client uses to check that name instead.");
    }

    private static String fixableHeadline(String server, List<Recommendation> recommendations, List<Protocol> broken) {
        Set<HostName> hosts = recommendations.stream()
                .filter(r -> broken.contains(r.protocol()))
                .map(Recommendation::host)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String use = hosts.stream().map(HostName::value).collect(Collectors.joining(" or "));
        return "The certificate does not match " + server + ". Use " + use
                + " instead: it is the same server, and its certificate is valid.";
    }

    private static void whatIsWrong(Diagnosis d, List<String> why) {
        Optional<EndpointResult> sample = d.endpoints().stream()
                .filter(EndpointResult::handshake)
                .filter(e -> !e.valid())
                .findFirst();
        if (sample.isEmpty()) {
            boolean noStarttls = d.endpoints().stream()
                    .filter(Advisor::reached)
                    .allMatch(e -> e.probe().outcome() == dev.mailcert.probe.Outcome.STARTTLS_UNAVAILABLE);
            why.add(d.server()
                    + (noStarttls
                            ? " answers, but none of its mail ports offers TLS (STARTTLS missing or refused)."
                            : " answers, but no TLS handshake succeeded on any of its mail ports "
                                    + "(see each port in the details below)."));
            return;
        }
        EndpointResult e = sample.get();
        CertificateSummary leaf =
                CertificateSummary.of(e.probe().handshake().orElseThrow().leaf());
        StringBuilder line = new StringBuilder(d.server() + " points to " + addresses(d) + ". ");
        Set<CertificateProblem> problems = EnumSet.noneOf(CertificateProblem.class);
        d.endpoints().forEach(r -> problems.addAll(r.problems()));
        if (problems.contains(CertificateProblem.HOSTNAME_MISMATCH)) {
            line.append("The certificate there is made out to ")
                    .append(covered(leaf))
                    .append(", not to ")
                    .append(d.server())
                    .append(", so your mail client warns that it does not match.");
        } else {
            line.append("The certificate there has a problem, so your mail client warns.");
        }
        why.add(line.toString());
        problems.stream()
                .filter(p -> p != CertificateProblem.HOSTNAME_MISMATCH)
                .forEach(p -> why.add("Also: " + p.plain() + " (" + p.code() + ")."));
    }

    /** The other names of the same server that were tried, and why none of them helps. */
    private static void triedAndFailed(Diagnosis d, List<String> why) {
        d.candidates().stream()
                .filter(c -> c.sameServer()
                        && !c.verified()
                        && c.verification().stream().anyMatch(EndpointResult::handshake))
                .limit(3)
                .forEach(c -> {
                    Set<CertificateProblem> problems = EnumSet.noneOf(CertificateProblem.class);
                    c.verification().forEach(r -> problems.addAll(r.problems()));
                    String how =
                            c.evidence().stream().sorted().map(Evidence::id).collect(Collectors.joining(", "));
                    why.add("mailcert also tried " + c.host() + " on the same server"
                            + (how.isEmpty() ? "" : " (" + how + ")")
                            + ": its certificate is not valid either ("
                            + problems.stream().map(CertificateProblem::code).collect(Collectors.joining(", ")) + ").");
                });
    }

    /** Say which of the domain's own published settings lead clients to the warning. */
    private static void clientPathsThatWarn(List<ClientPath> paths, List<String> why) {
        Set<String> files = new LinkedHashSet<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (ClientPath path : paths) {
            String file = switch (path.path().source()) {
                case AUTOCONFIG, WELL_KNOWN -> "autoconfig";
                case AUTODISCOVER, AUTODISCOVER_SRV -> "Autodiscover";
                case ISPDB, ISPDB_MX, SRV, MX, GUESS -> "";
            };
            List<String> warning = path.settings().stream()
                    .filter(s -> s.warning() == ClientWarning.WARNS)
                    .map(s -> s.server().host())
                    .toList();
            if (!file.isEmpty() && !warning.isEmpty()) {
                files.add(file);
                hosts.addAll(warning);
            }
        }
        if (!hosts.isEmpty()) {
            why.add("Your domain publishes " + String.join(" and ", files) + " settings that send mail clients to "
                    + dev.mailcert.Printable.of(String.join(", ", hosts))
                    + ", which warns: whoever maintains them should change them to the names above.");
        }
    }

    private static void unreachable(Diagnosis d, List<String> why) {
        if (!d.dns().serverAddresses().found()) {
            why.add("DNS: " + d.dns().serverAddresses().plain() + ". Check the server name for typing errors.");
            return;
        }
        why.add(d.server() + " points to " + addresses(d) + ", but no mail port answered (refused or timed out). "
                + "A firewall may block these ports on your network, or the server is down.");
    }

    /**
     * The MX hosts on port 25 (when asked for): they do not change what a mail client needs, but servers
     * that deliver to the domain and check certificates (MTA-STS, RFC 8461; DANE) depend on them.
     */
    private static void relays(Diagnosis d, List<String> why) {
        for (EndpointResult relay : d.relays()) {
            String where = relay.host() + " (MX, " + relay.probe().address().getHostAddress() + " port "
                    + relay.endpoint().port() + ")";
            if (relay.valid()) {
                why.add(where + " accepts mail from other servers with STARTTLS and a valid certificate.");
            } else if (relay.handshake()) {
                why.add(where + " has a certificate problem on STARTTLS ("
                        + relay.problems().stream()
                                .map(CertificateProblem::code)
                                .collect(Collectors.joining(", "))
                        + "). Your mail client is not "
                        + "affected, but servers that check certificates before delivering "
                        + "(MTA-STS, DANE) may refuse it.");
            } else {
                why.add(where + ": no TLS handshake (" + relay.probe().outcome().id()
                        + (relay.probe().detail().isEmpty()
                                ? ""
                                : ": " + dev.mailcert.Printable.of(relay.probe().detail()))
                        + ").");
            }
        }
    }

    private static void notReached(Diagnosis d, List<String> why) {
        for (Protocol p : Protocol.values()) {
            List<EndpointResult> results = d.endpoints(p);
            if (!results.isEmpty() && results.stream().noneMatch(Advisor::reached)) {
                why.add(p.name() + " is not offered on " + d.server() + " (ports "
                        + results.stream()
                                .map(r -> String.valueOf(r.endpoint().port()))
                                .distinct()
                                .collect(Collectors.joining(", "))
                        + " refused or silent).");
            }
        }
    }

    private static String covered(CertificateSummary leaf) {
        List<String> names = leaf.dnsNames();
        if (names.isEmpty()) {
            return "no server name at all (" + dev.mailcert.Printable.of(leaf.subject()) + ")";
        }
        return dev.mailcert.Printable.of(String.join(", ", names.size() > 6 ? names.subList(0, 6) : names))
                + (names.size() > 6 ? " and " + (names.size() - 6) + " more" : "");
    }

    /** The configured name's addresses for a sentence: a few, then how many more. */
    private static String addresses(Diagnosis d) {
        List<InetAddress> all = d.dns().addresses();
        String shown = all.stream()
                .limit(ADDRESSES_SHOWN)
                .map(InetAddress::getHostAddress)
                .collect(Collectors.joining(", "));
        return all.size() > ADDRESSES_SHOWN
                ? shown + " and " + (all.size() - ADDRESSES_SHOWN) + " more addresses"
                : shown;
    }

    private static final int ADDRESSES_SHOWN = 4;

    private static String names(List<Protocol> protocols) {
        return protocols.stream().map(Protocol::name).collect(Collectors.joining(", "));
    }
}
