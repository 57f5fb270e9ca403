package dev.mailcert.web.policy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Listens on the mail ports of one loopback address and counts every connection it is offered. */
final class CountingListener implements AutoCloseable {
    static final int[] MAIL_PORTS = {993, 143, 995, 110, 465, 587, 443};

    private final List<ServerSocket> sockets = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    CountingListener(InetAddress address, int portOffset) throws IOException {
        try {
            for (int port : MAIL_PORTS) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(address, port + portOffset));
                Thread.ofVirtual().start(() -> accept(socket));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a listener that never bound
            }
        }
    }
}
