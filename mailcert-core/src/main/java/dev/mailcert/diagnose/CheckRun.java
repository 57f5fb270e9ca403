package dev.mailcert.diagnose;

import dev.mailcert.AddressPolicy;
import dev.mailcert.Deadline;
import dev.mailcert.DeadlineThreads;
import dev.mailcert.HostName;
import dev.mailcert.cert.CertificateAssessor;
import dev.mailcert.discover.Discoverer;
import dev.mailcert.discover.Discovery;
import dev.mailcert.dns.Dns;
import dev.mailcert.dns.DnsResolver;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import dev.mailcert.probe.Endpoint;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.ProbeResult;
import dev.mailcert.probe.Prober;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** One check in progress: its deadline, its threads, and every lookup and probe made once. */
final class CheckRun {
    /** SRV services of RFC 6186 and RFC 8314, implicit TLS first. */
    static final List<String> SRV_SERVICES =
            List.of("_imaps._tcp", "_imap._tcp", "_pop3s._tcp", "_pop3._tcp", "_submissions._tcp", "_submission._tcp");

    static final int MAX_ADDRESSES = 8;
    static final int MAX_CANDIDATES = 24;
    static final int MAX_DISCOVERED_ADDRESSES = 2;
    static final int MAX_RELAYS = 4;

    private final Dns dns;
    private final Prober prober;
    private final CertificateAssessor assessor;
    private final Optional<Discoverer> discoverer;
    private final CheckRequest request;
    private final CheckSettings settings;
    private final AddressPolicy policy;
    private final Deadline deadline;
    private final DeadlineThreads threads;
    private final Map<HostName, Future<Lookup<List<InetAddress>>>> addressLookups = new ConcurrentHashMap<>();
    private final Map<ProbeKey, Future<EndpointResult>> probes = new ConcurrentHashMap<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final List<PolicyRefusal> refused = Collections.synchronizedList(new ArrayList<>());

    private record ProbeKey(HostName host, InetAddress address, Endpoint endpoint) {}

    CheckRun(CheckServices services, CheckRequest request, CheckSettings settings, Deadline deadline) {
        this.dns = services.dns();
        this.prober = services.prober();
        this.assessor = services.assessor();
        this.discoverer = services.discoverer();
        this.policy = services.policy();
        this.request = request;
        this.settings = settings;
        this.deadline = deadline;
        this.threads = new DeadlineThreads(deadline, notes::add);
    }

    Diagnosis diagnose() {
        long started = System.nanoTime();
        try (threads) {
            return diagnose(started);
        }
    }

