package dev.mailcert.discover;

import dev.mailcert.AddressPolicy;
import dev.mailcert.Deadline;
import dev.mailcert.DeadlineWatch;
import dev.mailcert.HostName;
import dev.mailcert.Printable;
import dev.mailcert.cert.Assessment;
import dev.mailcert.cert.CertificateAssessor;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.discover.HttpResponseReader.Answer;
import dev.mailcert.discover.HttpResponseReader.BodyTooLargeException;
import dev.mailcert.discover.HttpResponseReader.MalformedResponseException;
import dev.mailcert.discover.WebResponse.Kind;
import dev.mailcert.dns.Dns;
import dev.mailcert.dns.Lookup;
import dev.mailcert.probe.ChainCapture;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * A deliberately small HTTPS client for client configuration files. Host names are resolved
 * through the check's {@link Dns} (so a chosen DNS server and the lab work for discovery too), each
 * address tried in turn until one accepts, the server is asked with SNI = the host name, and its
 * certificate is judged by the certificate engine for that name, at the check's evaluation time,
 * against the given trust anchors before any request byte is sent: a certificate a mail client
 * would refuse ends the fetch as {@link Kind#FAILED}, naming the problem.
 *
 * <p>Bounded everywhere: the deadline ends every step, bodies stop at {@value #MAX_BODY} bytes,
 * at most {@value #MAX_REDIRECTS} redirects are followed and only within the origin first asked
 * (https, the same host, the same port: a configuration served from elsewhere is not the one
 * clients find there). No cookies, no caching, a fixed User-Agent "mailcert", one request per
 * connection.
 *
 * <pre>{@code
 * WebClient web = new HttpsWebClient(DnsResolver.system(), TrustAnchors.system());
 * WebResponse r = web.get(URI.create("https://autoconfig.example.com/mail/config-v1.1.xml"), request.at(), deadline);
 * }</pre>
 */
public final class HttpsWebClient implements WebClient {
    public static final int MAX_BODY = 256 * 1024;
    public static final int MAX_REDIRECTS = 3;
    private static final int HTTPS_PORT = 443;
    /** A single connect or read waits at most this long, even when the deadline is further away. */
    private static final Duration STEP_CAP = Duration.ofSeconds(10);
    /** A connect to an address that is not the host's last waits at most this long before the next is tried. */
    private static final Duration NEXT_ADDRESS_AFTER = Duration.ofSeconds(3);

    private static final int MAX_ADDRESSES = 4;

    private final Dns dns;
    private final CertificateAssessor assessor;
    private final AddressPolicy policy;

    /** Trusts the JDK's default trust store, like a mail client on this machine. */
    public HttpsWebClient(Dns dns) {
        this(dns, TrustAnchors.system());
    }

    public HttpsWebClient(Dns dns, TrustAnchors trust) {
        this(dns, trust, AddressPolicy.ANY);
    }

    /**
     * A client that connects only to addresses {@code policy} allows (checked after each lookup, before connecting).
     */
    public HttpsWebClient(Dns dns, TrustAnchors trust, AddressPolicy policy) {
        this.dns = dns;
        this.assessor = new CertificateAssessor(trust);
        this.policy = policy;
    }

    @Override
    public WebResponse get(URI uri, Instant at, Deadline deadline) {
        return fetch(new Request("GET", uri, null, null), at, deadline);
    }

    @Override
    public WebResponse post(URI uri, byte[] body, String contentType, Instant at, Deadline deadline) {
        return fetch(new Request("POST", uri, body.clone(), contentType), at, deadline);
    }

    private record Request(String method, URI uri, byte[] body, String contentType) {
        Request to(URI other) {
            return new Request(method, other, body, contentType);
        }

        Request asGet(URI other) {
            return new Request("GET", other, null, null);
        }
    }

    /** Either an HTTP answer or the reason there is none. */
    private sealed interface Attempt {
        record Answered(Answer answer) implements Attempt {}

        record Unanswered(WebResponse response) implements Attempt {}
    }

    private WebResponse fetch(Request request, Instant at, Deadline deadline) {
        Request current = request;
        for (int redirects = 0; ; redirects++) {
            Attempt attempt = exchange(current, at, deadline);
            if (attempt instanceof Attempt.Unanswered u) {
                return u.response();
            }
            Answer answer = ((Attempt.Answered) attempt).answer();
            Optional<String> location = answer.last("location");
            if (!Redirects.STATUSES.contains(answer.status()) || location.isEmpty()) {
                return WebResponse.answered(
                        answer.status(), answer.body(), current.uri().toString());
            }
            String here = current.uri().toString();
            if (redirects == MAX_REDIRECTS) {
                return failed(here, "more than " + MAX_REDIRECTS + " redirects");
            }
            URI next;
            try {
                next = current.uri().resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                return failed(here, "redirects to a malformed URL: " + Printable.of(location.get()));
            }
            Optional<String> refused = Redirects.offOrigin(request.uri(), next);
            if (refused.isPresent()) {
                return failed(here, refused.get());
            }
            String method = Redirects.methodAfter(answer.status(), current.method());
            current = method.equals(current.method()) ? current.to(next) : current.asGet(next);
        }
    }

    private Attempt exchange(Request request, Instant at, Deadline deadline) {
        URI uri = request.uri();
        String where = uri.toString();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || !HostName.isValid(host)) {
            return new Attempt.Unanswered(failed(where, "not an https URL with a host name"));
        }
        int port = Redirects.port(uri);
        if (deadline.expired()) {
            return new Attempt.Unanswered(
                    WebResponse.unanswered(Kind.TIMEOUT, where, "the deadline passed before asking"));
        }
        Lookup<List<InetAddress>> addresses = dns.addresses(host, deadline);
        if (addresses instanceof Lookup.Timeout<List<InetAddress>>) {
            return new Attempt.Unanswered(WebResponse.unanswered(Kind.TIMEOUT, where, addresses.plain()));
        }
        if (addresses instanceof Lookup.ServFail<List<InetAddress>>
                || addresses instanceof Lookup.Failed<List<InetAddress>>) {
            return new Attempt.Unanswered(failed(where, addresses.plain()));
        }
        // NXDOMAIN and NODATA: the host has no address, which is how most domains say "no autoconfig here"
        List<InetAddress> found = addresses.orElse(List.of());
        if (found.isEmpty()) {
            String why = addresses.found() ? host + " has no address" : addresses.plain();
            return new Attempt.Unanswered(WebResponse.unanswered(Kind.NO_SUCH_HOST, where, why));
        }
        List<InetAddress> allowed =
                found.stream().filter(a -> policy.refusal(a).isEmpty()).toList();
        if (allowed.isEmpty()) {
            return new Attempt.Unanswered(WebResponse.unanswered(
                    Kind.REFUSED,
                    where,
                    "not connected: " + policy.refusal(found.get(0)).orElse("") + " ("
                            + found.get(0).getHostAddress() + ")"));
        }
        Connected connected = connect(allowed.stream().limit(MAX_ADDRESSES).toList(), port, deadline);
        return switch (connected) {
            case Connected.To to -> converse(to.socket(), host, port, request, at, deadline);
            case Connected.Refused r -> new Attempt.Unanswered(WebResponse.unanswered(Kind.REFUSED, where, r.why()));
            case Connected.TimedOut t -> new Attempt.Unanswered(WebResponse.unanswered(Kind.TIMEOUT, where, t.why()));
        };
    }

    /** A connection to one of a host's addresses, or why there is none. */
    private sealed interface Connected {
        record To(Socket socket) implements Connected {}

        record Refused(String why) implements Connected {}

        record TimedOut(String why) implements Connected {}
    }

    /**
     * Tries the host's addresses in the order DNS gave them until one accepts, as clients do (RFC 8305 §5:
     * a connection attempt that is refused or takes too long moves on to the next address). An attempt
     * takes at most its share of the time left and {@link #NEXT_ADDRESS_AFTER} while others remain, so
     * that a silent first address still leaves time for the rest.
     */
    private static Connected connect(List<InetAddress> addresses, int port, Deadline deadline) {
        List<String> failures = new ArrayList<>();
        boolean timedOut = false;
        for (int i = 0; i < addresses.size(); i++) {
            InetAddress address = addresses.get(i);
            String at = address.getHostAddress() + " port " + port;
            if (deadline.expired()) {
                timedOut = true;
                break;
            }
            int left = addresses.size() - i;
            Duration share = min(deadline.remainingShare(left), left > 1 ? NEXT_ADDRESS_AFTER : STEP_CAP);
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), deadline.socketTimeoutMillis(share));
                return new Connected.To(socket);
            } catch (SocketTimeoutException e) {
                timedOut = true;
                failures.add("no connection to " + at + " in time");
            } catch (IOException e) {
                failures.add((e instanceof ConnectException
                                ? "connection refused"
                                : "could not connect: " + Printable.of(String.valueOf(e.getMessage())))
                        + " (" + at + ")");
            }
            close(socket);
        }
        String why = failures.isEmpty() ? "the deadline passed before connecting" : String.join("; ", failures);
        return timedOut ? new Connected.TimedOut(why) : new Connected.Refused(why);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Attempt converse(Socket socket, String host, int port, Request request, Instant at, Deadline deadline) {
        String where = request.uri().toString();
        try (socket;
                DeadlineWatch watch = DeadlineWatch.start(socket, deadline)) {
            try {
                // the handshake finishes whatever the server sends; the captured chain is judged before any request
                // byte
                ChainCapture capture = new ChainCapture();
                SSLSocket ssl = capture.clientOver(socket, Optional.of(new SNIHostName(host)));
                ssl.setSoTimeout(deadline.socketTimeoutMillis(STEP_CAP));
                ssl.startHandshake();
                String refused = refusal(capture.chain(), host, at);
                if (refused != null) {
                    return new Attempt.Unanswered(failed(where, refused));
                }
                OutputStream out = ssl.getOutputStream();
                out.write(requestBytes(request, host, port));
                out.flush();
                var in = new BufferedInputStream(ssl.getInputStream());
                var reader = new HttpResponseReader(in, MAX_BODY, request.method());
                return new Attempt.Answered(reader.read());
            } catch (IOException e) {
                if (watch.fired() || deadline.expired() || e instanceof SocketTimeoutException) {
                    return new Attempt.Unanswered(
                            WebResponse.unanswered(Kind.TIMEOUT, where, "no complete answer in time"));
                }
                return new Attempt.Unanswered(failed(
                        where,
                        switch (e) {
                            case BodyTooLargeException b -> b.getMessage();
                            case MalformedResponseException m -> "not a valid HTTP response: " + m.getMessage();
                            case SSLException s -> "TLS handshake failed: " + Printable.of(s.getMessage());
                            default -> "the connection failed: " + Printable.of(String.valueOf(e.getMessage()));
                        }));
            }
        } catch (IOException e) {
            return new Attempt.Unanswered(failed(where, "the connection failed: " + Printable.of(e.getMessage())));
        }
    }

    /** Null when the certificate is valid for {@code host} at {@code at}; else what a mail client would object to. */
    private String refusal(List<X509Certificate> chain, String host, Instant at) {
        if (chain.isEmpty()) {
            return "the server sent no X.509 certificate";
        }
        Assessment assessment = assessor.assess(chain, host, at);
        if (assessment.valid()) {
            return null;
        }
        String problems =
                assessment.problems().stream().map(CertificateProblem::code).collect(Collectors.joining(", "));
        return "certificate refused for " + host + ": " + problems + " ("
                + assessment.problems().get(0).plain() + "); a mail client would refuse it too";
    }

    private static byte[] requestBytes(Request request, String host, int port) {
        URI uri = request.uri();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(host)
                .append(port == HTTPS_PORT ? "" : ":" + port)
                .append("\r\n")
                .append("User-Agent: mailcert\r\n")
                .append("Accept: application/xml, text/xml, */*\r\n")
                .append("Connection: close\r\n");
        if (request.body() != null) {
            head.append("Content-Type: ")
                    .append(request.contentType())
                    .append("\r\n")
                    .append("Content-Length: ")
                    .append(request.body().length)
                    .append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (request.body() != null) {
            bytes.writeBytes(request.body());
        }
        return bytes.toByteArray();
    }

    private static WebResponse failed(String uri, String detail) {
        return WebResponse.unanswered(Kind.FAILED, uri, detail);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was sent on it
        }
    }
}
