package dev.mailcert.web.http;

import io.javalin.http.Context;

/** The headers every answer carries: no inline script, no framing, no sniffing, no referrer. */
public final class SecurityHeaders {
    /** Scripts and styles only from this service's own files; nothing inline, nothing from elsewhere. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
