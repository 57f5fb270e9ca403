package dev.mailcert.report;

import dev.mailcert.BadInputException;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.diagnose.Diagnosis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the configuration files of one checked domain into a directory, each format under the
 * name it is published or installed by: what {@code check --write-config} and a fleet scan share.
 */
public final class ClientConfigDirectory {

    /** The files written, and what could not be written or what a format cannot express, in plain words. */
    public record Written(List<Path> files, List<String> notes) {
        public Written {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    private ClientConfigDirectory() {}

    /**
     * Writes every format the check's target allows into {@code dir}, which must exist. A format
     * that needs an address is skipped for a bare domain, with a note.
     */
    public static Written write(ClientConfig config, Diagnosis d, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String domain = d.request().target().domain().value();
        for (ConfigFormat format : ConfigFormat.values()) {
            String text;
            try {
                text = ClientConfigFiles.render(format, config, d);
            } catch (BadInputException e) {
                notes.add("Not written: " + format.id() + ": " + e.getMessage());
                continue;
            }
            Path file = dir.resolve(format.fileName(domain));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            files.add(file);
            ClientConfigFiles.limitations(format, config)
                    .forEach(line -> notes.add("Note (" + format.id() + "): " + line));
        }
        return new Written(files, notes);
    }
}
