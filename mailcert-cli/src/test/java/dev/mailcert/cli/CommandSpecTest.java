package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.BadInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandSpecTest {
    private static final CommandSpec SPEC = CommandSpec.of(
            "try",
            "A command to try the grammar on.",
            List.of(new CommandSpec.Parameter("TARGET", "What to try.")),
            List.of(
                    CommandSpec.Option.value("--server", "HOST", "A host."),
                    CommandSpec.Option.value("--timeout", "SECONDS", "At most (default: ${DEFAULT-VALUE}).")
                            .withDefault("20"),
                    CommandSpec.Option.value("--host", "NAME", "Required.").asRequired(),
                    CommandSpec.Option.value("--lab", "SCENARIO", "Optional value.")
                            .withOptionalValue("shared-hosting"),
                    CommandSpec.Option.flag("--json", "A flag.")));

    private static CommandSpec.Request parse(String line) {
        return SPEC.parse(line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+")), 1);
    }

    private static Arguments arguments(String line) {
        return ((CommandSpec.Request.Run) parse(line)).arguments();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # words                                        | server   | timeout | lab            | json  | target
            t --host h                                     |          | 20      |                | false | t
            t --host h --server mail.example --timeout 5   | mail.example | 5   |                | false | t
            --host=h --server=mail.example t               | mail.example | 20  |                | false | t
            t --host h --json                              |          | 20      |                | true  | t
            t --host h --lab                               |          | 20      | shared-hosting | false | t
            t --host h --lab fleet:10                      |          | 20      | fleet:10       | false | t
            t --host h --lab --json                        |          | 20      | shared-hosting | true  | t
            t --host h --lab=x                             |          | 20      | x              | false | t
            --host h --port-less -- -t                     |          |         |                |       |
            --host h -- -t                                 |          | 20      |                | false | -t
            t --host h --timeout -1                        |          | -1      |                | false | t
            t --host h --json=true                         |          | 20      |                | true  | t
            t --host h --json=false                        |          | 20      |                | false | t
            t --host h --server -                          | -        | 20      |                | false | t
            """)
    void readsWhatTheWordsSay(String line, String server, String timeout, String lab, String json, String target) {
        if (json == null) {
            assertThatThrownBy(() -> parse(line)).isInstanceOf(BadInputException.class);
            return;
        }
        Arguments arguments = arguments(line);

        assertThat(arguments.string("--server")).isEqualTo(server);
        assertThat(arguments.integer("--timeout")).isEqualTo(Integer.parseInt(timeout));
        assertThat(arguments.string("--lab")).isEqualTo(lab);
        assertThat(arguments.flag("--json")).isEqualTo(Boolean.parseBoolean(json));
        assertThat(arguments.parameter(0)).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --host h                           | Missing required parameter: 'TARGET'
            t                                  | Missing required option: '--host=NAME'
            t --host h --bogus                 | Unknown option: '--bogus'
            t --host h --bogus x --other       | Unknown options: '--bogus', '--other', 'x'
            t u --host h                       | Unmatched argument at index 2: 'u'
            t --host h --server                | Missing required parameter for option '--server' (HOST)
            t --host h --host i                | option '--host' (NAME) should be specified only once
            t --host h --json=yes              | option '--json' is a flag: true or false, not yes
            t --host h --server --json         | Expected parameter for option '--server' (HOST) but found '--json'
            t --host --server x                | Expected parameter for option '--host' (NAME) but found '--server'
            t --host h --server --bogus        | Expected parameter for option '--server' (HOST) but found '--bogus'
            """)
    void refusesInOneLine(String line, String message) {
        assertThatThrownBy(() -> parse(line))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aValueThatIsNoNumberNamesItsOption() {
        Arguments arguments = arguments("t --host h --timeout soon");

        assertThatThrownBy(() -> arguments.integer("--timeout"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Invalid value for option '--timeout': 'soon' is not an int");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help", "t --help", "t --host h -h", "--bogus --help", "-hV", "-Vh"})
    void helpAnswersWherever(String line) {
        assertThat(parse(line)).isInstanceOf(CommandSpec.Request.Help.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-V", "--version", "t --host h --version", "-VV"})
    void versionAnswersWherever(String line) {
        assertThat(parse(line)).isEqualTo(new CommandSpec.Request.Version(CommandSpec.VERSION));
    }

    @Test
    void afterTwoHyphensHelpIsAWord() {
        assertThat(arguments("--host h -- --help").parameter(0)).isEqualTo("--help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "inspect", "config", "demo", "lab", "scan", "serve"})
    void everyCommandsHelpShowsEveryOptionWithinEightyColumns(String command) {
        Run run = Run.of(command, "--help");
        CommandSpec spec = MailcertCommand.spec(command);

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(spec).isNotNull();
        assertThat(run.out()).startsWith("Usage: mailcert " + command + " [-hV]");
        spec.options().forEach(o -> assertThat(run.out()).contains(o.synopsis()));
        spec.parameters().forEach(p -> assertThat(run.out()).contains(p.label()));
        assertThat(run.out()).doesNotContain("${DEFAULT-VALUE}");
        // a line may only pass 80 columns where one word is that long
        run.out()
                .lines()
                .filter(l -> l.length() > 80)
                .forEach(l -> assertThat(l.strip()).doesNotContain(" "));
    }

    @Test
    void theToolsHelpListsEveryCommand() {
        Run run = Run.of("--help");

        assertThat(run.code()).isZero();
        MailcertCommand.NAMES.forEach(name -> assertThat(run.out()).contains("  " + name + " "));
        assertThat(Run.of("--version").out()).isEqualTo(CommandSpec.VERSION + "\n");
        assertThat(Run.of("check", "--help").out()).contains("(default: 20)");
    }

    @Test
    void noCommandIsBadUsage() {
        Run run = Run.of();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("mailcert: a command is required");
    }
}
