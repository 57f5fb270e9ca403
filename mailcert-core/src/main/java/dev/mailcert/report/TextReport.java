package dev.mailcert.report;

import dev.mailcert.Printable;
import dev.mailcert.advise.Advice;
import dev.mailcert.advise.ClientPath;
import dev.mailcert.advise.Recommendation;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.diagnose.Candidate;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.diagnose.Evidence;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.ServiceRecord;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report for a person: the verdict first, then the settings to type per protocol, then why,
 * then the technical detail for those who want it. Everything that came from the network passes
 * through {@link Printable} before it reaches a terminal.
 */
public final class TextReport {

    private TextReport() {}

    public static String render(Diagnosis d, Advice advice, Style style) {
        StringBuilder out = new StringBuilder();
        out.append(verdict(advice, style))
                .append("  ")
                .append(style.bold(advice.headline()))
                .append("\n\n");
        settings(d, advice, out, style);
        section(out, style, "Why", advice.why());
        section(out, style, "What to ask your provider", advice.askProvider());
        clientPaths(advice, out, style);
        details(d, out, style);
        return out.toString();
    }

    private static String verdict(Advice advice, Style style) {
        String word = advice.verdict().id().toUpperCase(Locale.ROOT);
        return switch (advice.verdict()) {
            case OK -> style.green(word);
            case FIXABLE -> style.yellow(word);
            case UNFIXABLE, UNREACHABLE -> style.red(word);
        };
    }

