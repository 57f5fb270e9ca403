package dev.mailcert.lab.mail;

import java.util.List;

/**
 * The server side of one plaintext-then-TLS mail conversation, without sockets: a command line
 * goes in, reply lines and what to do next come out. Credentials are never accepted.
 */
sealed interface Dialogue permits ImapDialogue, Pop3Dialogue, SmtpDialogue {

    /** What happens after a reply has been sent. */
    enum Next {
        CONTINUE,
        START_TLS,
        CLOSE
    }

    /** Why the server ends a connection on its own. */
    enum Farewell {
        LINE_TOO_LONG,
        IDLE,
        TOO_MANY_COMMANDS
    }

    record Reply(List<String> lines, Next next) {
        public Reply {
            lines = List.copyOf(lines);
        }

        static Reply of(String line) {
            return new Reply(List.of(line), Next.CONTINUE);
        }
    }

    /** The line sent when the connection opens (or when implicit TLS is up). */
    String greeting();

    Reply answer(String line);

    /** Called once the STARTTLS handshake completed: state learned before TLS is forgotten. */
    void tlsStarted();

    /** The last line sent before the server hangs up for the given reason. */
    String farewell(Farewell reason);
}
