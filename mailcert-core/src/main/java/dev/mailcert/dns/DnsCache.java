package dev.mailcert.dns;

import dev.mailcert.Deadline;
import dev.mailcert.ResultCache;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A view of DNS in which each question is asked once: the answer is shared by everyone who asks
 * while it is on its way and reused for as long as its TTL allows (RFC 1035 §3.2.1, at most
 * {@code ceiling}). A check keeps one view for its whole run ({@link #forOneCheck}); a scan shares
 * one across all its checks ({@link #shared}). NXDOMAIN and NODATA are kept for
 * {@value #NEGATIVE_SECONDS} s (RFC 2308 §5 caps them by the SOA record, which the answer a check reads leaves out),
 * SERVFAIL and other failures for {@value #FAILURE_SECONDS} s (RFC 9520 §3.2: at least 1 s, at
 * most 5 minutes), timeouts not at all. Thread-safe.
 */
public final class DnsCache implements Dns {
    static final int NEGATIVE_SECONDS = 60;
    static final int FAILURE_SECONDS = 5;

    private final Dns upstream;
    private final ResultCache<Question, Lookup<?>> answers;
    private final Duration floor;
    private final Duration ceiling;

    private record Question(String type, String name) {}

    private DnsCache(Dns upstream, int capacity, Duration floor, Duration ceiling) {
        this.upstream = upstream;
        this.answers = new ResultCache<>(capacity);
        this.floor = floor;
        this.ceiling = ceiling;
    }

    /** One check's view: every answer is kept for the check's whole life, whatever its TTL. */
    public static DnsCache forOneCheck(Dns upstream) {
        return new DnsCache(upstream, 4_096, Duration.ofDays(1), Duration.ofDays(1));
    }

    /**
     * A view shared by many checks: at most {@code capacity} answers, each kept no longer than its TTL and {@code
     * ceiling}.
     */
    public static DnsCache shared(Dns upstream, int capacity, Duration ceiling) {
        return new DnsCache(upstream, capacity, Duration.ZERO, ceiling);
    }

    @Override
    public Lookup<List<InetAddress>> addresses(String host, Deadline deadline) {
        return ask("A+AAAA", host, deadline, () -> upstream.addresses(host, deadline));
    }

    @Override
    public Lookup<List<MxHost>> mx(String domain, Deadline deadline) {
        return ask("MX", domain, deadline, () -> upstream.mx(domain, deadline));
    }

    @Override
    public Lookup<List<ServiceRecord>> srv(String name, Deadline deadline) {
        return ask("SRV", name, deadline, () -> upstream.srv(name, deadline));
    }

    @Override
    public Lookup<List<String>> ptr(InetAddress address, Deadline deadline) {
        return ask("PTR", address.getHostAddress(), deadline, () -> upstream.ptr(address, deadline));
    }

    @Override
    public Lookup<List<String>> ns(String domain, Deadline deadline) {
        return ask("NS", domain, deadline, () -> upstream.ns(domain, deadline));
    }

    /** Questions that reached the upstream resolver. */
    public long questionsAsked() {
        return answers.computed();
    }

    /** Questions answered from the view. */
    public long questionsReused() {
        return answers.reused();
    }

    @SuppressWarnings("unchecked")
    private <T> Lookup<T> ask(String type, String name, Deadline deadline, Supplier<Lookup<T>> query) {
        Question question = new Question(type, name.toLowerCase(Locale.ROOT));
        return (Lookup<T>)
                answers.get(question, deadline, query::get, this::lifetime, () -> new Lookup.Timeout<>(name));
    }

    private Duration lifetime(Lookup<?> answer) {
        Duration ttl = switch (answer) {
            case Lookup.Found<?> found -> found.ttl();
            case Lookup.NxDomain<?> n -> Duration.ofSeconds(NEGATIVE_SECONDS);
            case Lookup.NoData<?> n -> Duration.ofSeconds(NEGATIVE_SECONDS);
            case Lookup.ServFail<?> s -> Duration.ofSeconds(FAILURE_SECONDS);
            case Lookup.Failed<?> f -> Duration.ofSeconds(FAILURE_SECONDS);
            case Lookup.Timeout<?> t -> Duration.ZERO;
        };
        if (answer instanceof Lookup.Timeout<?>) {
            return Duration.ZERO;
        }
        Duration kept = ttl.compareTo(floor) < 0 ? floor : ttl;
        return kept.compareTo(ceiling) > 0 ? ceiling : kept;
    }
}
