package dev.mailcert.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plaintext dialogues against scripted replies. In the tables "~" separates lines; the
 * expectation is "go-ahead", "unavailable: words" or "violation: words", and the commands are the
 * lines the client sent, in order.
 */
class StartTlsDialogueTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', textBlock = """
            * OK [CAPABILITY IMAP4rev1 STARTTLS] hi~a2 OK go                 ; a2 STARTTLS                ; go-ahead
            * OK hi~* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED~a1 OK done~a2 OK go ; a1 CAPABILITY~a2 STARTTLS ; go-ahead
            * ok [capability imap4rev1 starttls] hi~a2 ok go                 ; a2 STARTTLS                ; go-ahead
            * OK [CAPABILITY STARTTLS] hi~* OK still here~a2 OK go           ; a2 STARTTLS                ; go-ahead
            * OK hi~* CAPABILITY IMAP4rev1 AUTH=PLAIN~a1 OK done             ; a1 CAPABILITY              ; unavailable: does not advertise STARTTLS
            * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi                        ;                            ; unavailable: does not advertise STARTTLS
            * OK hi~a1 NO not now                                            ; a1 CAPABILITY              ; unavailable: answered CAPABILITY with an error
            * PREAUTH welcome back                                           ;                            ; unavailable: PREAUTH
            * OK [CAPABILITY STARTTLS] hi~a2 NO no TLS today                 ; a2 STARTTLS                ; unavailable: answered STARTTLS with an error: a2 NO no TLS today
            * OK [CAPABILITY STARTTLS] hi~a2 BAD unknown command             ; a2 STARTTLS                ; unavailable: answered STARTTLS with an error: a2 BAD
            * BYE too many connections                                       ;                            ; violation: refused the session in its greeting: * BYE too many connections
            HTTP/1.1 400 Bad Request                                         ;                            ; violation: not an IMAP greeting
            * OK [CAPABILITY STARTTLS] hi~a9 OK confused                     ; a2 STARTTLS                ; violation: unexpected line
            * OK [CAPABILITY STARTTLS] hi~* BYE shutting down                ; a2 STARTTLS                ; violation: ended the session
            * OK [CAPABILITY STARTTLS] hi~+ go on                            ; a2 STARTTLS                ; violation: unexpected line
            """)
    void imap(String replies, String commands, String expected) {
        assertDialogue(new ImapStartTls(), replies, commands, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', textBlock = """
            +OK hi~+OK~STLS~USER~.~+OK go                                    ; CAPA~STLS ; go-ahead
            +OK hi~+OK capabilities follow~stls~.~+OK                        ; CAPA~STLS ; go-ahead
            +OK hi~-ERR unknown command~+OK go                               ; CAPA~STLS ; go-ahead
            +OK hi~-ERR unknown command~-ERR unknown command                 ; CAPA~STLS ; unavailable: answered STLS with an error: -ERR unknown command
            +OK hi~+OK~USER~SASL PLAIN~.                                     ; CAPA      ; unavailable: does not advertise STLS
            +OK hi~+OK~STLS~.~-ERR not now                                   ; CAPA~STLS ; unavailable: answered STLS with an error
            -ERR busy                                                        ;           ; violation: refused the session in its greeting: -ERR busy
            +OKAY hi                                                         ;           ; violation: not a POP3 greeting
            * OK IMAP here                                                   ;           ; violation: not a POP3 greeting
            +OK hi~what?                                                     ; CAPA      ; violation: unexpected reply to CAPA
            +OK hi~+OK~STLS~.~maybe                                          ; CAPA~STLS ; violation: unexpected reply to STLS
            """)
    void pop3(String replies, String commands, String expected) {
        assertDialogue(new Pop3StartTls(), replies, commands, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', textBlock = """
            220-mx ESMTP~220 ready~250-mx~250-PIPELINING~250 STARTTLS~220 go ; EHLO mailcert.invalid~STARTTLS ; go-ahead
            220 ready~250-mx~250 starttls~220 2.0.0 Ready to start TLS       ; EHLO mailcert.invalid~STARTTLS ; go-ahead
            220~250-mx~250 STARTTLS~220                                      ; EHLO mailcert.invalid~STARTTLS ; go-ahead
            220 ready~250-mx~250 SIZE 1000                                   ; EHLO mailcert.invalid          ; unavailable: does not advertise STARTTLS
            220 ready~250 mx                                                 ; EHLO mailcert.invalid          ; unavailable: does not advertise STARTTLS
            220 ready~250-mx~250 XSTARTTLS                                   ; EHLO mailcert.invalid          ; unavailable: does not advertise STARTTLS
            220 ready~250-mx~250 STARTTLS~454 4.7.0 TLS not available        ; EHLO mailcert.invalid~STARTTLS ; unavailable: answered STARTTLS with an error: 454 4.7.0 TLS not available
            220 ready~250-mx~250 STARTTLS~554 no                             ; EHLO mailcert.invalid~STARTTLS ; unavailable: answered STARTTLS with an error: 554
            220 ready~502 5.5.1 command not implemented                      ; EHLO mailcert.invalid          ; unavailable: answered EHLO with an error: 502
            554 no SMTP service here                                         ;                                ; violation: refused the session in its greeting: 554 no SMTP service here
            220-a~250 b                                                      ;                                ; violation: different codes
            hello                                                            ;                                ; violation: not an SMTP reply line
            220 ready~250-mx~250 STARTTLS~250 ok                             ; EHLO mailcert.invalid~STARTTLS ; violation: unexpected reply to STARTTLS
            """)
    void smtp(String replies, String commands, String expected) {
        assertDialogue(new SmtpStartTls(), replies, commands, expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            250,          250
            250 ok,       250
            250-SIZE 10,  250
            554 no,       554
            25,           -1
            2500,         -1
            250x,         -1
            abc,          -1
            150 early,    -1
            600 late,     -1
            """)
    void smtpReplyCode(String line, int code) {
        assertThat(SmtpReply.codeOf(line)).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            STLS,               STLS
            stls,               STLS
            SASL PLAIN LOGIN,   SASL
            ..STLS,             .STLS
            """)
    void pop3CapabilityName(String line, String name) {
        assertThat(Pop3StartTls.capabilityName(line)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '* OK [CAPABILITY IMAP4rev1 STARTTLS] hi',  true
            '* OK [capability imap4rev1 starttls] hi',  true
            '* OK [CAPABILITY IMAP4rev1] hi',           false
            '* OK [CAPABILITY STARTTLS hi',             false
            '* OK hi STARTTLS',                         false
            """)
    void imapGreetingCapabilities(String greeting, boolean hasStartTls) {
        assertThat(ImapStartTls.capabilitiesInGreeting(greeting)
                        .map(c -> c.contains("STARTTLS"))
                        .orElse(false))
                .isEqualTo(hasStartTls);
    }

    private static void assertDialogue(StartTlsDialogue dialogue, String replies, String commands, String expected) {
        byte[] input = (replies.replace("~", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        PlaintextChannel channel = new PlaintextChannel(
                new ResponseLineReader(new ByteArrayInputStream(input), 4096, 100, 64 * 1024), sent);

        String outcome;
        try {
            outcome = switch (dialogue.negotiate(channel)) {
                case Negotiation.GoAhead g -> "go-ahead";
                case Negotiation.Unavailable u -> "unavailable: " + u.reason();
            };
        } catch (ProtocolViolation v) {
            outcome = "violation: " + v.getMessage();
        } catch (java.io.IOException e) {
            outcome = "io: " + e;
        }

        String expectedKind =
                expected.substring(0, expected.indexOf(':') < 0 ? expected.length() : expected.indexOf(':'));
        assertThat(outcome).startsWith(expectedKind);
        if (expected.contains(": ")) {
            assertThat(outcome).contains(expected.substring(expected.indexOf(": ") + 2));
        }
        String expectedCommands = commands == null ? "" : commands.replace("~", "\r\n") + "\r\n";
        assertThat(sent.toString(StandardCharsets.US_ASCII)).isEqualTo(expectedCommands);
    }
}