    private Diagnosis diagnose(long started) {
        HostName domain = request.target().domain();
        String email =
                request.target().localPart().isPresent() ? request.target().input() : null;
        Future<Discovery> discovery = submit(() -> discoverer
                .map(d -> d.discover(
                        email, domain, Discoverer.HTTPS_PORT + settings.portOffset(), settings.at(), deadline))
                .orElse(new Discovery(List.of())));
        Future<Lookup<List<MxHost>>> mx = submit(() -> dns.mx(domain.value(), deadline));
        Future<Lookup<List<String>>> ns = submit(() -> dns.ns(domain.value(), deadline));
        Map<String, Future<Lookup<List<ServiceRecord>>>> srv = new LinkedHashMap<>();
        for (String service : SRV_SERVICES) {
            String name = service + "." + domain.value();
            srv.put(name, submit(() -> dns.srv(name, deadline)));
        }
        ServerChoice choice = request.server()
                .map(s -> new ServerChoice(s, ServerSource.CONFIGURED))
                .orElseGet(() -> chooseServer(domain, discovery, srv, mx));
        HostName server = choice.host();

        Lookup<List<InetAddress>> serverLookup = await(addresses(server), () -> new Lookup.Timeout<>(server.value()));
        List<InetAddress> addresses = allowed(server, serverLookup.orElse(List.of()));
        if (addresses.size() > MAX_ADDRESSES) {
            notes.add("DNS gave " + addresses.size() + " addresses for " + server + " (the resolver keeps at most "
                    + DnsResolver.MAX_ADDRESSES + "); only the first " + MAX_ADDRESSES + " were probed");
            addresses = addresses.subList(0, MAX_ADDRESSES);
        }
        List<Endpoint> endpoints = Endpoint.standard(settings.portOffset());
        for (InetAddress address : addresses) {
            for (Endpoint endpoint : endpoints) {
                probe(server, address, endpoint);
            }
        }
        Map<InetAddress, Future<Lookup<List<String>>>> ptr = new LinkedHashMap<>();
        for (InetAddress address : addresses) {
            ptr.put(address, submit(() -> dns.ptr(address, deadline)));
        }

        DnsFindings findings = new DnsFindings(
                serverLookup,
                await(mx, () -> new Lookup.Timeout<>(domain.value())),
                await(ns, () -> new Lookup.Timeout<>(domain.value())),
                threads.awaitAll(srv),
                threads.awaitAll(ptr));
        CandidateSearch search = new CandidateSearch(server, domain, findings, addresses);
        Map<HostName, Future<Candidate>> candidates = new LinkedHashMap<>();
        addCandidates(candidates, search.namesFromDns(), search, discovery);
        List<Future<List<EndpointResult>>> relays = request.mx() ? relayProbes(findings.mx()) : List.of();

        List<EndpointResult> serverResults = new ArrayList<>();
        for (InetAddress address : addresses) {
            for (Endpoint endpoint : endpoints) {
                serverResults.add(awaitProbe(server, address, endpoint));
            }
        }
        search.addCertificates(serverResults);
        Future<List<String>> withoutSni = submit(() -> ServerFindings.withoutSni(serverResults, prober, deadline));
        notes.addAll(ServerFindings.differentAcrossAddresses(serverResults));
        addCandidates(candidates, search.namesFromCertificates(), search, discovery);
        Discovery discovered = await(discovery, () -> new Discovery(List.of()));
        search.addDiscovery(discovered);
        addCandidates(candidates, search.namesFromDiscovery(), search, discovery);
        notes.addAll(await(withoutSni, List::of));
        List<Candidate> found = new ArrayList<>();
        for (var entry : candidates.entrySet()) {
            found.add(search.withEvidence(await(
                    entry.getValue(),
                    () -> CandidateSearch.unresolved(entry.getKey(), "no answer before the deadline"))));
        }
        List<EndpointResult> relayResults = new ArrayList<>();
        relays.forEach(f -> relayResults.addAll(await(f, List::of)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Diagnosis(
                request,
                settings,
                server,
                choice.source(),
                findings,
                discovered,
                serverResults,
                found,
                relayResults,
                refused,
                notes,
                elapsed);
    }

    /** Each MX host (at most {@value #MAX_RELAYS}) on port 25 with STARTTLS, with its own name as SNI. */
    private List<Future<List<EndpointResult>>> relayProbes(Lookup<List<MxHost>> mx) {
        List<Future<List<EndpointResult>>> tasks = new ArrayList<>();
        mx.orElse(List.of()).stream()
                .limit(MAX_RELAYS)
                .forEach(host -> CandidateSearch.hostName(host.host())
                        .ifPresent(name -> tasks.add(submit(() -> {
                            List<InetAddress> resolved = allowed(
                                    name,
                                    await(addresses(name), () -> new Lookup.Timeout<>(name.value()))
                                            .orElse(List.of()));
                            Endpoint relay = Endpoint.relay(settings.portOffset());
                            List<InetAddress> probed =
                                    resolved.subList(0, Math.min(resolved.size(), MAX_DISCOVERED_ADDRESSES));
                            probed.forEach(address -> probe(name, address, relay));
                            return probed.stream()
                                    .map(address -> awaitProbe(name, address, relay))
                                    .toList();
                        }))));
        return tasks;
    }

    /** Starts the search of each new name, at most {@value #MAX_CANDIDATES} in all; says so when some are skipped. */
    private void addCandidates(
            Map<HostName, Future<Candidate>> candidates,
            Iterable<HostName> names,
            CandidateSearch search,
            Future<Discovery> discovery) {
        int skipped = 0;
        for (HostName name : names) {
            if (candidates.containsKey(name)) {
                continue;
            }
            if (candidates.size() >= MAX_CANDIDATES) {
                skipped++;
                continue;
            }
            candidates.put(name, submit(() -> candidate(name, search, discovery)));
        }
        if (skipped > 0) {
            notes.add(skipped + " more names for this server were found than mailcert checks (" + MAX_CANDIDATES
                    + " at most); they were skipped");
        }
    }

    private record ServerChoice(HostName host, ServerSource source) {}

    /**
     * Without a configured server name, the name a client would end up with: the IMAP server of the domain's own
     * autoconfig or Autodiscover file, else an offered SRV target (RFC 6186), else the conventional
     * guesses mail.DOMAIN and imap.DOMAIN, else the first MX host.
     */
    private ServerChoice chooseServer(
            HostName domain,
            Future<Discovery> discovery,
            Map<String, Future<Lookup<List<ServiceRecord>>>> srv,
            Future<Lookup<List<MxHost>>> mx) {
        List<HostName> guesses = List.of(HostName.parse("mail." + domain), HostName.parse("imap." + domain));
        guesses.forEach(this::addresses);
        Optional<HostName> published =
                CandidateSearch.publishedImapHost(await(discovery, () -> new Discovery(List.of())));
        if (published.isPresent()) {
            return new ServerChoice(published.get(), ServerSource.AUTOCONFIG);
        }
        for (String service : List.of("_imaps._tcp", "_imap._tcp")) {
            Lookup<List<ServiceRecord>> records =
                    await(srv.get(service + "." + domain), () -> new Lookup.Timeout<>(service));
            for (ServiceRecord record : records.orElse(List.of())) {
                Optional<HostName> target = CandidateSearch.hostName(record.target());
                if (record.offered() && target.isPresent()) {
                    return new ServerChoice(target.get(), ServerSource.SRV);
                }
            }
        }
        for (HostName guess : guesses) {
            if (await(addresses(guess), () -> new Lookup.Timeout<>(guess.value()))
                    .found()) {
                return new ServerChoice(guess, ServerSource.GUESS);
            }
        }
        for (MxHost host : await(mx, () -> new Lookup.Timeout<List<MxHost>>(domain.value()))
                .orElse(List.of())) {
            Optional<HostName> name = CandidateSearch.hostName(host.host());
            if (name.isPresent()) {
                return new ServerChoice(name.get(), ServerSource.MX);
            }
        }
        return new ServerChoice(guesses.get(0), ServerSource.GUESS);
    }

    /**
     * Resolves a candidate name and, where it reaches a probed address, verifies it with its own SNI.
     * A name that points elsewhere is probed there only when the discovery paths name it, so this
     * waits for discovery: a name found in DNS first may be named by autoconfig too.
     */
    private Candidate candidate(HostName name, CandidateSearch search, Future<Discovery> discovery) {
        Lookup<List<InetAddress>> lookup = await(addresses(name), () -> new Lookup.Timeout<>(name.value()));
        if (!lookup.found()) {
            return CandidateSearch.unresolved(name, "no address: " + lookup.plain());
        }
        List<InetAddress> resolved = allowed(name, lookup.orElse(List.of()));
        List<InetAddress> shared =
                resolved.stream().filter(search.probedAddresses()::contains).toList();
        List<EndpointResult> verification = new ArrayList<>();
        for (InetAddress address : shared) {
            for (Endpoint endpoint : Endpoint.standard(settings.portOffset())) {
                EndpointResult base = awaitProbe(search.server(), address, endpoint);
                if (base.handshake()) {
                    probe(name, address, endpoint);
                }
            }
        }
        // a name a mail client is told to use is judged where it points, to say whether that client warns
        List<InetAddress> elsewhere = shared.isEmpty() && discovered(name, discovery)
                ? resolved.subList(0, Math.min(resolved.size(), MAX_DISCOVERED_ADDRESSES))
                : List.of();
        for (InetAddress address : elsewhere) {
            Endpoint.standard(settings.portOffset()).forEach(endpoint -> probe(name, address, endpoint));
        }
        for (InetAddress address : concat(shared, elsewhere)) {
            for (Endpoint endpoint : Endpoint.standard(settings.portOffset())) {
                if (probes.containsKey(new ProbeKey(name, address, endpoint))) {
                    verification.add(awaitProbe(name, address, endpoint));
                }
            }
        }
        boolean sameServer = !shared.isEmpty();
        String note = sameServer
                ? ""
                : "another server: resolves to "
                        + resolved.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        return new Candidate(name, resolved, sameServer, Set.of(), verification, note);
    }

    private boolean discovered(HostName name, Future<Discovery> discovery) {
        return CandidateSearch.clientHosts(await(discovery, () -> new Discovery(List.of())))
                .contains(name);
    }

    /** The addresses the policy lets the check connect to; the others are recorded as refused. */
    private List<InetAddress> allowed(HostName host, List<InetAddress> addresses) {
        List<InetAddress> allowed = new ArrayList<>();
        for (InetAddress address : addresses) {
            policy.refusal(address)
                    .ifPresentOrElse(
                            reason -> refused.add(new PolicyRefusal(host, address, reason)),
                            () -> allowed.add(address));
        }
        return allowed;
    }

    private static List<InetAddress> concat(List<InetAddress> a, List<InetAddress> b) {
        List<InetAddress> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Future<Lookup<List<InetAddress>>> addresses(HostName name) {
        return addressLookups.computeIfAbsent(name, n -> submit(() -> dns.addresses(n.value(), deadline)));
    }

    private void probe(HostName host, InetAddress address, Endpoint endpoint) {
        probes.computeIfAbsent(
                new ProbeKey(host, address, endpoint),
                key -> submit(() -> judge(host, prober.probe(address, endpoint, host.value(), deadline))));
    }

    private EndpointResult awaitProbe(HostName host, InetAddress address, Endpoint endpoint) {
        probe(host, address, endpoint);
        return await(
                probes.get(new ProbeKey(host, address, endpoint)),
                () -> judge(
                        host,
                        new ProbeResult(
                                address,
                                endpoint,
                                host.value(),
                                Outcome.TIMEOUT,
                                Optional.empty(),
                                "no result before the deadline",
                                settings.timeout())));
    }

    private EndpointResult judge(HostName host, ProbeResult result) {
        return new EndpointResult(
                host, result, result.handshake().map(h -> assessor.assess(h.chain(), host.value(), settings.at())));
    }

    private <T> Future<T> submit(Callable<T> task) {
        return threads.submit(task);
    }

    private <T> T await(Future<T> future, Supplier<T> onTimeout) {
        return threads.await(future, onTimeout);
    }
}
