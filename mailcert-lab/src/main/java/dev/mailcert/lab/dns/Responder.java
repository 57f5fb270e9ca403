package dev.mailcert.lab.dns;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Turns one query (wire format) into the response an authoritative server would send, or into
 * silence. Pure apart from the query counter: no sockets, so every rule is testable directly.
 */
final class Responder {

    /** How a query arrived: UDP responses are size-limited, TCP ones are not (RFC 7766). */
    enum Transport {
        UDP,
        TCP
    }

    /** Bound on CNAMEs followed inside the zones; a loop simply stops the answer there. */
    static final int MAX_CNAME_HOPS = 16;

    private static final int TCP_MAX = 65535;

    private final ZoneContents zones;
    private final DnsBehaviour behaviour;
    private final AtomicInteger queries = new AtomicInteger();
    /** The questions asked, in order, "name TYPE" each; at most {@value #MAX_LOGGED} kept. */
    private final Queue<String> asked = new ConcurrentLinkedQueue<>();

    static final int MAX_LOGGED = 10_000;

    Responder(ZoneContents zones, DnsBehaviour behaviour) {
        this.zones = zones;
        this.behaviour = behaviour;
    }

    int queries() {
        return queries.get();
    }

    List<String> questions() {
        return List.copyOf(asked);
    }

    /** The response bytes, or empty when the query is to be ignored (garbage, a response, a silent name). */
    Optional<byte[]> respond(byte[] wire, Transport transport) {
        if (wire.length < Header.LENGTH) {
            return Optional.empty();
        }
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException | RuntimeException e) {
            boolean isResponse = (wire[2] & 0x80) != 0;
            return isResponse ? Optional.empty() : Optional.of(formErr(wire));
        }
        if (query.getHeader().getFlag(Flags.QR)) {
            return Optional.empty(); // never answer a response (RFC 1035 §4.1.1)
        }
        queries.incrementAndGet();
        Message response = reply(query);
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return Optional.of(response.toWire(TCP_MAX));
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getCount(Section.QUESTION) != 1) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return Optional.of(response.toWire(TCP_MAX));
        }
        if (transport == Transport.UDP && queries.get() <= MAX_LOGGED) {
            // a TCP retry after truncation repeats the UDP question: only the first asking is logged
            asked.add(question.getName().toString().toLowerCase(Locale.ROOT) + " " + Type.string(question.getType()));
        }
        String key = DnsBehaviour.key(question.getName().toString());
        if (behaviour.silent().contains(key)) {
            return Optional.empty();
        }
        OPTRecord offered = query.getOPT();
        if (offered != null) {
            // RFC 6891 §6.1.1: answer EDNS with EDNS, stating our own buffer size
            response.addRecord(new OPTRecord(behaviour.udpPayloadLimit(), 0, 0), Section.ADDITIONAL);
        }
        if (behaviour.servfail().contains(key)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (behaviour.refused().contains(key)) {
            response.getHeader().setRcode(Rcode.REFUSED);
        } else if (transport == Transport.UDP && behaviour.truncateOverUdp().contains(key)) {
            response.getHeader().setFlag(Flags.TC);
        } else {
            answer(question, response);
        }
        int limit = transport == Transport.TCP ? TCP_MAX : udpLimit(offered);
        // Message.toWire(limit) drops whole RRsets that do not fit and sets TC (RFC 2181 §9)
        return Optional.of(response.toWire(limit));
    }

    private int udpLimit(OPTRecord offered) {
        if (offered == null) {
            return DnsBehaviour.CLASSIC_UDP_SIZE;
        }
        return Math.max(DnsBehaviour.CLASSIC_UDP_SIZE, Math.min(offered.getPayloadSize(), behaviour.udpPayloadLimit()));
    }

    private void answer(Record question, Message response) {
        Name qname = question.getName();
        int qtype = question.getType();
        Optional<Name> apex = zones.apexOf(qname);
        boolean classOk = question.getDClass() == DClass.IN || question.getDClass() == DClass.ANY;
        if (apex.isEmpty() || !classOk || qtype == Type.AXFR || qtype == Type.IXFR) {
            response.getHeader().setRcode(Rcode.REFUSED); // not authoritative for it, or zone transfer
            return;
        }
        response.getHeader().setFlag(Flags.AA);
        Set<Name> seen = new HashSet<>();
        Name current = qname;
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            seen.add(current);
            if (!zones.exists(current)) {
                // RFC 6604 §3: after a CNAME the RCODE describes the last name of the chain
                response.getHeader().setRcode(Rcode.NXDOMAIN);
                addSoa(current, response);
                return;
            }
            if (qtype == Type.ANY && !zones.all(current).isEmpty()) {
                zones.all(current).forEach(rrset -> add(rrset, response));
                return;
            }
            RRset wanted = zones.find(current, qtype);
            if (wanted != null) {
                add(wanted, response);
                return;
            }
            RRset cname = zones.find(current, Type.CNAME);
            if (cname == null) {
                addSoa(current, response); // NODATA: NOERROR, empty answer (RFC 2308 §2.2)
                return;
            }
            add(cname, response);
            Name target = ((CNAMERecord) cname.first()).getTarget();
            if (seen.contains(target) || zones.apexOf(target).isEmpty()) {
                return; // a loop, or a target served elsewhere: the asker follows on
            }
            current = target;
        }
    }

    private void addSoa(Name name, Message response) {
        zones.apexOf(name).map(zones::soa).ifPresent((SOARecord soa) -> response.addRecord(soa, Section.AUTHORITY));
    }

    private static void add(RRset rrset, Message response) {
        for (Record r : rrset.rrs(false)) {
            response.addRecord(r, Section.ANSWER);
        }
    }

    private static Message reply(Message query) {
        Message response = new Message(query.getHeader().getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD); // copied; RA stays clear: this server does not recurse
        }
        Record question = query.getQuestion();
        if (question != null) {
            response.addRecord(question, Section.QUESTION);
        }
        return response;
    }

    /** RFC 1035 §4.1.1 FORMERR for a query that does not parse, keeping its ID so the asker can match it. */
    private static byte[] formErr(byte[] wire) {
        int id = ((wire[0] & 0xFF) << 8) | (wire[1] & 0xFF);
        Message response = new Message(id);
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(Rcode.FORMERR);
        return response.toWire();
    }
}
