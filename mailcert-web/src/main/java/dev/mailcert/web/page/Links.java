package dev.mailcert.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Query strings of the service's own links, each value URL-encoded. */
public final class Links {

    private Links() {}

    public static String query(String target, Optional<String> server) {
        return "target=" + encode(target)
                + server.filter(s -> !s.isBlank())
                        .map(s -> "&server=" + encode(s))
                        .orElse("");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
