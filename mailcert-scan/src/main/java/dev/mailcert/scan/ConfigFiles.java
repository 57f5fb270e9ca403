package dev.mailcert.scan;

import dev.mailcert.Printable;
import dev.mailcert.advise.Verdict;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.report.ClientConfigDirectory;
import dev.mailcert.report.ClientConfigFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client configuration files of a scan: for every ok or fixable target, the files of its
 * verified names in {@code DIR/DOMAIN/} (Thunderbird autoconfig, Outlook Autodiscover, an Apple
 * profile; the last two name an account, so a bare domain gets only the first). Thread-safe.
 */
public final class ConfigFiles {

    /** How many domains got files, how many formats were left out, and the first failure to write. */
    public record Count(long domains, long files, long notWritten, long failures, Optional<String> firstFailure) {
        public static final Count NONE = new Count(0, 0, 0, 0, Optional.empty());
    }

    private final Path root;
    private final AtomicLong domains = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong notWritten = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    ConfigFiles(Path root) {
        this.root = root;
    }

    void write(CheckResult result) {
        if (result.verdict() != Verdict.OK && result.verdict() != Verdict.FIXABLE) {
            return;
        }
        Optional<ClientConfig> config = ClientConfigFiles.of(result.diagnosis(), result.advice());
        if (config.isEmpty()) {
            return;
        }
        Path dir = root.resolve(result.diagnosis().request().target().domain().value());
        try {
            Files.createDirectories(dir);
            ClientConfigDirectory.Written written = ClientConfigDirectory.write(config.get(), result.diagnosis(), dir);
            domains.incrementAndGet();
            files.addAndGet(written.files().size());
            notWritten.addAndGet(written.notes().stream()
                    .filter(n -> n.startsWith("Not written"))
                    .count());
        } catch (IOException e) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, dir + ": " + Printable.of(String.valueOf(e.getMessage())));
        }
    }

    Count count() {
        return new Count(
                domains.get(), files.get(), notWritten.get(), failures.get(), Optional.ofNullable(firstFailure.get()));
    }
}
