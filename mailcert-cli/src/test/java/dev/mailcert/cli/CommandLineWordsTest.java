package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line's words stay in the command line: the engine and the lab raise neutral
 * messages, and only {@code cli} names flags (in strings a person reads) or exit codes, so that
 * a web service or a scan reports the engine's refusals in its own words.
 */
class CommandLineWordsTest {
    /** A flag inside a string literal ("--timeout", "use --server NAME"), or talk of exit codes. */
    private static final Pattern COMMAND_LINE_WORDS =
            Pattern.compile("\"([^\"]*[\\s(])?--[a-z][a-z-]+|exitCode|[Ee]xit code");

    @Test
    void engineAndLabMainCodeNeverNameAFlagOrAnExitCode() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("mailcert-core", "mailcert-lab")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (COMMAND_LINE_WORDS.matcher(lines.get(i)).find()) {
                            found.add(file.getFileName() + ":" + (i + 1) + ": "
                                    + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
