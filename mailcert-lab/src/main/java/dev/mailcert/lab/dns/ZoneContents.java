package dev.mailcert.lab.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The records a lab DNS server serves, grouped into zones. A zone apex is the owner of each SOA
 * record; a name under no SOA belongs to an implied zone made of its last two labels
 * ("customer.example" for "mail.customer.example"), or to in-addr.arpa / ip6.arpa for reverse
 * names, so short zone texts without SOA records still behave like real zones.
 * Immutable after parsing; safe to share between threads.
 */
final class ZoneContents {

    static final long DEFAULT_TTL = 300;
    private static final int MAX_RECORDS = 100_000;
    private static final Name IN_ADDR_ARPA = Name.fromConstantString("in-addr.arpa.");
    private static final Name IP6_ARPA = Name.fromConstantString("ip6.arpa.");

    private final Map<Name, Map<Integer, RRset>> rrsets;
    private final Set<Name> apexes;
    private final Set<Name> existing;

    private ZoneContents(Map<Name, Map<Integer, RRset>> rrsets, Set<Name> apexes, Set<Name> existing) {
        this.rrsets = rrsets;
        this.apexes = apexes;
        this.existing = existing;
    }

    /**
     * Parses master-file text (RFC 1035 §5) with dnsjava's {@link Master}: origin ".", default TTL
     * 300, $INCLUDE disabled (zone text never reads files).
     *
     * @throws IllegalArgumentException for text that is not a valid zone, with the line
     */
    static ZoneContents parse(String zoneText) {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(
                new ByteArrayInputStream(zoneText.getBytes(StandardCharsets.UTF_8)), Name.root, DEFAULT_TTL)) {
            master.disableIncludes();
            master.expandGenerate(true);
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                if (r.getDClass() != DClass.IN) {
                    throw new IllegalArgumentException("invalid zone text: only class IN is served: " + r);
                }
                if (records.size() == MAX_RECORDS) {
                    throw new IllegalArgumentException("invalid zone text: more than " + MAX_RECORDS + " records");
                }
                records.add(r);
            }
        } catch (IOException e) {
            // dnsjava says "<none>:<line>: <problem>" for text read from a stream
            String problem = String.valueOf(e.getMessage()).replaceFirst("^<none>:(\\d+): ", "line $1: ");
            throw new IllegalArgumentException("invalid zone text: " + problem, e);
        }
        return of(records);
    }

    private static ZoneContents of(Collection<Record> records) {
        Set<Name> apexes = new HashSet<>();
        for (Record r : records) {
            if (r.getType() == Type.SOA) {
                apexes.add(r.getName());
            }
        }
        Map<Name, Map<Integer, RRset>> rrsets = new HashMap<>();
        Set<Name> impliedApexes = new HashSet<>();
        for (Record r : records) {
            rrsets.computeIfAbsent(r.getName(), n -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getType(), t -> new RRset())
                    .addRR(r);
            if (closestApex(apexes, r.getName()).isEmpty()) {
                impliedApexes.add(impliedApex(r.getName()));
            }
        }
        apexes.addAll(impliedApexes);
        // RFC 8020 §2: a name that owns no records but has descendants (an empty non-terminal)
        // exists, so it gets NODATA, never NXDOMAIN.
        Set<Name> existing = new HashSet<>(apexes);
        for (Name owner : rrsets.keySet()) {
            Name apex = closestApex(apexes, owner).orElseThrow();
            for (Name n = owner; n.labels() > apex.labels(); n = parent(n)) {
                existing.add(n);
            }
        }
        return new ZoneContents(Map.copyOf(rrsets), Set.copyOf(apexes), Set.copyOf(existing));
    }

    /** The apex of the closest enclosing zone, empty when no zone here covers {@code name}. */
    Optional<Name> apexOf(Name name) {
        return closestApex(apexes, name);
    }

    boolean exists(Name name) {
        return existing.contains(name);
    }

    /** The records of {@code type} owned by {@code name}, or null. */
    RRset find(Name name, int type) {
        return rrsets.getOrDefault(name, Map.of()).get(type);
    }

    /** Every RRset owned by {@code name} (for QTYPE ANY). */
    Collection<RRset> all(Name name) {
        return rrsets.getOrDefault(name, Map.of()).values();
    }

    /** The SOA of the zone at {@code apex}, or null for an implied zone without one. */
    SOARecord soa(Name apex) {
        RRset soa = find(apex, Type.SOA);
        return soa == null ? null : (SOARecord) soa.first();
    }

    private static Optional<Name> closestApex(Set<Name> apexes, Name name) {
        for (Name n = name; ; n = parent(n)) {
            if (apexes.contains(n)) {
                return Optional.of(n);
            }
            if (n.labels() <= 1) {
                return Optional.empty();
            }
        }
    }

    private static Name impliedApex(Name owner) {
        if (owner.subdomain(IN_ADDR_ARPA)) {
            return IN_ADDR_ARPA;
        }
        if (owner.subdomain(IP6_ARPA)) {
            return IP6_ARPA;
        }
        // labels() counts the root label: "customer.example." has 3
        return owner.labels() <= 3 ? owner : new Name(owner, owner.labels() - 3);
    }

    private static Name parent(Name name) {
        return new Name(name, 1);
    }
}
