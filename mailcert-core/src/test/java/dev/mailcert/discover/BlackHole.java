package dev.mailcert.discover;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback address and port where a connect gets no answer at all, as behind a firewall that
 * drops packets: a listener that never accepts, its accept queue filled, so that Linux drops every
 * further SYN and the connecting side waits for its timeout.
 */
final class BlackHole implements AutoCloseable {
    private static final int MAX_FILL = 8;

    private final ServerSocket listener;
    private final List<Socket> queued = new ArrayList<>();

    BlackHole(InetAddress address, int port) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(address, port), 1);
        for (int i = 0; i < MAX_FILL; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(listener.getLocalSocketAddress(), 300);
                queued.add(socket);
            } catch (SocketTimeoutException e) {
                socket.close();
                return; // the queue is full: this connect went unanswered, and so will the next
            }
        }
        close();
        throw new IllegalStateException("the accept queue of " + address + ":" + port + " never filled");
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : queued) {
            socket.close();
        }
        listener.close();
    }
}
