package dev.mailcert.dns;

import dev.mailcert.Deadline;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.WireParseException;

/**
 * The DNS servers a resolver asks, and how: one question at a time over UDP with EDNS, over TCP
 * when the answer comes back truncated (dnsjava's {@link SimpleResolver} retries by itself), each
 * try limited by the shared deadline. Immutable and thread-safe: every query gets its own
 * SimpleResolver, whose timeout is per query.
 */
final class Nameservers {

    /** What became of one question. */
    sealed interface Reply {
        record Answered(Message message) implements Reply {}

        record TimedOut() implements Reply {}

        record Broken(String reason) implements Reply {}
    }

    /** One try waits at most this long, so that a lost UDP packet leaves time for a retry. */
    static final Duration PER_TRY = Duration.ofSeconds(3);
    /** RFC 1035 §4.2.1 asks for retransmission; one retry is enough on a local network. */
    private static final int ROUNDS = 2;
    /** The EDNS buffer size of DNS Flag Day 2020: large answers without IP fragmentation. */
    private static final int EDNS_PAYLOAD = 1232;

    private final List<InetSocketAddress> servers;

    Nameservers(List<InetSocketAddress> servers) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS server is needed");
        }
        this.servers = List.copyOf(servers);
    }

    List<InetSocketAddress> servers() {
        return servers;
    }

    /**
     * Asks the servers in turn, each at most twice, until one answers (whatever its RCODE) or
     * the deadline passes. Never throws, never waits past the deadline.
     */
    Reply ask(Name name, int type, Deadline deadline) {
        // Message.newQuery sets RD: a recursive resolver is asked to resolve fully
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        Reply last = new Reply.TimedOut();
        for (int round = 0; round < ROUNDS; round++) {
            for (InetSocketAddress server : servers) {
                if (deadline.expired()) {
                    return last;
                }
                Reply reply = once(server, query, deadline);
                if (reply instanceof Reply.Answered) {
                    return reply;
                }
                last = reply;
            }
            if (last instanceof Reply.Broken && servers.size() == 1) {
                return last; // nobody listening there: asking again changes nothing
            }
        }
        return last;
    }

    private static Reply once(InetSocketAddress server, Message query, Deadline deadline) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(Duration.ofMillis(deadline.socketTimeoutMillis(PER_TRY)));
        resolver.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
        CompletableFuture<Message> pending;
        try {
            pending = resolver.sendAsync(query).toCompletableFuture();
        } catch (RuntimeException e) {
            return new Reply.Broken(describe(e, server));
        }
        try {
            // dnsjava's own timeout restarts for the TCP retry: this bound is the one that holds
            long waitNanos = Math.min(deadline.remaining().toNanos(), 2 * PER_TRY.toNanos());
            return new Reply.Answered(pending.get(Math.max(1, waitNanos), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Reply.TimedOut();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                    ? new Reply.TimedOut()
                    : new Reply.Broken(describe(cause, server));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return new Reply.Broken("interrupted");
        }
    }

    private static String describe(Throwable problem, InetSocketAddress server) {
        String where = server.getAddress().getHostAddress() + " port " + server.getPort();
        return switch (problem) {
            case PortUnreachableException e -> "no DNS server at " + where + " (port unreachable)";
            case ConnectException e -> "no DNS server at " + where + " (connection refused)";
            case WireParseException e -> "malformed answer from " + where + ": " + e.getMessage();
            default -> problem.getClass().getSimpleName()
                    + (problem.getMessage() == null ? "" : ": " + problem.getMessage()) + " (" + where + ")";
        };
    }
}
