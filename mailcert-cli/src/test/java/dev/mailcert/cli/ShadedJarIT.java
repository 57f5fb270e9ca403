package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar as shipped: the shade step keeps only the classes reachable from mailcert's own of some
 * libraries and drops parts of others, so every command runs here from the jar itself, in a
 * fresh JVM, to prove that nothing they load went missing.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "mailcert.jar");

    private record Exit(int code, String out, String err) {}

    private static Exit run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Exit(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The jar's budget: 20 MiB. Its largest parts are SQLite's native library for six platforms,
     * Jetty and Jackson; the post-quantum, locale and other unused parts of the libraries are left out.
     */
    @Test
    void jarStaysWithinItsBudget() throws IOException {
        assertThat(Files.size(JAR)).isLessThan(20L * 1024 * 1024);
    }

    @Test
    void demo_runsTheSeedScenarioFromTheJar() throws Exception {
        Exit demo = run("demo");

        assertThat(demo.err()).isEmpty();
        assertThat(demo.code()).isZero();
        assertThat(demo.out()).contains("FIXABLE").contains("srv12.webhost.example");
    }

    @Test
    void demoJson_isTheCheckSchema() throws Exception {
        Exit demo = run("demo", "--json");

        JsonNode json = new ObjectMapper().readTree(demo.out());
        assertThat(json.get("schema").asText()).isEqualTo("mailcert.check/1");
        assertThat(json.get("verdict").asText()).isEqualTo("fixable");
    }

    @Test
    void labScenarioBuildsItsPkiAndCheckAndConfigRunAgainstIt() throws Exception {
        Process lab = new ProcessBuilder(java(), "-jar", JAR.toString(), "lab", "--scenario", "self-signed")
                .redirectErrorStream(true)
                .start();
        try {
            List<String> check = checkCommand(lab);
            List<String> args = new ArrayList<>(check.subList(2, check.size())); // after "mailcert check"
            args.add(0, "check");
            args.add("--offline");
            args.add("--json");
            Exit result = run(args.toArray(String[]::new));
            assertThat(result.err()).isEmpty();
            assertThat(new ObjectMapper().readTree(result.out()).get("verdict").asText())
                    .isEqualTo("unfixable");

            args.set(0, "config");
            args.remove("--json");
            args.addAll(List.of("--format", "thunderbird"));
            Exit config = run(args.toArray(String[]::new));
            assertThat(config.code()).isEqualTo(1);
            assertThat(config.err()).contains("no configuration written");
        } finally {
            lab.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void inspect_internationalNamesGoThroughIdna2008FromTheJar() throws Exception {
        try (Lab lab = Lab.start(Scenario.builtIn("shared-hosting"), 26000)) {
            Exit idn = run("inspect", lab.trustFile().toString(), "--host", "straße.de", "--json");
            assertThat(idn.err()).isEmpty();
            assertThat(idn.code()).isEqualTo(1);
            assertThat(new ObjectMapper().readTree(idn.out()).get("problems").toString())
                    .contains("hostname-mismatch");

            Exit bad = run("inspect", lab.trustFile().toString(), "--host", "ex!ample.de");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).startsWith("mailcert: not a valid host name");
        }
    }

    @Test
    void listAndHelpAndBadInput() throws Exception {
        assertThat(run("lab", "--list").out()).contains("shared-hosting", "self-signed");
        assertThat(run("--help").code()).isZero();
        Exit bad = run("check", "not an address");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines()).hasSize(1);
    }

    /** The check command the lab prints, split into words (the lab quotes for a shell only when needed). */
    private static List<String> checkCommand(Process lab) throws IOException {
        // the lab runs until stopped: never wait for it longer than a lab takes to start
        Thread.ofVirtual().start(() -> {
            try {
                if (!lab.waitFor(60, TimeUnit.SECONDS)) {
                    lab.destroyForcibly();
                }
            } catch (InterruptedException e) {
                lab.destroyForcibly();
            }
        });
        BufferedReader lines = new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int at = line.indexOf("mailcert check ");
            if (at >= 0) {
                return List.of(line.substring(at).strip().split(" "));
            }
        }
        throw new AssertionError("the lab printed no check command");
    }
}
