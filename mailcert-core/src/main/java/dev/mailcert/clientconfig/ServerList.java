package dev.mailcert.clientconfig;

import dev.mailcert.probe.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The servers a reader collects from one file, in file order, with notes on entries it left out.
 * Like Thunderbird, a file is usable only with at least one incoming and one outgoing server.
 */
final class ServerList {
    /** Real files list up to about six servers; more is not a mail configuration. */
    static final int MAX_ENTRIES = 64;

    private final String kind;
    private final List<ServerSetting> incoming = new ArrayList<>();
    private final List<ServerSetting> outgoing = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ServerList(String kind) {
        this.kind = kind;
    }

    /** Rejects a file with more server entries than any real configuration has. */
    void checkCount(int entries) {
        if (entries > MAX_ENTRIES) {
            throw new ClientConfigException(
                    "%s: %d server entries, more than the %d accepted".formatted(kind, entries, MAX_ENTRIES));
        }
    }

    void add(ServerSetting server) {
        switch (server.protocol()) {
            case IMAP, POP3 -> incoming.add(server);
            case SMTP -> outgoing.add(server);
        }
    }

    void skip(String where, String reason) {
        notes.add("skipped " + where + ": " + reason);
    }

    void note(String note) {
        notes.add(note);
    }

    /** A TCP port written as decimal digits, 1 to 65535; empty for anything else. */
    static OptionalInt port(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    static String portProblem(String text) {
        return text.isEmpty() ? "no port" : "port " + UntrustedXml.quoted(text) + " is not a number from 1 to 65535";
    }

    ParsedClientConfig finish(String providerId, String displayName, List<String> domains) {
        String skipped = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
        if (incoming.isEmpty()) {
            throw new ClientConfigException(kind + ": no usable incoming server (IMAP or POP3)" + skipped);
        }
        if (outgoing.isEmpty()) {
            throw new ClientConfigException(kind + ": no usable outgoing server (SMTP)" + skipped);
        }
        return new ParsedClientConfig(new ClientConfig(providerId, displayName, domains, incoming, outgoing), notes);
    }

    static String where(String element, int index, Protocol protocol) {
        return "%s #%d (%s)".formatted(element, index, protocol.id());
    }
}
