package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one command accepts, as plain data: its positional parameters and its options, for parsing
 * and for {@code --help}. Declared in code rather than read from annotations: reading annotations
 * makes the JDK generate a proxy class per annotation type and costs a one-shot command about a
 * tenth of a second of CPU (bench/README.md).
 *
 * <p>The grammar is the common one: {@code --name VALUE} or {@code --name=VALUE}; flags take no
 * value; {@code --} ends the options; {@code -h}/{@code --help} and {@code -V}/{@code --version}
 * anywhere answer at once. Refusals are one line each, worded as the earlier picocli command line
 * worded them, so that scripts matching them keep working.
 */
record CommandSpec(String name, List<String> description, List<Parameter> parameters, List<Option> options) {
    static final String VERSION = "mailcert 0.1.0";

    /** The help rows of the options every command and {@code mailcert} itself take. */
    static final List<String[]> STANDARD_ROWS = List.of(
            new String[] {"  -h, --help", "Show this help message and exit."},
            new String[] {"  -V, --version", "Print version information and exit."});

    private static final int WIDTH = 80;

    /** A positional parameter; every one is required. */
    record Parameter(String label, String description) {}

    /**
     * An option. {@code label} names its value in help ({@code HOST}); a flag has none. A value
     * option may have a default, be required, or take its value optionally ({@code fallback} when
     * given bare, as {@code serve --lab}).
     */
    record Option(
            String name,
            @Nullable String label,
            String description,
            @Nullable String defaultValue,
            boolean required,
            @Nullable String fallback) {

        static Option flag(String name, String description) {
            return new Option(name, null, description, null, false, null);
        }

        static Option value(String name, String label, String description) {
            return new Option(name, label, description, null, false, null);
        }

        Option withDefault(String value) {
            return new Option(name, label, description, value, required, fallback);
        }

        Option asRequired() {
            return new Option(name, label, description, defaultValue, true, fallback);
        }

        /** The value may be left out, as in {@code --lab}; then it is {@code value}. */
        Option withOptionalValue(String value) {
            return new Option(name, label, description, defaultValue, required, value);
        }

        boolean takesValue() {
            return label != null;
        }

        String synopsis() {
            if (label == null) {
                return name;
            }
            return fallback != null ? name + "[=" + label + "]" : name + "=" + label;
        }
    }

    CommandSpec {
        description = List.copyOf(description);
        parameters = List.copyOf(parameters);
        options = List.copyOf(options);
    }

    static CommandSpec of(String name, String description, List<Parameter> parameters, List<Option> options) {
        return new CommandSpec(name, List.of(description), parameters, options);
    }

