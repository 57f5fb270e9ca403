package dev.mailcert.engine;

import dev.mailcert.AddressPolicy;
import dev.mailcert.Deadline;
import dev.mailcert.advise.Advisor;
import dev.mailcert.cert.CertificateAssessor;
import dev.mailcert.cert.Inspection;
import dev.mailcert.cert.Inspector;
import dev.mailcert.cert.ServedCertificates;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.diagnose.Check;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.CheckServices;
import dev.mailcert.diagnose.CheckSettings;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.discover.Discoverer;
import dev.mailcert.discover.HttpsWebClient;
import dev.mailcert.dns.Dns;
import dev.mailcert.dns.DnsCache;
import dev.mailcert.dns.DnsResolver;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.probe.ConnectionLimiter;
import dev.mailcert.probe.HandshakeCache;
import dev.mailcert.probe.ProbeLimits;
import dev.mailcert.probe.Prober;
import dev.mailcert.probe.TlsProber;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine: the one front door through which the command line, the fleet scan, the web
 * service and any other Java program run checks. Made once with a {@link Builder}, it is
 * immutable and thread-safe, and runs any number of checks at once from any threads.
 *
 * <pre>{@code
 * Mailcert mailcert = Mailcert.builder()
 *         .dnsServer(DnsServer.parse("127.0.0.53"))   // default: the system's resolvers
 *         .timeout(Duration.ofSeconds(10))
 *         .build();
 * CheckResult result = mailcert.check(CheckRequest.of("alice@customer.example")
 *         .withServer(HostName.parse("mail.customer.example")));
 * result.verdict();                      // FIXABLE
 * result.advice().recommendations();     // srv12.webhost.example on 993, 995 and 465
 * }</pre>
 *
 * <p>Each check asks each DNS question once and makes each handshake (address, port, SNI) once.
 * With {@link Builder#shareAcrossChecks} the DNS answers (within their TTL) and the handshakes
 * are shared by every check of the engine: a fleet scan asks a shared server once per name, not
 * once per domain. Connections to one address are limited across all checks of the engine.
 */
public final class Mailcert {
    private final Dns resolver;
    private final TrustAnchors trust;
    private final CertificateAssessor assessor;
    private final Prober prober;
    private final int portOffset;
    private final Duration timeout;
    private final boolean offline;
    private final boolean discovery;
    private final Clock clock;
    private final AddressPolicy policy;
    private final Optional<DnsCache> sharedDns;
    private final Optional<HandshakeCache> sharedHandshakes;
    private final AtomicLong questions = new AtomicLong();
    private final AtomicLong handshakes = new AtomicLong();

    private Mailcert(Builder b) {
        this.resolver =
                b.dns != null ? b.dns : b.dnsServer != null ? DnsResolver.using(b.dnsServer) : DnsResolver.system();
        this.trust = b.trust != null ? b.trust : TrustAnchors.system();
        this.assessor = new CertificateAssessor(trust);
        Prober limited = new ConnectionLimiter(b.connectionsPerAddress)
                .wrap(b.prober != null ? b.prober : new TlsProber(b.limits));
        this.prober = limited;
        this.portOffset = b.portOffset;
        this.timeout = b.timeout;
        this.offline = b.offline;
        this.discovery = b.discovery;
        this.clock = b.clock;
        this.policy = b.policy;
        this.sharedDns = b.sharedCapacity > 0
                ? Optional.of(DnsCache.shared(resolver, b.sharedCapacity, b.sharedLifetime))
                : Optional.empty();
        this.sharedHandshakes = b.sharedCapacity > 0
                ? Optional.of(new HandshakeCache(prober, b.sharedCapacity, b.sharedLifetime))
                : Optional.empty();
        new CheckSettings(portOffset, clock.instant(), timeout); // the settings are checked once, here
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs a check within the engine's timeout from now. */
    public CheckResult check(CheckRequest request) {
        return check(request, Deadline.after(timeout));
    }

    /** Runs a check that ends by {@code deadline}, e.g. one counted from the start of the process. */
    public CheckResult check(CheckRequest request, Deadline deadline) {
        Objects.requireNonNull(request, "request");
        DnsCache dns = DnsCache.forOneCheck(sharedDns.<Dns>map(d -> d).orElse(resolver));
        HandshakeCache handshakeCache = new HandshakeCache(
                sharedHandshakes.<Prober>map(p -> p).orElse(prober), 4_096, CheckSettings.MAX_TIMEOUT);
        Optional<Discoverer> discoverer = discovery
                ? Optional.of(new Discoverer(dns, new HttpsWebClient(dns, trust, policy), offline))
                : Optional.empty();
        CheckSettings settings = new CheckSettings(portOffset, clock.instant(), timeout);
        Diagnosis diagnosis = Check.run(
                new CheckServices(dns, handshakeCache, assessor, discoverer, policy), request, settings, deadline);
        questions.addAndGet(dns.questionsAsked());
        handshakes.addAndGet(handshakeCache.connectionsMade());
        return new CheckResult(diagnosis, Advisor.advise(diagnosis));
    }

    /**
     * Judges a chain read from a file: {@code served} leaf first as a server would send it, for
     * {@code host}, at the engine's clock.
     */
    public Inspection inspect(List<X509Certificate> served, String host) {
        return Inspector.inspect(served, host, trust, clock.instant());
    }

    /** As {@link #inspect(List, String)}, for a chain read from a file that may hold certificates the JDK refuses. */
    public Inspection inspect(ServedCertificates served, String host) {
        return Inspector.inspect(served, host, trust, clock.instant());
    }

    /** The trust anchors certificates are judged against. */
    public TrustAnchors trust() {
        return trust;
    }

    /** The time each check is allowed unless given its own deadline. */
    public Duration timeout() {
        return timeout;
    }

    /** DNS questions asked beyond each check's own view (to the shared view or the resolver), over all checks. */
    public long questionsAsked() {
        return questions.get();
    }

    /** Probes that went past each check's own memo (to the shared memo or the network), over all checks. */
    public long handshakesMade() {
        return handshakes.get();
    }

    /**
     * Settings of an engine. Every setting has a default: the system's DNS resolvers, the JDK's
     * trust anchors, the standard ports, 20 seconds per check, the clock of the system, every
     * address allowed, at most 4 connections at a time to one address.
     */
    public static final class Builder {
        private DnsServer dnsServer;
        private Dns dns;
        private TrustAnchors trust;
        private Prober prober;
        private ProbeLimits limits = ProbeLimits.defaults();
        private int portOffset;
        private Duration timeout = Duration.ofSeconds(20);
        private boolean offline;
        private boolean discovery = true;
        private Clock clock = Clock.systemUTC();
        private AddressPolicy policy = AddressPolicy.ANY;
        private int connectionsPerAddress = 4;
        private int sharedCapacity;
        private Duration sharedLifetime = Duration.ofMinutes(30);

        private Builder() {}

        /** Ask this DNS server instead of the system's resolvers. */
        public Builder dnsServer(DnsServer server) {
            this.dnsServer = Objects.requireNonNull(server, "server");
            return this;
        }

        /** Answer DNS questions with {@code dns} (tests, or a resolver of the caller's own). */
        public Builder dns(Dns dns) {
            this.dns = Objects.requireNonNull(dns, "dns");
            return this;
        }

        /** Trust exactly these anchors instead of the JDK's. */
        public Builder trust(TrustAnchors anchors) {
            this.trust = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /** Connect and hand-shake with {@code prober} instead of the JDK's TLS (tests, instrumentation). */
        public Builder prober(Prober prober) {
            this.prober = Objects.requireNonNull(prober, "prober");
            return this;
        }

        /** Bounds on lines, bytes and steps of every connection. */
        public Builder limits(ProbeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Add {@code offset} to every standard port and to HTTPS discovery (labs listen on port + 10000). */
        public Builder portOffset(int offset) {
            if (offset < 0 || offset > CheckSettings.MAX_PORT_OFFSET) {
                throw new IllegalArgumentException("the port offset must be between 0 and "
                        + CheckSettings.MAX_PORT_OFFSET + " (ports above 65535 do not exist): " + offset);
            }
            this.portOffset = offset;
            return this;
        }

        /** The time each check is allowed, from its start. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(CheckSettings.MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("the time allowed must be between 1 and "
                        + CheckSettings.MAX_TIMEOUT.toSeconds() + " seconds: " + timeout.toSeconds());
            }
            this.timeout = timeout;
            return this;
        }

        /** {@code true}: never ask hosts outside the domain's own (Mozilla's ISP database is skipped). */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** {@code false}: skip the discovery paths of mail clients (autoconfig, Autodiscover, ISP database). */
        public Builder discovery(boolean follow) {
            this.discovery = follow;
            return this;
        }

        /** The clock certificates are judged by. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Which addresses the engine may connect to (default: all). */
        public Builder addressPolicy(AddressPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** At most this many connections at a time to one server address, over all checks. */
        public Builder connectionsPerAddress(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("at least one connection per address is needed: " + connections);
            }
            this.connectionsPerAddress = connections;
            return this;
        }

        /**
         * Share DNS answers and handshakes across checks: at most {@code capacity} of each kept,
         * a DNS answer no longer than its TTL and {@code lifetime}, a handshake for {@code lifetime}.
         */
        public Builder shareAcrossChecks(int capacity, Duration lifetime) {
            if (capacity < 1) {
                throw new IllegalArgumentException("a shared cache holds at least one result: " + capacity);
            }
            this.sharedCapacity = capacity;
            this.sharedLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        public Mailcert build() {
            return new Mailcert(this);
        }
    }
}
