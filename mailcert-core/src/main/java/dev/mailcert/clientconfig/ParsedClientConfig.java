package dev.mailcert.clientconfig;

import java.util.List;

/**
 * A configuration read from a file, with notes on what was left out or interpreted: a server
 * entry skipped because its port is not a number, its socket type is unknown or it names no host;
 * an Autodiscover "Auto" encryption taken as implicit TLS or STARTTLS by its port. Entries of
 * other protocols (Exchange, EWS, ActiveSync) are ignored without a note: mailcert does not
 * check them.
 */
public record ParsedClientConfig(ClientConfig config, List<String> notes) {

    public ParsedClientConfig {
        notes = List.copyOf(notes);
    }
}
