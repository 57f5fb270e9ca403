package dev.mailcert.discover;

import java.util.Objects;

/**
 * What fetching a URL gave.
 *
 * @param kind whether an HTTP answer arrived, and if not why
 * @param status the HTTP status code; 0 without an answer
 * @param body the body (at most the client's limit), empty without an answer
 * @param finalUri the URL that answered, after redirects (the one asked when there was no answer)
 * @param detail a few plain words: what happened, e.g. "HTTP 404" or the certificate problem
 */
public record WebResponse(Kind kind, int status, byte[] body, String finalUri, String detail) {

    public enum Kind {
        /** An HTTP response arrived (any status). */
        ANSWERED,
        /** The host name does not exist or has no address. */
        NO_SUCH_HOST,
        /** Nothing accepts connections on the port. */
        REFUSED,
        /** TLS, the certificate, a redirect, a limit or the HTTP syntax failed. */
        FAILED,
        /** The deadline passed first. */
        TIMEOUT
    }

    public WebResponse {
        Objects.requireNonNull(kind, "kind");
        body = body.clone();
        Objects.requireNonNull(finalUri, "finalUri");
        Objects.requireNonNull(detail, "detail");
    }

    public static WebResponse answered(int status, byte[] body, String finalUri) {
        return new WebResponse(Kind.ANSWERED, status, body, finalUri, "HTTP " + status);
    }

    public static WebResponse unanswered(Kind kind, String uri, String detail) {
        return new WebResponse(kind, 0, new byte[0], uri, detail);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebResponse r
                && r.kind == kind
                && r.status == status
                && java.util.Arrays.equals(r.body, body)
                && r.finalUri.equals(finalUri)
                && r.detail.equals(detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, java.util.Arrays.hashCode(body), finalUri, detail);
    }

    @Override
    public String toString() {
        return "WebResponse[" + kind + " " + status + " " + finalUri + ", " + body.length + " bytes, " + detail + "]";
    }
}
