package dev.mailcert.hostile;

import static dev.mailcert.hostile.HostileCheck.address;
import static dev.mailcert.hostile.HostileCheck.rawControls;
import static dev.mailcert.hostile.HostileCheck.serverAt;
import static dev.mailcert.probe.ScriptedServer.holdOpen;
import static dev.mailcert.probe.ScriptedServer.send;
import static dev.mailcert.probe.ScriptedServer.startTls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.hostile.HostileCheck.Run;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names and words from the network with control characters in them (terminal escapes, line
 * breaks, a right-to-left override): in reverse DNS, in certificate names and in a server's reply.
 * The text report shows them escaped, never raw; the JSON report escapes them as JSON does.
 */
class HostileNamesCheckTest {
    private static final String ESC = "\u001b";
    private static final String RTL_OVERRIDE = "\u202e";

    @Test
    void controlCharactersInPtrCertificateAndReply_neverReachTheTextReportRaw() throws Exception {
        InetAddress address = address("127.0.54.1");
        HostilePki.Issued escapeNames = HostilePki.shared()
                .leaf(
                        "escape names",
                        List.of(
                                "evil" + ESC + "[31m.hostile.test",
                                "line\nbreak.hostile.test",
                                "bell\u0007.hostile.test"));
        HostilePki.Issued oddSubject = HostilePki.shared()
                .leaf("mail" + RTL_OVERRIDE + "tset.elitsoh" + ESC + "]0;owned\u0007\r\nX", List.of());
        // \027 is ESC, \010 a line feed and \226\128\174 the UTF-8 bytes of U+202E, in master-file escapes
        String zone =
                serverAt(address) + "1.54.0.127.in-addr.arpa. PTR evil\\027[2J\\010\\226\\128\\174.hostile.test.\n";
        try (MailPorts ports = MailPorts.on(address)
                .serve(Protocol.IMAP, Security.TLS, startTls(escapeNames.serverContext()), holdOpen())
                .serve(Protocol.POP3, Security.TLS, startTls(oddSubject.serverContext()), holdOpen())
                .serve(Protocol.SMTP, Security.STARTTLS, send("554 " + ESC + "[2J\u009b31m go away\r\n"), holdOpen())
                .start()) {
            Run run = HostileCheck.run("control characters in PTR, certificate and reply", zone);

            assertThat(run.outcome(Protocol.IMAP, Security.TLS)).isEqualTo(Outcome.HANDSHAKE);
            assertThat(run.outcome(Protocol.POP3, Security.TLS)).isEqualTo(Outcome.HANDSHAKE);
            assertThat(run.outcome(Protocol.SMTP, Security.STARTTLS)).isEqualTo(Outcome.PROTOCOL_ERROR);
            String text = run.text();
            assertThat(rawControls(text)).isEmpty();
            // the odd names did reach the report, shown as escapes (a reply detail is escaped twice: "\\u001b")
            assertThat(text)
                    .contains(
                            "evil\\u001b[31m.hostile.test",
                            "line\\u000abreak",
                            "CN=mail\\u202etset",
                            "u001b[2J",
                            "u009b31m go away",
                            "reverse DNS 127.0.54.1 -> evil");
            assertThat(rawControls(String.join("\n", run.advice().why()))).isEmpty();
            assertThat(rawControls(run.advice().headline())).isEmpty();

            JsonNode json = new ObjectMapper().readTree(run.json());
            assertThat(json.get("endpoints"))
                    .anySatisfy(e -> assertThat(e.path("detail").asText()).contains("go away"));
        }
    }
}
