package dev.mailcert.scan;

import dev.mailcert.store.CheckRow;
import dev.mailcert.store.ScanResult;
import dev.mailcert.store.ScanResults;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scan's results written from the database, in input order: JSON Lines (one {@code mailcert.check/1}
 * object a line) or CSV (a header starting {@code target,server,verdict,}, then one row a target).
 * The format follows the file name's extension.
 */
public final class Export {
    /** The CSV columns; the first three are fixed by the contract. */
    public static final List<String> CSV_COLUMNS = List.of(
            "target",
            "server",
            "verdict",
            "imap_host",
            "imap_port",
            "imap_security",
            "pop3_host",
            "pop3_port",
            "pop3_security",
            "smtp_host",
            "smtp_port",
            "smtp_security",
            "confidence",
            "checked_server",
            "addresses",
            "certificate_sha256",
            "problems",
            "elapsed_ms",
            "finished");

    public enum Format {
        JSONL,
        CSV
    }

    private Export() {}

    /** The format of {@code file} by its extension; empty for any other. */
    public static Optional<Format> formatOf(Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            return Optional.of(Format.JSONL);
        }
        return name.endsWith(".csv") ? Optional.of(Format.CSV) : Optional.empty();
    }

    /** Writes every result of the scan to {@code file}; returns how many. */
    public static long write(ScanResults results, Format format, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(results, format, out);
        }
    }

    static long write(ScanResults results, Format format, Writer out) throws IOException {
        long[] rows = {0};
        if (format == Format.CSV) {
            out.write(String.join(",", CSV_COLUMNS) + "\r\n");
        }
        try {
            results.forEach(result -> {
                try {
                    out.write(format == Format.JSONL ? result.row().json() + "\n" : csv(result) + "\r\n");
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    static String csv(ScanResult r) {
        CheckRow row = r.row();
        return String.join(
                ",",
                field(r.target()),
                field(r.server().orElse("")),
                field(row.verdict()),
                setting(row.imap()),
                setting(row.pop3()),
                setting(row.smtp()),
                field(row.confidence().orElse("")),
                field(row.checkedServer()),
                field(row.addresses()),
                field(row.certificateSha256().orElse("")),
                field(row.problems()),
                Long.toString(row.elapsedMs()),
                field(row.finished().toString()));
    }

    private static String setting(Optional<CheckRow.Setting> s) {
        return s.map(v -> field(v.host()) + "," + v.port() + "," + field(v.security()))
                .orElse(",,");
    }

    /** RFC 4180 §2: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
