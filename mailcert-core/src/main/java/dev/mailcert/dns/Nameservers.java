package dev.mailcert.dns;

import dev.mailcert.Deadline;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.WireParseException;

/**
 * The DNS servers a resolver asks, and how: one question at a time over UDP with EDNS, over TCP
 * when the answer comes back truncated (dnsjava's {@link SimpleResolver} retries by itself), the
 * next server when one fails or stays silent, each try limited by the shared deadline. Immutable and
 * thread-safe: every query gets its own SimpleResolver, whose timeout is per query.
 */
final class Nameservers {

    /** What became of one question. */
    sealed interface Reply {
        record Answered(Message message) implements Reply {}

        record TimedOut() implements Reply {}

        record Broken(String reason) implements Reply {}
    }

    /** RCODEs that end the try with this server but not the question (RFC 1035 §4.1.1). */
    private static final Set<Integer> NOT_AN_ANSWER = Set.of(Rcode.SERVFAIL, Rcode.NOTIMP, Rcode.REFUSED);
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
     * Asks the configured servers in order, as a client resolver does (RFC 1034 §5.3.1), until one gives
     * an answer or the deadline passes; never throws, never waits past the deadline.
     * <ul>
     * <li>NOERROR (with records, or none: NODATA) and NXDOMAIN are answers (RFC 8499 §3) and end the
     *     question: the name has no such record, or does not exist, whichever resolver is asked.
     * <li>SERVFAIL, REFUSED and NOTIMP say that this server cannot or will not answer (RFC 1035 §4.1.1),
     *     so the next server is asked; so is the next one after a server that stays silent.
     * <li>A server that stayed silent is asked once more in a second round (RFC 1035 §4.2.1
     *     retransmission); one that said no, is not there or sent garbage is not.
     * </ul>
     * Each try waits at most its share of the time left, so that a silent first server leaves time for
     * the others. When no server answers, the last refusal is returned (it says more than a timeout).
     */
    Reply ask(Name name, int type, Deadline deadline) {
        // Message.newQuery sets RD: a recursive resolver is asked to resolve fully
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        Reply.Answered refusal = null;
        Reply last = new Reply.TimedOut();
        List<InetSocketAddress> asking = servers;
        for (int round = 0; round < ROUNDS && !asking.isEmpty(); round++) {
            List<InetSocketAddress> silent = new ArrayList<>();
            for (int i = 0; i < asking.size(); i++) {
                if (deadline.expired()) {
                    return refusal != null ? refusal : last;
                }
                Duration share = deadline.remainingShare(asking.size() - i);
                Reply reply = once(asking.get(i), query, deadline, share.compareTo(PER_TRY) < 0 ? share : PER_TRY);
                switch (reply) {
                    case Reply.Answered answered
                    when !NOT_AN_ANSWER.contains(answered.message().getRcode()) -> {
                        return answered;
                    }
                    case Reply.Answered answered -> refusal = answered;
                    case Reply.TimedOut timedOut -> {
                        last = timedOut;
                        silent.add(asking.get(i));
                    }
                    case Reply.Broken broken -> last = broken; // absent or broken: asking again changes nothing
                }
            }
            asking = silent;
        }
        return refusal != null ? refusal : last;
    }

    private static Reply once(InetSocketAddress server, Message query, Deadline deadline, Duration perTry) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(Duration.ofMillis(deadline.socketTimeoutMillis(perTry)));
        resolver.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
        CompletableFuture<Message> pending;
        try {
            pending = resolver.sendAsync(query).toCompletableFuture();
        } catch (RuntimeException e) {
            return new Reply.Broken(describe(e, server));
        }
        try {
            // dnsjava's own timeout restarts for the TCP retry: this bound is the one that holds
            long waitNanos = Math.min(deadline.remaining().toNanos(), 2 * perTry.toNanos());
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
            default ->
                problem.getClass().getSimpleName() + (problem.getMessage() == null ? "" : ": " + problem.getMessage())
                        + " (" + where + ")";
        };
    }
}
