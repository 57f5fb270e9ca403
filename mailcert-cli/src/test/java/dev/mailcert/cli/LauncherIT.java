package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher script ({@code ./mailcert}) with the jar this build made: the run that trains a
 * command's class cache prints exactly what any other run prints (a --json report stays JSON),
 * the cache appears after it and is used, and help trains nothing.
 */
class LauncherIT {
    private static final Path LAUNCHER =
            Path.of("..", "mailcert").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private record Exit(int code, String out, String err) {}

    private static Exit launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Exit exit = new Exit(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        assertThat(exit.err())
                .as("the jar is fresh: the launcher must not build")
                .doesNotContain("building");
        return exit;
    }

    private static void forget(String command) throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(command + "."))
                    .filter(f -> f.toString().endsWith(".aot")
                            || f.toString().endsWith(".aotconf")
                            || f.toString().endsWith(".jsa"))
                    .toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Path cacheOf(String command) {
        return TARGET.resolve(command + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa"));
    }

    private static void assertReport(Exit demo) throws IOException {
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(demo.out());
        assertThat(json.get("verdict").asText()).isEqualTo("fixable");
        assertThat(demo.out().strip()).endsWith("}");
    }

    @Test
    void theRunThatTrainsTheCache_printsCleanJson_andTheNextRunUsesTheCache() throws Exception {
        forget("demo");

        assertReport(launch("demo", "--json"));

        Path cache = cacheOf("demo");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(cache) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(cache).as("assembled after the first run").exists();
        assertThat(Files.size(cache)).isGreaterThan(1024 * 1024);
        assertReport(launch("demo", "--json"));
    }

    @Test
    void helpAndVersionTrainNothing() throws Exception {
        forget("other");
        forget("check");

        assertThat(launch("--version").out()).isEqualTo(CommandSpec.VERSION + "\n");
        assertThat(launch("check", "--help").out()).startsWith("Usage: mailcert check");

        Thread.sleep(500);
        try (Stream<Path> files = Files.list(TARGET)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("other.") || name.startsWith("check."));
        }
    }
}
