package dev.mailcert.cert;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dNSName and iPAddress entries of a certificate's subject alternative names (RFC 5280
 * §4.2.1.6), as presented. Other entry types play no part in server identity (RFC 9525 §6).
 */
record AltNames(List<String> dnsNames, List<String> ipAddresses) {

    /** Far beyond any real certificate; keeps a hostile one from costing unbounded time. */
    static final int MAX_ENTRIES = 50_000;

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private static final int CACHED_CERTIFICATES = 64;
    private static final Map<X509Certificate, AltNames> CACHE =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<X509Certificate, AltNames> eldest) {
                    return size() > CACHED_CERTIFICATES;
                }
            });

    /** The entries of {@code cert}, read once: a check asks the same few certificates many times. */
    static AltNames of(X509Certificate cert) {
        AltNames cached = CACHE.get(cert);
        if (cached != null) {
            return cached;
        }
        AltNames read = read(cert);
        CACHE.put(cert, read);
        return read;
    }

    private static AltNames read(X509Certificate cert) {
        Collection<List<?>> entries;
        try {
            entries = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException | RuntimeException e) {
            // an unreadable extension covers nothing
            return new AltNames(List.of(), List.of());
        }
        if (entries == null) {
            return new AltNames(List.of(), List.of());
        }
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        int seen = 0;
        for (List<?> entry : entries) {
            if (++seen > MAX_ENTRIES) {
                break;
            }
            if (entry.size() < 2
                    || !(entry.get(0) instanceof Integer type)
                    || !(entry.get(1) instanceof String value)) {
                continue;
            }
            if (type == DNS_NAME) {
                dns.add(value);
            } else if (type == IP_ADDRESS) {
                ips.add(value);
            }
        }
        return new AltNames(List.copyOf(dns), List.copyOf(ips));
    }

    boolean isEmpty() {
        return dnsNames.isEmpty() && ipAddresses.isEmpty();
    }
}
