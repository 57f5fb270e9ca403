package dev.mailcert.scan;

import dev.mailcert.store.ServerGroup;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fleet summary as one self-contained HTML page: no scripts, no external resources (styles
 * inline, the chart of verdicts an inline SVG). Every value that came from the input or the
 * network is escaped; domain lists are streamed from the database as they are written.
 */
public final class HtmlReport {
    private static final Map<String, String> COLOURS =
            Map.of("ok", "#2e7d32", "fixable", "#f9a825", "unfixable", "#c62828", "unreachable", "#757575");
    private static final String STYLE = "body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;"
            + "padding:0 1em;color:#222}h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd}"
            + "table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:left;border-bottom:1px solid #eee}"
            + ".server{margin:1em 0;padding:.6em 1em;background:#f7f7f7;border-left:4px solid #999}"
            + ".fixable{border-color:#f9a825}.unfixable{border-color:#c62828}.unreachable{border-color:#757575}"
            + ".ok{border-color:#2e7d32}code{background:#eee;padding:0 .3em}details{margin-top:.4em}"
            + ".domains{columns:18em;font-family:ui-monospace,monospace;font-size:.9em;margin:.4em 0}";

    private HtmlReport() {}

    public static void write(FleetSummary s, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(s, out);
        }
    }

    static void write(FleetSummary s, Writer out) throws IOException {
        try {
            page(s, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void page(FleetSummary s, Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                + "'unsafe-inline'\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.write("<title>mailcert scan " + escape(s.scan()) + "</title><style>" + STYLE + "</style></head><body>\n");
        w.write("<h1>Mail server certificates: scan <code>" + escape(s.scan()) + "</code></h1>\n");
        w.write("<p>" + s.targets() + " targets, " + s.results() + " with a result. Database " + escape(s.database())
                + ", written " + escape(Instant.now().toString()) + ".</p>\n");
        chart(s, w);
        section(
                s,
                w,
                "fixable",
                "Shared servers with a verified name",
                "The certificate of each server does not match the names these domains use, but a verified name on the "
                        + "same server does: configure mail clients (or publish autoconfig) with that name.");
        section(
                s,
                w,
                "unfixable",
                "Servers only the provider can fix",
                "No name on these servers gets a valid certificate: the provider must install a valid one.");
        section(s, w, "unreachable", "Unreachable", "No mail endpoint answered for these targets.");
        section(s, w, "ok", "Already right", "These targets already get a valid certificate for the name they use.");
        if (s.badLines() > 0) {
            w.write("<h2>Bad lines in the input</h2>\n<p>" + s.badLines() + " lines were not scanned.</p><ul>\n");
            for (InputLine.Bad bad : s.shownBadLines()) {
                w.write("<li>" + escape(InputLine.describe(bad)) + "</li>\n");
            }
            w.write("</ul>\n");
        }
        w.write("<p><small>Made by mailcert scan. Every recommended name was verified: it resolves to the same server "
                + "address and a handshake with that name had no certificate problem.</small></p>\n</body></html>\n");
    }

    /** Horizontal bars, one per verdict, as inline SVG. */
    private static void chart(FleetSummary s, Writer w) throws IOException {
        long max = Math.max(
                1,
                s.verdicts().values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rowHeight = 28;
        int height = rowHeight * s.verdicts().size() + 10;
        w.write("<svg role=\"img\" aria-label=\"targets per verdict\" width=\"640\" height=\"" + height
                + "\" viewBox=\"0 0 640 " + height + "\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        int y = 5;
        for (Map.Entry<String, Long> e : s.verdicts().entrySet()) {
            long width = Math.round(440.0 * e.getValue() / max);
            w.write("<text x=\"0\" y=\"" + (y + 18) + "\" font-size=\"14\">" + escape(e.getKey()) + "</text>");
            w.write("<rect x=\"110\" y=\"" + (y + 3) + "\" width=\"" + width + "\" height=\"20\" fill=\""
                    + COLOURS.getOrDefault(e.getKey(), "#999") + "\"/>");
            w.write("<text x=\"" + (116 + width) + "\" y=\"" + (y + 18) + "\" font-size=\"14\">" + e.getValue()
                    + "</text>\n");
            y += rowHeight;
        }
        w.write("</svg>\n");
    }

    private static void section(FleetSummary s, Writer w, String verdict, String title, String intro)
            throws IOException {
        List<ServerGroup> groups = s.groups(verdict);
        if (groups.isEmpty()) {
            return;
        }
        w.write("<h2 id=\"" + verdict + "\">" + escape(title) + "</h2>\n<p>" + escape(intro) + "</p>\n");
        for (ServerGroup g : groups) {
            w.write("<div class=\"server " + verdict + "\">");
            w.write("<div><strong>" + escape(g.addresses().isEmpty() ? "(no address)" : g.addresses()) + "</strong>");
            if (g.certificateSubject().isPresent()) {
                w.write(" &middot; certificate " + escape(g.certificateSubject().get()));
            }
            if (g.certificateSha256().isPresent()) {
                w.write(" <small>sha256 " + escape(g.certificateSha256().get()) + "</small>");
            }
            w.write("</div>\n");
            if (g.recommendedHost().isPresent() && verdict.equals("fixable")) {
                w.write("<div>Use <code>" + escape(g.recommendedHost().get()) + "</code>"
                        + g.confidence()
                                .map(c -> " (confidence " + escape(c) + ")")
                                .orElse("") + "</div>\n");
            }
            if (!g.problems().isEmpty()) {
                w.write("<div>Problems: " + escape(String.join(", ", g.problems())) + "</div>\n");
            }
            if (verdict.equals("unfixable")) {
                for (String ask : s.askProvider(g)) {
                    w.write("<div>Ask the provider: " + escape(ask) + "</div>\n");
                }
            }
            w.write("<details" + (g.targets() <= 20 ? " open" : "") + "><summary>" + g.targets()
                    + (g.targets() == 1 ? " target" : " targets") + "</summary><div class=\"domains\">");
            s.forEachTarget(g, target -> {
                try {
                    w.write(escape(target) + "<br>");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.write("</div></details></div>\n");
        }
    }

    /** HTML text and attribute escaping: & < > " ' become character references. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