    private static void settings(Diagnosis d, Advice advice, StringBuilder out, Style style) {
        if (advice.recommendations().isEmpty()) {
            return;
        }
        String who = d.request().target().localPart().isPresent()
                ? " for " + d.request().target().input()
                : "";
        out.append(style.bold("Settings to type into your mail client" + who)).append('\n');
        for (Recommendation r : advice.recommendations()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-22s server %-28s port %-5d security %s%s%n",
                    r.protocol().label(),
                    r.host().unicode(),
                    r.port(),
                    r.security().clientLabel(),
                    r.host().equals(d.server()) ? "" : style.dim("   (was " + d.server() + ")")));
        }
        boolean changed =
                advice.recommendations().stream().anyMatch(r -> !r.host().equals(d.server()));
        out.append(
                changed
                        ? "  Keep your user name and password as they are; only the server name changes.\n\n"
                        : "  The server name is right as it is; set the port and security as shown if "
                                + "yours differ.\n\n");
    }

    private static void section(StringBuilder out, Style style, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(style.bold(title)).append('\n');
        lines.forEach(line -> out.append("  - ").append(line).append('\n'));
        out.append('\n');
    }

    /** Each discovery path a mail client may take: what it found and whether following it warns. */
    private static void clientPaths(Advice advice, StringBuilder out, Style style) {
        if (advice.clientPaths().isEmpty()) {
            return;
        }
        out.append(style.bold("How mail clients find your server")).append('\n');
        java.util.Map<String, List<String>> empty = new java.util.LinkedHashMap<>();
        for (ClientPath path : advice.clientPaths()) {
            if (path.settings().isEmpty()) {
                String outcome = switch (path.path().outcome()) {
                    case NOT_FOUND -> "nothing published at";
                    case FAILED -> "failed";
                    case SKIPPED -> "skipped";
                    case TIMEOUT -> "no answer in time from";
                    case FOUND -> "found";
                };
                empty.computeIfAbsent(outcome, k -> new java.util.ArrayList<>())
                        .add(Printable.of(path.path().location()));
                continue;
            }
            out.append("  ")
                    .append(sourceName(path))
                    .append(": ")
                    .append(Printable.of(path.path().location()))
                    .append('\n');
            for (ClientPath.Setting s : path.settings()) {
                String verdict = switch (s.warning()) {
                    case NONE -> style.green(s.warning().plain());
                    case WARNS, PLAINTEXT -> style.red(s.warning().plain());
                    case NOT_CHECKED -> style.dim(s.warning().plain());
                };
                out.append(String.format(
                                Locale.ROOT,
                                "      %-4s %-30s port %-5d %-8s ",
                                s.server().protocol().id(),
                                Printable.of(s.server().host()),
                                s.server().port(),
                                s.server().socketType().name()))
                        .append(verdict)
                        .append('\n');
            }
        }
        empty.forEach((outcome, paths) -> out.append(style.dim("  " + outcome + ": " + String.join(", ", paths)))
                .append('\n'));
        out.append('\n');
    }

    private static String sourceName(ClientPath path) {
        return switch (path.path().source()) {
            case AUTOCONFIG -> "Thunderbird autoconfig";
            case WELL_KNOWN -> "Thunderbird autoconfig (well-known URL)";
            case ISPDB -> "Thunderbird ISP database";
            case ISPDB_MX -> "Thunderbird ISP database, by MX";
            case AUTODISCOVER -> "Outlook Autodiscover";
            case AUTODISCOVER_SRV -> "Outlook Autodiscover, by SRV";
            case SRV -> "SRV record";
            case MX -> "MX record (server-to-server relay, not for your mail client)";
            case GUESS -> "guess";
        };
    }

    private static void details(Diagnosis d, StringBuilder out, Style style) {
        out.append(style.bold("Details")).append('\n');
        out.append("  DNS  ")
                .append(d.server())
                .append(" -> ")
                .append(lookup(
                        d.dns().serverAddresses(),
                        a -> a.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "))));
        if (!d.dns().cnameChain().isEmpty()) {
            out.append("  (alias chain: ")
                    .append(Printable.of(String.join(" -> ", d.dns().cnameChain())))
                    .append(')');
        }
        out.append('\n');
        out.append("       MX ")
                .append(lookup(
                        d.dns().mx(),
                        mx -> mx.stream()
                                .map(m -> m.preference() + " " + m.host())
                                .collect(Collectors.joining(", "))))
                .append('\n');
        out.append("       NS ")
                .append(lookup(d.dns().ns(), ns -> String.join(", ", ns)))
                .append('\n');
        d.dns().srv().forEach((name, lookup) -> {
            if (lookup.found()) {
                out.append("       SRV ")
                        .append(name)
                        .append(' ')
                        .append(lookup(lookup, TextReport::srv))
                        .append('\n');
            }
        });
        d.dns()
                .ptr()
                .forEach((address, lookup) -> out.append("       reverse DNS ")
                        .append(address.getHostAddress())
                        .append(" -> ")
                        .append(lookup(lookup, names -> String.join(", ", names)))
                        .append('\n'));
        if (!d.endpoints().isEmpty()) {
            out.append("  Connections (name sent as SNI; certificate judged for that name)\n");
        }
        d.endpoints().forEach(e -> out.append(endpoint(e, style)));
        d.candidates().forEach(c -> c.verification().forEach(e -> out.append(endpoint(e, style))));
        d.relays().forEach(e -> out.append(endpoint(e, style)));
        d.endpoints().stream()
                .filter(e -> e.handshake() && !e.valid())
                .findFirst()
                .ifPresent(e -> {
                    out.append("  Certificate on ")
                            .append(e.probe().address().getHostAddress())
                            .append(" for ")
                            .append(e.host())
                            .append('\n');
                    e.assessment()
                            .orElseThrow()
                            .explanation()
                            .forEach(line -> out.append("    ")
                                    .append(Printable.of(line))
                                    .append('\n'));
                });
        if (!d.candidates().isEmpty()) {
            out.append("  Other names for this server\n");
            d.candidates().forEach(c -> out.append(candidate(c, style)));
        }
        out.append(
                String.format(Locale.ROOT, "  Checked in %.1f s.%n", d.elapsed().toMillis() / 1000.0));
    }

    private static String endpoint(EndpointResult e, Style style) {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "    %-26s %-15s %-4s %5d %-8s ",
                e.host(),
                e.probe().address().getHostAddress(),
                e.endpoint().protocol().id(),
                e.endpoint().port(),
                e.endpoint().security().clientLabel()));
        if (e.probe().handshake().isEmpty()) {
            line.append(style.red(e.probe().outcome().id()));
            if (!e.probe().detail().isEmpty()) {
                line.append(" (").append(Printable.of(e.probe().detail())).append(')');
            }
            return line.append('\n').toString();
        }
        var handshake = e.probe().handshake().get();
        CertificateSummary leaf = CertificateSummary.of(handshake.leaf());
        line.append(handshake.tlsVersion())
                .append("  cert ")
                .append(Printable.of(leaf.dnsNames().isEmpty() ? leaf.subject() : abbreviate(leaf.dnsNames())))
                .append("  ");
        line.append(
                e.valid()
                        ? style.green("valid")
                        : style.red(e.problems().stream()
                                .map(CertificateProblem::code)
                                .collect(Collectors.joining(", "))));
        return line.append('\n').toString();
    }

    private static String candidate(Candidate c, Style style) {
        String state = c.verified()
                ? style.green("verified")
                : c.sameServer() ? style.red("not valid") : style.dim("not used");
        String evidence = c.evidence().stream().sorted().map(Evidence::id).collect(Collectors.joining(", "));
        String addresses =
                c.addresses().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "    %-26s %-15s %s  [%s]%s%n",
                c.host(),
                addresses.isEmpty() ? "-" : addresses,
                state,
                evidence,
                c.note().isEmpty() ? "" : "  " + Printable.of(c.note()));
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 3
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " +" + (names.size() - 3) + " more";
    }

    private static String srv(List<ServiceRecord> records) {
        return records.stream()
                .map(r -> r.offered() ? r.target() + ":" + r.port() : "not offered (\".\")")
                .collect(Collectors.joining(", "));
    }

    private static <T> String lookup(Lookup<T> lookup, java.util.function.Function<T, String> show) {
        return lookup instanceof Lookup.Found<T> f ? Printable.of(show.apply(f.value())) : Printable.of(lookup.plain());
    }
}
