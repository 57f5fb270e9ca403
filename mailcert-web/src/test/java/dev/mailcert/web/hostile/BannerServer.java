package dev.mailcert.web.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mail server that greets with markup and hangs up: IMAP {@code * BYE}, POP3 {@code -ERR}
 * and SMTP {@code 554} replies whose text is HTML, on the plaintext ports of one loopback address.
 */
public final class BannerServer implements AutoCloseable {
    public static final Map<Integer, String> GREETINGS = Map.of(
            143, "* BYE <script>alert('imap-banner')</script>",
            110, "-ERR <img src=x onerror=alert('pop3-banner')>",
            587, "554 <svg/onload=alert('smtp-banner')>");

    private final List<ServerSocket> sockets = new ArrayList<>();

    public BannerServer(InetAddress address, int portOffset) throws IOException {
        for (var greeting : GREETINGS.entrySet()) {
            ServerSocket socket = new ServerSocket();
            sockets.add(socket);
            socket.bind(new InetSocketAddress(address, greeting.getKey() + portOffset));
            Thread.ofVirtual().start(() -> serve(socket, greeting.getValue()));
        }
    }

    private static void serve(ServerSocket socket, String greeting) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.getOutputStream().write((greeting + "\r\n").getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (ServerSocket socket : sockets) {
            socket.close();
        }
    }
}
