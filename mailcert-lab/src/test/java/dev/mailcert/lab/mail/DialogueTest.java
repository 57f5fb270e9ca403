package dev.mailcert.lab.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.lab.mail.Dialogue.Next;
import dev.mailcert.lab.mail.Dialogue.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialogueTest {

    /** Columns: TLS active, STARTTLS offered, command, reply lines joined by '|', next step. */
    @ParameterizedTest(name = "imap tls={0} offered={1}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            false; true;  a CAPABILITY;   * CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED|a OK CAPABILITY completed; CONTINUE
            false; false; a CAPABILITY;   * CAPABILITY IMAP4rev1 LOGINDISABLED|a OK CAPABILITY completed; CONTINUE
            true;  true;  a capability;   * CAPABILITY IMAP4rev1 AUTH=PLAIN|a OK CAPABILITY completed; CONTINUE
            false; true;  b STARTTLS;     b OK Begin TLS negotiation now; START_TLS
            false; false; b STARTTLS;     b BAD STARTTLS not available; CONTINUE
            true;  true;  b STARTTLS;     b BAD STARTTLS not available; CONTINUE
            false; true;  c LOGIN a b;    c NO [PRIVACYREQUIRED] Log in only after STARTTLS; CONTINUE
            true;  true;  c LOGIN a b;    c NO [AUTHENTICATIONFAILED] Authentication failed; CONTINUE
            true;  true;  d AUTHENTICATE PLAIN; d NO [AUTHENTICATIONFAILED] Authentication failed; CONTINUE
            false; true;  e NOOP;         e OK NOOP completed; CONTINUE
            false; true;  f LOGOUT;       * BYE Logging out|f OK LOGOUT completed; CLOSE
            false; true;  g SELECT INBOX; g BAD Unknown command; CONTINUE
            false; true;  h;              h BAD Missing command; CONTINUE
            false; true;  '';             * BAD Missing or invalid tag; CONTINUE
            false; true;  '(x CAPABILITY'; * BAD Missing or invalid tag; CONTINUE
            """)
    void imap(boolean tls, boolean offered, String command, String lines, Next next) {
        assertReply(new ImapDialogue(tls, offered).answer(command), lines, next);
    }

    @ParameterizedTest(name = "pop3 tls={0} offered={1}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            false; true;  CAPA;       +OK Capability list follows|TOP|UIDL|RESP-CODES|AUTH-RESP-CODE|STLS|.; CONTINUE
            false; false; CAPA;       +OK Capability list follows|TOP|UIDL|RESP-CODES|AUTH-RESP-CODE|.; CONTINUE
            true;  true;  capa;       +OK Capability list follows|TOP|UIDL|RESP-CODES|AUTH-RESP-CODE|USER|SASL PLAIN|.; CONTINUE
            false; true;  STLS;       +OK Begin TLS negotiation; START_TLS
            false; false; STLS;       -ERR STLS not available; CONTINUE
            true;  true;  STLS;       -ERR Command not permitted when TLS active; CONTINUE
            false; true;  USER alice; -ERR [AUTH] Plaintext authentication disallowed; CONTINUE
            true;  true;  PASS secret; -ERR [AUTH] Authentication failed; CONTINUE
            false; true;  QUIT;       +OK Bye; CLOSE
            false; true;  RETR 1;     -ERR Unknown command; CONTINUE
            false; true;  '';         -ERR Unknown command; CONTINUE
            """)
    void pop3(boolean tls, boolean offered, String command, String lines, Next next) {
        assertReply(new Pop3Dialogue(tls, offered).answer(command), lines, next);
    }

    @ParameterizedTest(name = "smtp tls={0} offered={1}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            false; true;  EHLO client.example; 250-mx.lab.example|250-SIZE 10240000|250-STARTTLS|250 8BITMIME; CONTINUE
            false; false; EHLO client.example; 250-mx.lab.example|250-SIZE 10240000|250 8BITMIME; CONTINUE
            true;  true;  ehlo client.example; 250-mx.lab.example|250-SIZE 10240000|250-AUTH PLAIN|250 8BITMIME; CONTINUE
            false; true;  EHLO;                501 5.5.4 Syntax: EHLO hostname; CONTINUE
            false; true;  HELO client.example; 250 mx.lab.example; CONTINUE
            false; true;  STARTTLS;            220 2.0.0 Ready to start TLS; START_TLS
            false; true;  STARTTLS now;        501 5.5.4 Syntax: STARTTLS; CONTINUE
            false; false; STARTTLS;            502 5.5.1 Error: command not implemented; CONTINUE
            true;  true;  STARTTLS;            554 5.5.1 Error: TLS already active; CONTINUE
            false; true;  AUTH PLAIN AGFsaWNlAHNlY3JldA==; 530 5.7.0 Must issue a STARTTLS command first; CONTINUE
            true;  true;  AUTH PLAIN AGFsaWNlAHNlY3JldA==; 535 5.7.8 Authentication credentials invalid; CONTINUE
            true;  true;  MAIL FROM:<a@b.example>; 530 5.7.0 Authentication required; CONTINUE
            false; true;  NOOP;                250 2.0.0 OK; CONTINUE
            false; true;  QUIT;                221 2.0.0 Bye; CLOSE
            false; true;  VRFY alice;          500 5.5.2 Error: command not recognized; CONTINUE
            """)
    void smtp(boolean tls, boolean offered, String command, String lines, Next next) {
        assertReply(new SmtpDialogue(tls, offered, "mx.lab.example").answer(command), lines, next);
    }

    @ParameterizedTest(name = "{0}: implicit TLS={1}")
    @CsvSource(delimiter = ';', textBlock = """
            IMAP_STARTTLS; * OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready
            IMAP_TLS;      * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
            POP3_STARTTLS; +OK POP3 ready
            POP3_TLS;      +OK POP3 ready
            SMTP_STARTTLS; 220 mx.lab.example ESMTP ready
            SMTP_TLS;      220 mx.lab.example ESMTP ready
            """)
    void greetings(MailService service, String greeting) {
        assertThat(service.newDialogue(true, "mx.lab.example").greeting()).isEqualTo(greeting);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            IMAP_STARTTLS; a STARTTLS; a CAPABILITY; * CAPABILITY IMAP4rev1 AUTH=PLAIN
            POP3_STARTTLS; STLS;       CAPA;         +OK Capability list follows
            SMTP_STARTTLS; STARTTLS;   EHLO c.example; 250-mx.lab.example
            """)
    void afterStarttlsTheUpgradeIsNoLongerOffered(MailService service, String upgrade, String ask, String firstLine) {
        Dialogue dialogue = service.newDialogue(true, "mx.lab.example");
        assertThat(dialogue.answer(upgrade).next()).isEqualTo(Next.START_TLS);
        dialogue.tlsStarted();

        Reply reply = dialogue.answer(ask);

        assertThat(reply.lines().get(0)).isEqualTo(firstLine);
        assertThat(String.join("\n", reply.lines())).doesNotContain("STARTTLS").doesNotContain("STLS");
        assertThat(dialogue.answer(upgrade).next()).isEqualTo(Next.CONTINUE);
    }

    private static void assertReply(Reply reply, String lines, Next next) {
        assertThat(String.join("|", reply.lines())).isEqualTo(lines);
        assertThat(reply.next()).isEqualTo(next);
    }
}
