package dev.mailcert.discover;

import dev.mailcert.Deadline;
import dev.mailcert.DeadlineThreads;
import dev.mailcert.HostName;
import dev.mailcert.Printable;
import dev.mailcert.RegistrableDomain;
import dev.mailcert.clientconfig.AutoconfigReader;
import dev.mailcert.clientconfig.AutodiscoverReader;
import dev.mailcert.discover.DiscoveryPath.Result;
import dev.mailcert.dns.Dns;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Asks every place a mail client looks for its server names, all at once, each bounded by the
 * deadline, and reports each path in the order clients try them (see docs/discovery.md).
 *
 * <pre>{@code
 * Discoverer discoverer = new Discoverer(dns, new HttpsWebClient(dns), false);
 * Discovery d = discoverer.discover("alice@customer.example", HostName.parse("customer.example"),
 *         Discoverer.HTTPS_PORT, Instant.now(), deadline);
 * d.hostNames(); // [mail.customer.example, mx.webhost.example, ...]
 * }</pre>
 */
public final class Discoverer {
    public static final int HTTPS_PORT = 443;
    /** Mozilla's ISP database (Thunderbird's "ISPDB"); asked only when online. */
    public static final String ISPDB_HOST = "autoconfig.thunderbird.net";

    static final String AUTOCONFIG_PATH = "/mail/config-v1.1.xml";
    static final String WELL_KNOWN_PATH = "/.well-known/autoconfig/mail/config-v1.1.xml";
    static final String AUTODISCOVER_PATH = "/autodiscover/autodiscover.xml";
    private static final String AUTODISCOVER_TYPE = "text/xml; charset=utf-8";

    private final Dns dns;
    private final WebClient web;
    private final boolean offline;

    /** @param offline true: never ask hosts outside the domain's own (the ISP database is skipped) */
    public Discoverer(Dns dns, WebClient web, boolean offline) {
        this.dns = dns;
        this.web = web;
        this.offline = offline;
    }

