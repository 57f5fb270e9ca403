package dev.mailcert.probe;

import dev.mailcert.HostName;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/** Client TLS over an open connection, set up to capture what the server presents rather than to judge it. */
final class TlsUpgrade {
    private static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2");

    private TlsUpgrade() {}

    /**
     * Layers TLS over {@code plain} without starting the handshake. A fresh context per connection,
     * so no session is ever resumed: every probe sees the certificates the server picks for this SNI.
     * No endpoint identification: the name is checked by certificate assessment, not here.
     */
    static SSLSocket over(Socket plain, Optional<SNIHostName> serverName, ChainCapture capture)
            throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {capture}, null);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(
                plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(true);
        SSLParameters parameters = tls.getSSLParameters();
        List<String> supported = Arrays.asList(tls.getSupportedProtocols());
        parameters.setProtocols(VERSIONS.stream().filter(supported::contains).toArray(String[]::new));
        parameters.setEndpointIdentificationAlgorithm(null);
        // an explicit empty list, so that no name is ever derived from the address
        parameters.setServerNames(serverName.<List<SNIServerName>>map(List::of).orElse(List.of()));
        tls.setSSLParameters(parameters);
        return tls;
    }

    /**
     * The SNI to send for {@code sni}: a DNS host name (one trailing dot and case ignored). Empty for
     * null, and for anything else, e.g. an IP literal, which RFC 6066 §3 forbids in server_name.
     */
    static Optional<SNIHostName> serverName(String sni) {
        if (sni == null) {
            return Optional.empty();
        }
        String name = sni.endsWith(".") ? sni.substring(0, sni.length() - 1) : sni;
        name = name.toLowerCase(Locale.ROOT);
        boolean addressLike = name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!HostName.isValid(name) || addressLike) {
            return Optional.empty();
        }
        return Optional.of(new SNIHostName(name));
    }
}
