package dev.mailcert.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One lookup in progress: the name asked, the CNAME chain followed so far, and how responses
 * turn into a {@link Lookup}. Pure: it reads messages and never touches the network, so each rule
 * is tested with hand-made responses. Not thread-safe; one per lookup.
 */
final class Resolution<T> {

    /** Longest CNAME chain accepted; real zones rarely need more than two or three. */
    static final int MAX_CHAIN = 8;

    private final String asked;
    private final int type;
    private final Function<Record, T> value;
    private final int maxValues;
    private final List<String> chain = new ArrayList<>();
    private final Set<Name> seen = new HashSet<>();
    private Name current;

    Resolution(Name name, int type, Function<Record, T> value, int maxValues) {
        this.asked = text(name);
        this.current = name;
        this.type = type;
        this.value = value;
        this.maxValues = maxValues;
        seen.add(name);
    }

    /** The name to ask about next: the start, or the end of the chain so far. */
    Name current() {
        return current;
    }

    /** The name asked, lower case, without the trailing dot. */
    String asked() {
        return asked;
    }

    /**
     * The outcome that {@code response} gives, or empty when it ends at a CNAME whose target it
     * does not answer, which is then to be asked about itself ({@link #current()}).
     */
    Optional<Lookup<List<T>>> read(Message response) {
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return Optional.of(new Lookup.ServFail<>(text(current), Rcode.string(rcode)));
        }
        List<Record> answer = response.getSection(Section.ANSWER);
        Name before = current;
        while (true) {
            Set<T> values = new LinkedHashSet<>();
            long ttl = Long.MAX_VALUE;
            for (Record r : answer) {
                if (r.getType() == type && r.getName().equals(current) && values.size() < maxValues) {
                    values.add(value.apply(r));
                    ttl = Math.min(ttl, r.getTTL());
                }
            }
            if (!values.isEmpty()) {
                return Optional.of(new Lookup.Found<>(List.copyOf(values), chain, Duration.ofSeconds(ttl)));
            }
            Optional<Name> target = cnameTarget(answer, current);
            if (target.isEmpty()) {
                break;
            }
            if (!seen.add(target.get())) {
                return Optional.of(new Lookup.Failed<>(asked, "CNAME loop"));
            }
            chain.add(text(target.get()));
            if (chain.size() > MAX_CHAIN) {
                return Optional.of(new Lookup.Failed<>(asked, "CNAME chain too long"));
            }
            current = target.get();
        }
        if (rcode == Rcode.NXDOMAIN) {
            // RFC 6604 §3: after CNAMEs the RCODE speaks of the last name in the chain
            return Optional.of(new Lookup.NxDomain<>(text(current)));
        }
        if (!current.equals(before)) {
            return Optional.empty();
        }
        return Optional.of(new Lookup.NoData<>(text(current))); // RFC 2308 §2.2
    }

    private static Optional<Name> cnameTarget(List<Record> answer, Name owner) {
        for (Record r : answer) {
            if (r.getType() == Type.CNAME && r.getName().equals(owner)) {
                return Optional.of(((CNAMERecord) r).getTarget());
            }
        }
        return Optional.empty();
    }

    /**
     * A name from the network as text: lower case, no trailing dot, "." for the root. dnsjava
     * escapes bytes that are not printable (\DDD), so the text is safe to keep and print.
     */
    static String text(Name name) {
        if (name.equals(Name.root)) {
            return ".";
        }
        return name.toString(true).toLowerCase(Locale.ROOT);
    }
}