    /** What {@code args} (the words after the command's name, the first at {@code index} of the whole line) ask. */
    Request parse(List<String> args, int index) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int firstExtra = -1;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (!optionsEnded && isHelpOrVersion(word)) {
                // -hV as picocli clusters it: help first
                return word.contains("h") || word.equals("--help")
                        ? new Request.Help(help())
                        : new Request.Version(VERSION);
            }
            if (optionsEnded || !word.startsWith("-") || word.length() == 1) {
                if (positional.size() == parameters.size() && firstExtra < 0) {
                    firstExtra = index + i;
                }
                positional.add(word);
                continue;
            }
            int equals = word.indexOf('=');
            String optionName = equals > 0 ? word.substring(0, equals) : word;
            Optional<Option> declared = option(optionName);
            if (declared.isEmpty()) {
                unknown.add(word);
                continue;
            }
            Option option = declared.get();
            if (values.containsKey(option.name())) {
                throw new BadInputException("option '" + option.name() + "' ("
                        + (option.label() == null ? "flag" : option.label()) + ") should be specified only once");
            }
            if (!option.takesValue()) {
                String value = equals > 0 ? word.substring(equals + 1) : "true";
                if (value.equals("false")) {
                    continue;
                }
                if (!value.equals("true")) {
                    throw new BadInputException(
                            "option '" + option.name() + "' is a flag: true or false, not " + value);
                }
                values.put(option.name(), "true");
            } else if (equals > 0) {
                values.put(option.name(), word.substring(equals + 1));
            } else if (option.fallback() != null) {
                boolean valueFollows = i + 1 < args.size() && !args.get(i + 1).startsWith("-");
                values.put(option.name(), valueFollows ? args.get(++i) : option.fallback());
            } else if (i + 1 < args.size()) {
                String value = args.get(++i);
                if (isOption(value)) {
                    throw new BadInputException("Expected parameter for option '" + option.name() + "' ("
                            + option.label() + ") but found '" + value + "'");
                }
                values.put(option.name(), value);
            } else {
                throw new BadInputException(
                        "Missing required parameter for option '" + option.name() + "' (" + option.label() + ")");
            }
        }
        if (!unknown.isEmpty()) {
            List<String> all = new ArrayList<>(unknown);
            all.addAll(positional.subList(Math.min(positional.size(), parameters.size()), positional.size()));
            throw new BadInputException((all.size() == 1 ? "Unknown option: " : "Unknown options: ")
                    + String.join(", ", all.stream().map(w -> "'" + w + "'").toList()));
        }
        if (firstExtra >= 0) {
            throw new BadInputException(
                    "Unmatched argument at index " + firstExtra + ": '" + positional.get(parameters.size()) + "'");
        }
        for (Option option : options) {
            if (option.required() && !values.containsKey(option.name())) {
                throw new BadInputException("Missing required option: '" + option.synopsis() + "'");
            }
        }
        if (positional.size() < parameters.size()) {
            throw new BadInputException("Missing required parameter: '"
                    + parameters.get(positional.size()).label() + "'");
        }
        return new Request.Run(new Arguments(this, values, positional));
    }

    /** -h, --help, -V, --version, or short ones clustered (-hV). */
    private static boolean isHelpOrVersion(String word) {
        return word.equals("--help") || word.equals("--version") || word.matches("-[hV]+");
    }

    /**
     * True when {@code word}, found where an option's value belongs, is an option instead: a value
     * forgotten on the command line must not swallow the next option. Words such as {@code -1} or
     * {@code -} are values.
     */
    private boolean isOption(String word) {
        int equals = word.indexOf('=');
        String name = equals > 0 ? word.substring(0, equals) : word;
        return option(name).isPresent() || isHelpOrVersion(word) || word.startsWith("--");
    }

    Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** What {@code mailcert NAME --help} prints. */
    String help() {
        StringBuilder usage = new StringBuilder("Usage: mailcert " + name + " [-hV]");
        for (Option option : options) {
            usage.append(option.required() ? " " + option.synopsis() : " [" + option.synopsis() + "]");
        }
        parameters.forEach(p -> usage.append(' ').append(p.label()));
        StringBuilder help = new StringBuilder();
        wrap(help, usage.toString(), "", "        ");
        description.forEach(line -> wrap(help, line, "", ""));
        List<String[]> rows = new ArrayList<>();
        parameters.forEach(p -> rows.add(new String[] {"      " + p.label(), p.description()}));
        for (Option option : options) {
            String text = option.defaultValue() == null
                    ? option.description()
                    : option.description().replace("${DEFAULT-VALUE}", option.defaultValue());
            rows.add(new String[] {"      " + option.synopsis(), text});
        }
        rows.addAll(STANDARD_ROWS);
        table(help, rows);
        return help.toString();
    }

    /** Left column, then the text wrapped beside it (on the next line when the left one is too wide). */
    static void table(StringBuilder out, List<String[]> rows) {
        int left = Math.min(rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 2, WIDTH / 2);
        String indent = " ".repeat(left);
        for (String[] row : rows) {
            if (row[0].length() + 2 > left) {
                out.append(row[0]).append('\n');
                wrap(out, row[1], indent, indent);
            } else {
                wrap(out, row[1], row[0] + " ".repeat(left - row[0].length()), indent);
            }
        }
    }

    /**
     * {@code text} in lines of at most {@value #WIDTH} columns where words allow, {@code first} in
     * front of the first line and {@code rest} in front of the others.
     */
    static void wrap(StringBuilder out, String text, String first, String rest) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(rest);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }

    /** What the command line asks for: help, the version, or a run with these arguments. */
    sealed interface Request {
        record Help(String text) implements Request {}

        record Version(String text) implements Request {}

        record Run(Arguments arguments) implements Request {}
    }
}
