package dev.mailcert.lab.dns;

import dev.mailcert.lab.dns.Responder.Transport;
import dev.mailcert.lab.link.RoundTripTime;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An authoritative DNS server for the lab: serves the records of a master-file text over UDP and
 * TCP on one loopback port until {@link #close()}. Answers carry AA; CNAMEs inside the zones are
 * followed in the answer; unknown names under an apex get NXDOMAIN, existing names without the
 * type get NODATA, names outside every zone get REFUSED. UDP answers larger than 512 bytes (or
 * the EDNS size offered) are truncated with TC, and TCP uses 2-byte length framing (RFC 7766).
 * With a round-trip time, every UDP answer leaves one RTT after its query arrived; over TCP the
 * first answer two (the connection, then the exchange) and every later one one RTT after its query.
 *
 * <pre>{@code
 * try (var dns = AuthoritativeDnsServer.start(new InetSocketAddress("127.0.0.1", 0),
 *         "mail.customer.example. A 192.0.2.7\n")) {
 *     InetSocketAddress where = dns.address();
 * }
 * }</pre>
 */
public final class AuthoritativeDnsServer implements AutoCloseable {

    private static final int UDP_QUERY_MAX = 4096;
    private static final int TCP_READ_TIMEOUT_MILLIS = 5_000;
    private static final int TCP_QUERIES_PER_CONNECTION = 100;
    private static final int TCP_CONNECTIONS_MAX = 64;
    private static final int EPHEMERAL_PORT_TRIES = 50;
    /** UDP answers waiting out the round-trip time at once; more are dropped, as by a congested link. */
    private static final int DELAYED_ANSWERS_MAX = 1024;

    private final Responder responder;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Semaphore connectionSlots = new Semaphore(TCP_CONNECTIONS_MAX);
    private final Semaphore delayedAnswers = new Semaphore(DELAYED_ANSWERS_MAX);
    private final RoundTripTime rtt;
    private volatile boolean closed;

    private AuthoritativeDnsServer(Responder responder, DatagramSocket udp, ServerSocket tcp, RoundTripTime rtt) {
        this.responder = responder;
        this.udp = udp;
        this.tcp = tcp;
        this.rtt = rtt;
    }

    /**
     * Starts a server for {@code zoneText} (RFC 1035 §5 master-file format; absolute names, lines
     * without TTL get 300). Port 0 picks an ephemeral port free for both UDP and TCP.
     *
     * @throws IllegalArgumentException for invalid zone text (with the line) or a non-loopback address
     * @throws IOException when the port cannot be bound
     */
    public static AuthoritativeDnsServer start(InetSocketAddress bind, String zoneText) throws IOException {
        return start(bind, zoneText, DnsBehaviour.normal());
    }

    /** As {@link #start(InetSocketAddress, String)}, misbehaving as {@code behaviour} says. */
    public static AuthoritativeDnsServer start(InetSocketAddress bind, String zoneText, DnsBehaviour behaviour)
            throws IOException {
        return start(bind, zoneText, behaviour, RoundTripTime.NONE);
    }

    /** As {@link #start(InetSocketAddress, String, DnsBehaviour)}, answering as far away as {@code rtt}. */
    public static AuthoritativeDnsServer start(
            InetSocketAddress bind, String zoneText, DnsBehaviour behaviour, RoundTripTime rtt) throws IOException {
        if (bind.isUnresolved() || !bind.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the lab DNS server binds loopback addresses only, not " + bind);
        }
        Responder responder = new Responder(ZoneContents.parse(zoneText), behaviour);
        AuthoritativeDnsServer server =
                bind.getPort() == 0 ? bindEphemeral(responder, bind.getAddress(), rtt) : bindBoth(responder, bind, rtt);
        server.serve();
        return server;
    }

    /** The address both UDP and TCP listen on. */
    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** How many queries arrived (answered or not), over UDP and TCP. */
    public int queries() {
        return responder.queries();
    }

    /** The questions asked over UDP, in order, each as "name. TYPE" (e.g. "customer.example. MX"). */
    public List<String> questions() {
        return responder.questions();
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        closeQuietly(tcp);
        connections.forEach(AuthoritativeDnsServer::closeQuietly);
    }

    private static AuthoritativeDnsServer bindEphemeral(Responder responder, InetAddress address, RoundTripTime rtt)
            throws IOException {
        BindException last = null;
        for (int i = 0; i < EPHEMERAL_PORT_TRIES; i++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, 0));
            try {
                ServerSocket tcp = new ServerSocket();
                try {
                    tcp.bind(new InetSocketAddress(address, udp.getLocalPort()));
                    return new AuthoritativeDnsServer(responder, udp, tcp, rtt);
                } catch (IOException e) {
                    tcp.close();
                    throw e;
                }
            } catch (BindException e) {
                udp.close(); // the UDP port is taken over TCP: try another one
                last = e;
            } catch (IOException | RuntimeException e) {
                udp.close();
                throw e;
            }
        }
        throw new BindException("no port free for both UDP and TCP on " + address.getHostAddress() + " after "
                + EPHEMERAL_PORT_TRIES + " tries: " + last.getMessage());
    }

    private static AuthoritativeDnsServer bindBoth(Responder responder, InetSocketAddress bind, RoundTripTime rtt)
            throws IOException {
        DatagramSocket udp = new DatagramSocket(bind);
        try {
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.bind(bind);
            } catch (IOException e) {
                tcp.close();
                throw e;
            }
            return new AuthoritativeDnsServer(responder, udp, tcp, rtt);
        } catch (IOException | RuntimeException e) {
            udp.close();
            throw e;
        }
    }

    private void serve() {
        String port = String.valueOf(udp.getLocalPort());
        // a platform thread: under load, virtual threads busy with TLS handshakes would keep the answers waiting
        Thread.ofPlatform().daemon(true).name("lab-dns-udp-" + port).start(this::serveUdp);
        Thread.ofVirtual().name("lab-dns-tcp-" + port).start(this::acceptTcp);
    }

    private void serveUdp() {
        byte[] buffer = new byte[UDP_QUERY_MAX];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] query = Arrays.copyOfRange(
                        packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
                Optional<byte[]> response = responder.respond(query, Transport.UDP);
                if (response.isPresent()) {
                    answer(new DatagramPacket(response.get(), response.get().length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // one failed send (e.g. the asker is gone) must not stop the server
            }
        }
    }

    /** Sends a UDP answer now, or one round trip after its query arrived (half each way). */
    private void answer(DatagramPacket answer) throws IOException {
        if (rtt.isZero()) {
            udp.send(answer);
            return;
        }
        if (!delayedAnswers.tryAcquire()) {
            return;
        }
        long due = System.nanoTime() + rtt.value().toNanos();
        Thread.ofVirtual().name("lab-dns-udp-answer").start(() -> {
            try {
                sleepUntil(due);
                udp.send(answer);
            } catch (IOException | InterruptedException e) {
                // closed, or the asker is gone: a lost datagram
            } finally {
                delayedAnswers.release();
            }
        });
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private void acceptTcp() {
        while (!closed) {
            Socket connection;
            try {
                connection = tcp.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (!connectionSlots.tryAcquire()) {
                closeQuietly(connection); // too many at once: shed load rather than queue
                continue;
            }
            connections.add(connection);
            Thread.ofVirtual().name("lab-dns-tcp-connection").start(() -> {
                try {
                    serveTcp(connection);
                } finally {
                    connections.remove(connection);
                    closeQuietly(connection);
                    connectionSlots.release();
                }
            });
            if (closed) {
                closeQuietly(connection);
            }
        }
    }

    /** RFC 7766 §8: each message is preceded by its length as two bytes; several per connection. */
    private void serveTcp(Socket connection) {
        try {
            connection.setSoTimeout(TCP_READ_TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            sleepUntil(System.nanoTime() + rtt.value().toNanos()); // the connection's own round trip (SYN, SYN-ACK)
            // every read is bounded: by the 2-byte length, the read timeout and the query count
            for (int i = 0; i < TCP_QUERIES_PER_CONNECTION && !closed; i++) {
                int length = in.readUnsignedShort();
                if (length < 12) {
                    return;
                }
                byte[] query = new byte[length];
                in.readFully(query);
                long due = System.nanoTime() + rtt.value().toNanos();
                Optional<byte[]> response = responder.respond(query, Transport.TCP);
                sleepUntil(due);
                if (response.isPresent()) {
                    out.writeShort(response.get().length);
                    out.write(response.get());
                    out.flush();
                }
            }
        } catch (EOFException | SocketException e) {
            // the asker closed or the server is closing
        } catch (IOException e) {
            // read timeout or broken connection: drop it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing: nothing left to do
        }
    }
}
