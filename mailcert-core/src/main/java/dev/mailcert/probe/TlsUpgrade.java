package dev.mailcert.probe;

import dev.mailcert.HostName;
import java.io.IOException;
import java.net.Socket;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/** Client TLS for a probe: the SNI to send, and the connection layered by {@link ChainCapture}. */
final class TlsUpgrade {

    private TlsUpgrade() {}

    /** Layers TLS over {@code plain} without starting the handshake: see {@link ChainCapture#clientOver}. */
    static SSLSocket over(Socket plain, Optional<SNIHostName> serverName, ChainCapture capture, KeyShareOffer offer)
            throws IOException {
        return capture.clientOver(plain, serverName, offer);
    }

    /**
     * The SNI to send for {@code sni}: a DNS host name (one trailing dot and case ignored). Empty for
     * null, and for anything else, e.g. an IP literal, which RFC 6066 §3 forbids in server_name.
     */
    static Optional<SNIHostName> serverName(@Nullable String sni) {
        if (sni == null) {
            return Optional.empty();
        }
        String name = HostName.normalise(sni);
        boolean addressLike = name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!HostName.isValid(name) || addressLike) {
            return Optional.empty();
        }
        return Optional.of(new SNIHostName(name));
    }
}
