package dev.mailcert.dns;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one DNS question. NXDOMAIN, NODATA, SERVFAIL and timeout are different
 * findings (RFC 1035 §4.1.1, RFC 2308 §2) and stay different all the way to the report.
 */
public sealed interface Lookup<T> {

    /**
     * An answer, with the CNAME chain followed to reach it (empty when there was none) and the
     * time it may be cached: the smallest TTL of the records that make it up (RFC 2181 §5.2).
     */
    record Found<T>(T value, List<String> cnameChain, Duration ttl) implements Lookup<T> {
        public Found {
            cnameChain = List.copyOf(cnameChain);
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("a TTL is never negative: " + ttl);
            }
        }

        /** An answer without a known TTL (built in code, not read off the wire): never cached. */
        public Found(T value, List<String> cnameChain) {
            this(value, cnameChain, Duration.ZERO);
        }
    }

    /** RCODE 3: the name does not exist. */
    record NxDomain<T>(String name) implements Lookup<T> {}

    /** The name exists but has no record of the type asked for. */
    record NoData<T>(String name) implements Lookup<T> {}

    /** RCODE 2 or another server error: the DNS server could not answer. */
    record ServFail<T>(String name, String reason) implements Lookup<T> {}

    /** No answer before the deadline. */
    record Timeout<T>(String name) implements Lookup<T> {}

    /** Anything else: a CNAME loop, an overlong chain, a malformed answer. */
    record Failed<T>(String name, String reason) implements Lookup<T> {}

    default boolean found() {
        return this instanceof Found<T>;
    }

    /** The value, or {@code fallback} for every outcome but {@link Found}. */
    default T orElse(T fallback) {
        return this instanceof Found<T> f ? f.value() : fallback;
    }

    /** A few plain words for a person: "does not exist", "has no such record", ... */
    default String plain() {
        return switch (this) {
            case Found<T> f -> "found";
            case NxDomain<T> n -> n.name() + " does not exist (NXDOMAIN)";
            case NoData<T> n -> n.name() + " exists but has no such record";
            case ServFail<T> s -> "the DNS server failed to answer for " + s.name() + " (" + s.reason() + ")";
            case Timeout<T> t -> "no DNS answer for " + t.name() + " in time";
            case Failed<T> f -> "DNS lookup of " + f.name() + " failed: " + f.reason();
        };
    }
}
