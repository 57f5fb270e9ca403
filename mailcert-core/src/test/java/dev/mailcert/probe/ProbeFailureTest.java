package dev.mailcert.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateParsingException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeFailureTest {

    @ParameterizedTest(name = "{0} {1} deadline={2} greeted={3} -> {4}")
    @CsvSource(textBlock = """
            CONNECT,   refused,   false, false, REFUSED
            CONNECT,   noroute,   false, false, REFUSED
            CONNECT,   timeout,   false, false, TIMEOUT
            CONNECT,   refused,   true,  false, TIMEOUT
            DIALOGUE,  eof,       false, false, REFUSED
            DIALOGUE,  reset,     false, false, REFUSED
            DIALOGUE,  eof,       false, true,  PROTOCOL_ERROR
            DIALOGUE,  reset,     false, true,  PROTOCOL_ERROR
            DIALOGUE,  violation, false, true,  PROTOCOL_ERROR
            DIALOGUE,  timeout,   false, true,  TIMEOUT
            DIALOGUE,  closed,    true,  true,  TIMEOUT
            DIALOGUE,  runtime,   false, true,  PROTOCOL_ERROR
            HANDSHAKE, ssl,       false, false, TLS_FAILED
            HANDSHAKE, eof,       false, false, TLS_FAILED
            HANDSHAKE, reset,     false, true,  TLS_FAILED
            HANDSHAKE, timeout,   false, false, TIMEOUT
            HANDSHAKE, closed,    true,  false, TIMEOUT
            HANDSHAKE, runtime,   false, false, TLS_FAILED
            """)
    void outcomeDependsOnStageAndException(
            ProbeStage stage, String kind, boolean deadlinePassed, boolean greeted, Outcome expected) {
        Exception e = switch (kind) {
            case "refused" -> new ConnectException("Connection refused");
            case "noroute" -> new NoRouteToHostException("No route to host");
            case "timeout" -> new SocketTimeoutException("Read timed out");
            case "eof" -> new EOFException();
            case "reset" -> new SocketException("Connection reset");
            case "closed" -> new SocketException("Socket closed");
            case "violation" -> new ProtocolViolation("server sent a line longer than 4096 bytes");
            case "ssl" -> new SSLHandshakeException("Unsupported or unrecognized SSL message");
            case "runtime" -> new IllegalStateException("odd");
            default -> throw new IllegalArgumentException(kind);
        };

        ProbeFailure failure = ProbeFailure.of(stage, e, deadlinePassed, greeted);

        assertThat(failure.outcome()).isEqualTo(expected);
        assertThat(failure.detail()).isNotBlank();
    }

    @Test
    void certificateTheJdkCannotReadIsSaidToBeInvalidX509() {
        SSLHandshakeException refused = new SSLHandshakeException("Failed to parse server certificates");
        refused.initCause(new CertificateParsingException(new IOException("Duplicate extensions not allowed")));

        ProbeFailure failure = ProbeFailure.of(ProbeStage.HANDSHAKE, refused, false, true);

        assertThat(failure.outcome()).isEqualTo(Outcome.TLS_FAILED);
        assertThat(failure.detail())
                .isEqualTo("TLS handshake failed: the server sent a certificate that is DER but"
                        + " breaks X.509, so no client accepts it (invalid-chain): Duplicate extensions not allowed");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            mail.example.com,       mail.example.com
            MAIL.Example.COM.,      mail.example.com
            xn--bcher-kva.example,  xn--bcher-kva.example
            localhost,              localhost
            192.0.2.1,              ''
            ::1,                    ''
            bad_name.example,       ''
            -dash.example,          ''
            """)
    void serverName_onlyHostNamesAreSentAsSni(String sni, String expected) {
        assertThat(TlsUpgrade.serverName(sni).map(n -> n.getAsciiName()).orElse(""))
                .isEqualTo(expected);
    }
}
