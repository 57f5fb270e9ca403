package dev.mailcert.probe;

import dev.mailcert.Printable;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * What an exception that ended a probe means, as an outcome and a few plain words. The stage
 * decides: a reset while connecting is a refusal, before the greeting it is a refusal too, during
 * the dialogue a protocol error, and during the handshake a TLS failure.
 */
record ProbeFailure(Outcome outcome, String detail) {

    /**
     * @param deadlinePassed the probe's deadline passed (its connection may have been closed because of it)
     * @param greeted        at least one byte arrived from the server before TLS
     */
    static ProbeFailure of(ProbeStage stage, Exception e, boolean deadlinePassed, boolean greeted) {
        if (deadlinePassed) {
            return new ProbeFailure(Outcome.TIMEOUT, "deadline passed " + during(stage));
        }
        if (e instanceof SocketTimeoutException) {
            return new ProbeFailure(Outcome.TIMEOUT, "no answer in time " + during(stage));
        }
        if (e instanceof ProtocolViolation) {
            return new ProbeFailure(Outcome.PROTOCOL_ERROR, e.getMessage());
        }
        return switch (stage) {
            case CONNECT ->
                new ProbeFailure(
                        Outcome.REFUSED,
                        switch (e) {
                            case ConnectException c -> "connection refused";
                            case NoRouteToHostException n -> "no route to host";
                            default -> "could not connect: " + describe(e);
                        });
            case DIALOGUE ->
                greeted
                        ? new ProbeFailure(
                                Outcome.PROTOCOL_ERROR, "connection ended during the dialogue: " + describe(e))
                        : new ProbeFailure(Outcome.REFUSED, "connection ended before the greeting: " + describe(e));
            case HANDSHAKE ->
                new ProbeFailure(
                        Outcome.TLS_FAILED,
                        switch (e) {
                            case SSLException s
                            when unreadableCertificate(s) != null ->
                                "TLS handshake failed: the server sent a"
                                        + " certificate that is DER but breaks X.509, so no client "
                                        + "accepts it (invalid-chain): "
                                        + unreadableCertificate(s);
                            case SSLException s -> "TLS handshake failed: " + describe(e);
                            default -> "connection ended during the TLS handshake: " + describe(e);
                        });
        };
    }

    private static String during(ProbeStage stage) {
        return switch (stage) {
            case CONNECT -> "while connecting";
            case DIALOGUE -> "while waiting for the server before TLS";
            case HANDSHAKE -> "during the TLS handshake";
        };
    }

    /**
     * The JDK's reason when it could not read a certificate the server sent (ChainCapture accepts every
     * chain, so a certificate exception under a handshake failure comes from parsing), else null.
     */
    private static String unreadableCertificate(SSLException e) {
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof CertificateException certificate) {
                String line = String.valueOf(certificate.getMessage())
                        .lines()
                        .findFirst()
                        .orElse("");
                // "java.io.IOException: Duplicate extensions not allowed" -> "Duplicate extensions not allowed"
                return Printable.of(
                        line.replaceAll("java\\.[\\w.]+(Exception|Error): ", "").strip());
            }
        }
        return null;
    }

    private static String describe(Exception e) {
        if (e instanceof EOFException) {
            return "closed by the server";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : Printable.of(message);
    }
}