    /**
     * @param emailAddressOrNull the address being set up, sent to autoconfig and Autodiscover as clients do; null
     * for a domain
     * @param httpsPort the port of the domain's own HTTPS paths (443; a lab uses 443 + its port offset);
     *     the ISP database is always asked on 443
     * @param at the time HTTPS servers' certificates are judged at: the check's evaluation time
     */
    public Discovery discover(
            @Nullable String emailAddressOrNull, HostName domain, int httpsPort, Instant at, Deadline deadline) {
        String d = domain.value();
        Optional<String> address = Optional.ofNullable(emailAddressOrNull);
        List<Task> tasks = new ArrayList<>();
        // a path stuck past its deadline is abandoned when the threads close, not waited for
        try (DeadlineThreads threads = new DeadlineThreads(deadline, note -> {})) {
            Future<Lookup<List<MxHost>>> mxFuture = threads.submit(() -> dns.mx(d, deadline));
            Supplier<Lookup<List<MxHost>>> mx = () -> threads.await(mxFuture, () -> new Lookup.Timeout<>(d));
            String autoconfig = url(
                    "autoconfig." + d,
                    httpsPort,
                    AUTOCONFIG_PATH
                            + address.map(a -> "?emailaddress=" + URLEncoder.encode(a, StandardCharsets.UTF_8))
                                    .orElse(""));
            tasks.add(new Task(
                    DiscoverySource.AUTOCONFIG,
                    autoconfig,
                    () -> autoconfig(DiscoverySource.AUTOCONFIG, autoconfig, at, deadline)));
            String wellKnown = url(d, httpsPort, WELL_KNOWN_PATH);
            tasks.add(new Task(
                    DiscoverySource.WELL_KNOWN,
                    wellKnown,
                    () -> autoconfig(DiscoverySource.WELL_KNOWN, wellKnown, at, deadline)));
            String ispdb = ispdbUrl(d);
            tasks.add(new Task(DiscoverySource.ISPDB, ispdb, () -> ispdb(DiscoverySource.ISPDB, ispdb, at, deadline)));
            tasks.add(new Task(DiscoverySource.ISPDB_MX, "MX of " + d, () -> ispdbByMx(d, mx.get(), at, deadline)));
            for (String host : List.of(d, "autodiscover." + d)) {
                String url = url(host, httpsPort, AUTODISCOVER_PATH);
                tasks.add(new Task(
                        DiscoverySource.AUTODISCOVER,
                        url,
                        () -> autodiscover(DiscoverySource.AUTODISCOVER, url, address, at, deadline)));
            }
            String autodiscoverSrv = "_autodiscover._tcp." + d;
            tasks.add(new Task(
                    DiscoverySource.AUTODISCOVER_SRV,
                    autodiscoverSrv,
                    () -> autodiscoverBySrv(autodiscoverSrv, address, at, deadline)));
            for (MailServiceRecord service : MailServiceRecord.values()) {
                String name = service.nameFor(d);
                tasks.add(new Task(
                        DiscoverySource.SRV, name, () -> DnsPaths.srv(service, name, dns.srv(name, deadline))));
            }
            tasks.add(new Task(DiscoverySource.MX, d, () -> DnsPaths.mx(d, mx.get())));
            for (String label : List.of("imap", "mail", "smtp")) {
                String name = label + "." + d;
                tasks.add(new Task(
                        DiscoverySource.GUESS, name, () -> DnsPaths.guess(name, dns.addresses(name, deadline))));
            }
            List<Future<DiscoveryPath>> running =
                    tasks.stream().map(t -> threads.submit(t::run)).toList();
            List<DiscoveryPath> paths = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                paths.add(threads.await(
                        running.get(i),
                        () -> DiscoveryPath.without(
                                task.source(), task.location(), Result.TIMEOUT, "no answer before the deadline"),
                        bug -> DiscoveryPath.without(
                                task.source(),
                                task.location(),
                                Result.FAILED,
                                "failed: " + Printable.of(String.valueOf(bug)))));
            }
            return new Discovery(paths);
        }
    }

    /** One path: what it asks and how, so that a path cut off at the deadline is still reported where it asked. */
    private record Task(DiscoverySource source, String location, Supplier<DiscoveryPath> work) {
        DiscoveryPath run() {
            try {
                return work.get();
            } catch (RuntimeException e) {
                // a stage border: an unexpected failure of one path becomes that path's finding
                return DiscoveryPath.without(
                        source, location, Result.FAILED, "failed: " + Printable.of(String.valueOf(e.getMessage())));
            }
        }
    }

    private DiscoveryPath autoconfig(DiscoverySource source, String url, Instant at, Deadline deadline) {
        WebResponse response = web.get(URI.create(url), at, deadline);
        return WebPathOutcome.of(source, url, response, AutoconfigReader::parse, "autoconfig");
    }

    private DiscoveryPath ispdb(DiscoverySource source, String url, Instant at, Deadline deadline) {
        if (offline) {
            return DiscoveryPath.without(source, url, Result.SKIPPED, "offline");
        }
        WebResponse response = web.get(URI.create(url), at, deadline);
        return WebPathOutcome.of(source, url, response, AutoconfigReader::parse, "ISP database");
    }

    /**
     * Thunderbird asks the ISP database for the registrable domain of the highest-priority MX host
     * when it differs from the mail domain (a domain hosted by a provider that is listed there).
     */
    private DiscoveryPath ispdbByMx(String domain, Lookup<List<MxHost>> mx, Instant at, Deadline deadline) {
        String asked = "MX of " + domain;
        if (offline) {
            return DiscoveryPath.without(DiscoverySource.ISPDB_MX, asked, Result.SKIPPED, "offline");
        }
        Optional<String> exchange = mx.orElse(List.of()).stream()
                .min(Comparator.comparingInt(MxHost::preference))
                .map(m -> DnsPaths.host(m.host()))
                .filter(HostName::isValid);
        if (exchange.isEmpty()) {
            return DiscoveryPath.without(
                    DiscoverySource.ISPDB_MX,
                    asked,
                    DnsPaths.notFound(mx),
                    mx.found() ? "no usable MX host" : mx.plain());
        }
        Optional<String> base = RegistrableDomain.of(new HostName(exchange.get()));
        if (base.isEmpty() || base.get().equals(domain)) {
            return DiscoveryPath.without(
                    DiscoverySource.ISPDB_MX,
                    asked,
                    Result.SKIPPED,
                    "the MX host " + exchange.get() + " is under the domain itself");
        }
        String url = ispdbUrl(base.get());
        DiscoveryPath path = ispdb(DiscoverySource.ISPDB_MX, url, at, deadline);
        return new DiscoveryPath(
                path.source(),
                path.location(),
                path.outcome(),
                path.servers(),
                path.detail() + " (MX host " + exchange.get() + ")");
    }

    private DiscoveryPath autodiscover(
            DiscoverySource source, String url, Optional<String> address, Instant at, Deadline deadline) {
        if (address.isEmpty()) {
            return DiscoveryPath.without(
                    source, url, Result.SKIPPED, "Autodiscover needs a mail address; only a domain was given");
        }
        WebResponse response =
                web.post(URI.create(url), AutodiscoverRequest.of(address.get()), AUTODISCOVER_TYPE, at, deadline);
        return WebPathOutcome.of(source, url, response, AutodiscoverReader::parse, "Autodiscover");
    }

    /** Outlook's last resort: SRV _autodiscover._tcp names the host (and port) to POST to. */
    private DiscoveryPath autodiscoverBySrv(String name, Optional<String> address, Instant at, Deadline deadline) {
        Lookup<List<ServiceRecord>> srv = dns.srv(name, deadline);
        Optional<ServiceRecord> target = srv.orElse(List.of()).stream()
                .filter(ServiceRecord::offered)
                .findFirst()
                .filter(r -> HostName.isValid(DnsPaths.host(r.target())));
        if (target.isEmpty()) {
            String why = srv.found() ? "not offered: no usable target" : srv.plain();
            return DiscoveryPath.without(DiscoverySource.AUTODISCOVER_SRV, name, DnsPaths.notFound(srv), why);
        }
        String url = url(DnsPaths.host(target.get().target()), target.get().port(), AUTODISCOVER_PATH);
        DiscoveryPath path = autodiscover(DiscoverySource.AUTODISCOVER_SRV, url, address, at, deadline);
        return new DiscoveryPath(
                path.source(),
                path.location(),
                path.outcome(),
                path.servers(),
                path.detail() + " (via SRV " + name + ")");
    }

    /**
     * Mozilla's service on the internet, always on 443: a lab's port offset moves only the domain's
     * own discovery hosts (autoconfig, Autodiscover), never a host outside the lab.
     */
    static String ispdbUrl(String domain) {
        return url(ISPDB_HOST, HTTPS_PORT, "/v1.1/" + domain);
    }

    static String url(String host, int port, String pathAndQuery) {
        return "https://" + host + (port == HTTPS_PORT ? "" : ":" + port) + pathAndQuery;
    }
}
