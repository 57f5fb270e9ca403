package dev.mailcert.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.clientconfig.ClientConfigException;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.discover.DiscoveryPath.Result;
import dev.mailcert.discover.WebResponse.Kind;
import dev.mailcert.probe.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebPathOutcomeTest {
    private static final String URL = "https://autoconfig.customer.example/mail/config-v1.1.xml";
    private static final ServerSetting IMAP =
            new ServerSetting(Protocol.IMAP, "mail.customer.example", 993, SocketType.SSL);

    /** Stands for a reader: "good" parses to one server, "empty" to none, anything else is not a file. */
    private static final Function<byte[], ClientConfig> READER =
            body -> switch (new String(body, StandardCharsets.UTF_8)) {
                case "good" -> new ClientConfig("p", "P", List.of(), List.of(IMAP), List.of());
                case "empty" -> new ClientConfig("p", "P", List.of(), List.of(), List.of());
                default -> throw new ClientConfigException("no clientConfig element");
            };

    @ParameterizedTest
    @CsvSource(textBlock = """
            ANSWERED,     200, good,  FOUND,     names imap mail.customer.example:993
            ANSWERED,     200, empty, NOT_FOUND, names no server
            ANSWERED,     200, junk,  FAILED,    not a valid autoconfig file: no clientConfig element
            ANSWERED,     404, '',    NOT_FOUND, HTTP 404
            ANSWERED,     401, '',    NOT_FOUND, never sends credentials
            ANSWERED,     500, '',    FAILED,    HTTP 500
            NO_SUCH_HOST, 0,   '',    NOT_FOUND, the detail
            REFUSED,      0,   '',    NOT_FOUND, the detail
            FAILED,       0,   '',    FAILED,    the detail
            TIMEOUT,      0,   '',    TIMEOUT,   the detail
            """)
    void responseDecidesTheOutcome(Kind kind, int status, String body, Result outcome, String detail) {
        WebResponse response = kind == Kind.ANSWERED
                ? WebResponse.answered(status, body.getBytes(StandardCharsets.UTF_8), URL)
                : WebResponse.unanswered(kind, URL, "the detail");
        DiscoveryPath path = WebPathOutcome.of(DiscoverySource.AUTOCONFIG, URL, response, READER, "autoconfig");
        assertThat(path.outcome()).isEqualTo(outcome);
        assertThat(path.detail()).contains(detail);
        assertThat(path.servers()).hasSize(outcome == Result.FOUND ? 1 : 0);
    }

    @org.junit.jupiter.api.Test
    void aRedirectIsNamedInTheDetail() {
        WebResponse response = WebResponse.answered(200, "good".getBytes(StandardCharsets.UTF_8), URL + "?v=2");
        assertThat(WebPathOutcome.of(DiscoverySource.AUTOCONFIG, URL, response, READER, "autoconfig")
                        .detail())
                .endsWith("(after a redirect to " + URL + "?v=2)");
    }
}
