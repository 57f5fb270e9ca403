package dev.mailcert.web.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.probe.Protocol;
import org.junit.jupiter.api.Test;

class StoredConfigTest {

    private static String json(String recommendations) {
        return "{\"schema\":\"mailcert.check/1\",\"domain\":\"customer.example\",\"recommendations\":["
                + recommendations + "]}";
    }

    private static String rec(String protocol, String host, int port, String security, boolean verified) {
        return "{\"protocol\":\"%s\",\"host\":\"%s\",\"port\":%d,\"security\":\"%s\",\"verified\":%s}"
                .formatted(protocol, host, port, security, verified);
    }

    @Test
    void verifiedRecommendationsBecomeTheConfiguration() {
        var config = StoredConfig.of(json(rec("imap", "srv12.webhost.example", 993, "tls", true) + ","
                + rec("smtp", "srv12.webhost.example", 587, "starttls", true)));

        assertThat(config).hasValueSatisfying(c -> {
            assertThat(c.domains()).containsExactly("customer.example");
            assertThat(c.incoming())
                    .containsExactly(new ServerSetting(Protocol.IMAP, "srv12.webhost.example", 993, SocketType.SSL));
            assertThat(c.outgoing())
                    .containsExactly(
                            new ServerSetting(Protocol.SMTP, "srv12.webhost.example", 587, SocketType.STARTTLS));
        });
    }

    @Test
    void unverifiedOrMalformedEntriesAreNeverServed() {
        assertThat(StoredConfig.of(json(rec("imap", "srv12.webhost.example", 993, "tls", false) + ","
                        + rec("smtp", "srv12.webhost.example", 465, "tls", true))))
                .isEmpty();
        assertThat(StoredConfig.of(json(rec("imap", "<b>x</b>", 993, "tls", true) + ","
                        + rec("smtp", "srv12.webhost.example", 465, "tls", true))))
                .isEmpty();
        assertThat(StoredConfig.of(json(rec("imap", "srv12.webhost.example", 0, "tls", true) + ","
                        + rec("smtp", "srv12.webhost.example", 465, "tls", true))))
                .isEmpty();
        assertThat(StoredConfig.of("not json")).isEmpty();
    }
}
