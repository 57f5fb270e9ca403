package dev.mailcert.cert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The openssl command line for the cross-checks: whether it is there, and one bounded run of it. */
final class OpenSslCommand {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_OUTPUT = 64 * 1024;

    private OpenSslCommand() {}

    /** Skips (does not fail) the calling tests where no openssl command exists. */
    static void assumeInstalled() {
        boolean available;
        try {
            Process version = new ProcessBuilder("openssl", "version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            available = version.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        assumeTrue(available, "no openssl command on this machine: the cross-check with OpenSSL is skipped");
    }

    /** Runs {@code command} with a deadline; its output (stdout and stderr together, at most 64 KiB), via a file in {@code dir}. */
    static String run(List<String> command, Path dir) throws Exception {
        Path output = dir.resolve("openssl.out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl did not finish within " + TIMEOUT + ": " + command);
        }
        byte[] bytes;
        try (var in = Files.newInputStream(output)) {
            bytes = in.readNBytes(MAX_OUTPUT);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
