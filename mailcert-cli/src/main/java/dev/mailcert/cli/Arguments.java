package dev.mailcert.cli;

import dev.mailcert.BadInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The words of one command line as its {@link CommandSpec} reads them; each getter names its
 * option when it refuses.
 */
final class Arguments {
    private final CommandSpec spec;
    private final Map<String, String> given;
    private final List<String> parameters;

    Arguments(CommandSpec spec, Map<String, String> given, List<String> parameters) {
        this.spec = spec;
        this.given = Map.copyOf(given);
        this.parameters = List.copyOf(parameters);
    }

    /** The positional parameter at {@code index} (every declared one is present after parsing). */
    String parameter(int index) {
        return parameters.get(index);
    }

    boolean flag(String name) {
        declared(name);
        return given.containsKey(name);
    }

    /** The option's value, else its default, else null. */
    @Nullable
    String string(String name) {
        CommandSpec.Option option = declared(name);
        String value = given.get(name);
        return value != null ? value : option.defaultValue();
    }

    /** An integer option; one without a value and without a default is a mistake in the command's spec. */
    int integer(String name) {
        String value = string(name);
        if (value == null) {
            throw new IllegalStateException(name + " has neither a value nor a default");
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("Invalid value for option '" + name + "': '" + value + "' is not an int");
        }
    }

    @Nullable
    Path path(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadInputException("Invalid value for option '" + name + "': '" + value + "' is not a path");
        }
    }

    /** The positional parameter at {@code index} as a path. */
    Path parameterPath(int index) {
        String value = parameter(index);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadInputException("Invalid value for positional parameter at index " + index + " ("
                    + spec.parameters().get(index).label() + "): '" + value + "' is not a path");
        }
    }

    private CommandSpec.Option declared(String name) {
        return spec.option(name)
                .orElseThrow(() -> new IllegalStateException(spec.name() + " declares no option " + name));
    }
}
