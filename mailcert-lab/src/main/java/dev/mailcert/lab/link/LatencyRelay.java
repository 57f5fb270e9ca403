package dev.mailcert.lab.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Makes a loopback TCP server look as far away as a server across the internet: listens on the
 * server's public address and relays every connection to the server behind it, each byte
 * arriving half a round trip after it was sent, in both directions.
 *
 * <p>What a client sees is what it would see over a link with a one-way delay of RTT/2:
 * <ul>
 *   <li>the server sees a new connection 1.5 RTT after the client's connect (SYN, SYN-ACK, ACK),
 *       so a greeting arrives 2 RTT after the connect, as over a real link;</li>
 *   <li>every byte the client sends reaches the server RTT/2 later (and never before the server
 *       has the connection), every byte the server sends reaches the client RTT/2 later;</li>
 *   <li>so each request and response costs one RTT, and a TLS 1.3 handshake one RTT after
 *       the connection (1.2: two).</li>
 * </ul>
 * The client's own connect returns at once on loopback; nothing the client can do earlier than
 * over a real link reaches the server earlier. Bandwidth is not limited.
 *
 * <pre>{@code
 * try (var relay = LatencyRelay.start(new InetSocketAddress(address, 10993), server.address(),
 * RoundTripTime.parse("40ms"))) {
 *     // clients connect to address:10993 and talk to the server 40 ms away
 * }
 * }</pre>
 */
public final class LatencyRelay implements AutoCloseable {
    private static final int CHUNK_BYTES = 16 * 1024;
    /** Per direction at most 64 chunks (1 MiB) in flight; a faster sender waits. */
    private static final int CHUNKS_IN_FLIGHT = 64;

    private static final int CONNECTIONS_MAX = 256;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** A connection that carries nothing for this long in either direction is cut. */
    private static final int IDLE_MILLIS = 60_000;

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final RoundTripTime rtt;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(CONNECTIONS_MAX);
    private volatile boolean closed;

    private LatencyRelay(ServerSocket listener, InetSocketAddress backend, RoundTripTime rtt) {
        this.listener = listener;
        this.backend = backend;
        this.rtt = rtt;
    }

    /**
     * Listens on {@code listen} and relays to {@code backend} with the round-trip time {@code rtt}.
     *
     * @throws IOException naming the address when it cannot be bound
     */
    public static LatencyRelay start(InetSocketAddress listen, InetSocketAddress backend, RoundTripTime rtt)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(listen, 50);
        } catch (IOException e) {
            listener.close();
            throw e instanceof BindException ? e : new IOException("cannot listen on " + listen + ": " + e, e);
        }
        LatencyRelay relay = new LatencyRelay(listener, backend, rtt);
        Thread.ofVirtual().name("lab-relay-" + listen.getPort()).start(relay::accept);
        return relay;
    }

    /** Where clients connect. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    public RoundTripTime rtt() {
        return rtt;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!slots.tryAcquire()) {
                closeQuietly(client); // too many at once: shed load rather than queue
                continue;
            }
            open.add(client);
            Thread.ofVirtual().start(() -> {
                try {
                    relay(client, System.nanoTime());
                } finally {
                    open.remove(client);
                    closeQuietly(client);
                    slots.release();
                }
            });
            if (closed) {
                closeQuietly(client);
            }
        }
    }

    private void relay(Socket client, long acceptedNanos) {
        long oneWay = rtt.oneWay().toNanos();
        try (Socket server = new Socket()) {
            open.add(server);
            client.setTcpNoDelay(true);
            client.setSoTimeout(IDLE_MILLIS);
            // the client's bytes are timed from now, though the server sees the connection only 1.5 RTT later
            Direction up = new Direction(client.getInputStream(), oneWay);
            Thread upReader = Thread.ofVirtual().start(() -> up.read(client, server));
            sleepUntil(acceptedNanos + 3 * oneWay);
            server.setTcpNoDelay(true);
            server.setSoTimeout(IDLE_MILLIS);
            server.connect(backend, CONNECT_TIMEOUT_MILLIS);
            Direction down = new Direction(server.getInputStream(), oneWay);
            Thread downReader = Thread.ofVirtual().start(() -> down.read(server, client));
            Thread upWriter = Thread.ofVirtual().start(() -> up.deliver(server, client));
            down.deliver(client, server);
            upWriter.join();
            upReader.join();
            downReader.join();
        } catch (IOException e) {
            // the server behind is gone, or the client left: the connection ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    /** One direction of a connection: what was read, and when it may arrive at the other end. */
    private static final class Direction {
        private static final byte[] END = new byte[0];
        private final InputStream from;
        private final long oneWayNanos;
        private final BlockingQueue<Chunk> inFlight = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);

        private record Chunk(long dueNanos, byte[] bytes) {}

        Direction(InputStream from, long oneWayNanos) {
            this.from = from;
            this.oneWayNanos = oneWayNanos;
        }

        /**
         * Reads until end of stream or failure, stamping each chunk with its arrival time, and ends
         * with END. A full queue whose writer is gone is given up after the idle time.
         */
        void read(Socket self, Socket other) {
            byte[] buffer = new byte[CHUNK_BYTES];
            try {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    if (!inFlight.offer(
                            new Chunk(System.nanoTime() + oneWayNanos, Arrays.copyOf(buffer, n)),
                            IDLE_MILLIS,
                            TimeUnit.MILLISECONDS)) {
                        break;
                    }
                }
                inFlight.offer(new Chunk(System.nanoTime() + oneWayNanos, END), IDLE_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (IOException e) {
                // reset, idle for too long, or closed because the other direction failed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(self);
            closeQuietly(other);
            inFlight.offer(
                    new Chunk(System.nanoTime(), END)); // the writer drains and stops; a full queue means it is gone
        }

        /**
         * Writes each chunk to {@code to} when it is due, and at END half-closes {@code to}, as the
         * end of stream travels like the bytes before it. When writing fails, closes both sockets
         * and keeps draining until END, so the reader never waits on a full queue.
         */
        void deliver(Socket to, Socket other) {
            boolean broken = false;
            while (true) {
                Chunk chunk;
                try {
                    chunk = inFlight.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    chunk = null;
                }
                if (chunk == null) { // nothing for the idle time, or interrupted: give up the connection
                    closeQuietly(to);
                    closeQuietly(other);
                    return;
                }
                if (chunk.bytes() == END) {
                    if (!broken) {
                        endOfStream(to, chunk.dueNanos());
                    }
                    return;
                }
                if (broken) {
                    continue;
                }
                try {
                    sleepUntil(chunk.dueNanos());
                    OutputStream out = to.getOutputStream();
                    out.write(chunk.bytes());
                    out.flush();
                } catch (IOException e) {
                    broken = true;
                    closeQuietly(to);
                    closeQuietly(other);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    broken = true;
                    closeQuietly(to);
                    closeQuietly(other);
                }
            }
        }
    }

    private static void endOfStream(Socket to, long dueNanos) {
        try {
            sleepUntil(dueNanos);
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to); // already closed by the other direction
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(to);
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Stops listening and cuts every connection; safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(LatencyRelay::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing: nothing left to do
        }
    }
}
