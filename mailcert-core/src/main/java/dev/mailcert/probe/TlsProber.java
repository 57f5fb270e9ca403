package dev.mailcert.probe;

import dev.mailcert.Deadline;
import dev.mailcert.DeadlineWatch;
import dev.mailcert.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * Probes one endpoint on one address: connects, starts TLS (implicit, or STARTTLS after a bounded
 * plaintext dialogue) with the given SNI, captures the chain without judging it, and hangs up
 * without credentials. Blocking sockets, one connection per call, safe to call from many
 * (virtual) threads at once; never throws for anything the server does.
 *
 * <pre>{@code
 * Prober prober = new TlsProber(ProbeLimits.defaults());
 * ProbeResult r = prober.probe(address, new Endpoint(Protocol.IMAP, 993, Security.TLS),
 *         "mail.example.com", Deadline.after(Duration.ofSeconds(15)));
 * }</pre>
 */
public final class TlsProber implements Prober {
    /** Longest wait for writing the farewell command after the handshake: it is a courtesy only. */
    private static final Duration FAREWELL = Duration.ofSeconds(1);

    /** Ports remembered as speaking TLS 1.3: at most this many, the least recently used forgotten first. */
    static final int REMEMBERED_PORTS = 4096;

    private final ProbeLimits limits;

    /**
     * Address and port of recent TLS 1.3 handshakes: true where the lean offer (one key share) may go,
     * false where the server refused it once. Ports never seen are absent.
     */
    private final Map<InetSocketAddress, Boolean> leanOffer =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Boolean> eldest) {
                    return size() > REMEMBERED_PORTS;
                }
            });

    public TlsProber(ProbeLimits limits) {
        this.limits = limits;
    }

    /**
     * Probes with the JDK's full offer, or with the lean one ({@link KeyShareOffer#TLS13_X25519}) where
     * this port completed a TLS 1.3 handshake before. A lean handshake waits at most half the time left
     * for an answer; one that fails (refused, or unanswered) is made again with the full offer, whose
     * result is the one reported, and that port gets the full offer from then on. A failure before TLS
     * (connecting, the STARTTLS dialogue) has nothing to do with the offer and is reported as it is.
     */
    @Override
    public ProbeResult probe(InetAddress address, Endpoint endpoint, @Nullable String sni, Deadline deadline) {
        long started = System.nanoTime();
        InetSocketAddress port = new InetSocketAddress(address, endpoint.port());
        Boolean known = leanOffer.get(port);
        if (!Boolean.TRUE.equals(known)) {
            Attempt full = probe(address, endpoint, sni, deadline, KeyShareOffer.DEFAULT);
            if (known == null && full.spokeTls13()) {
                leanOffer.put(port, Boolean.TRUE);
            }
            return full.result();
        }
        Attempt lean = probe(address, endpoint, sni, deadline, KeyShareOffer.TLS13_X25519);
        if (lean.result().outcome() == Outcome.HANDSHAKE || lean.reached() != ProbeStage.HANDSHAKE) {
            return lean.result(); // done, or ended before TLS: the offer played no part
        }
        leanOffer.put(port, Boolean.FALSE); // this port gets the full offer from now on
        ProbeResult full =
                probe(address, endpoint, sni, deadline, KeyShareOffer.DEFAULT).result();
        return new ProbeResult(
                full.address(),
                full.endpoint(),
                full.sni(),
                full.outcome(),
                full.handshake(),
                full.detail(),
                elapsedSince(started)); // both connections' time
    }

    /** One connection's result, and the stage it reached (a failure there, or {@code HANDSHAKE} when it completed). */
    private record Attempt(ProbeResult result, ProbeStage reached) {
        boolean spokeTls13() {
            return result.handshake()
                    .filter(h -> h.tlsVersion().equals("TLSv1.3"))
                    .isPresent();
        }
    }

    private Attempt probe(
            InetAddress address, Endpoint endpoint, @Nullable String sni, Deadline deadline, KeyShareOffer offer) {
        long started = System.nanoTime();
        Optional<SNIHostName> serverName = TlsUpgrade.serverName(sni);
        List<String> notes = new ArrayList<>();
        if (sni != null && serverName.isEmpty()) {
            notes.add("no SNI sent (not a host name: " + Printable.of(sni) + ")");
        }
        if (deadline.expired()) {
            return new Attempt(
                    result(
                            address,
                            endpoint,
                            sni,
                            started,
                            new ProbeFailure(Outcome.TIMEOUT, "deadline passed before connecting"),
                            notes),
                    ProbeStage.CONNECT);
        }
        ProbeStage stage = ProbeStage.CONNECT;
        ResponseLineReader reader = null;
        Socket socket = new Socket();
        DeadlineWatch watch = DeadlineWatch.start(socket, deadline);
        try {
            socket.connect(
                    new InetSocketAddress(address, endpoint.port()),
                    deadline.socketTimeoutMillis(limits.connectTimeout()));
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(deadline.socketTimeoutMillis(limits.stepTimeout()));
            StartTlsDialogue dialogue = null;
            if (endpoint.security() == Security.STARTTLS) {
                stage = ProbeStage.DIALOGUE;
                dialogue = StartTlsDialogue.of(endpoint.protocol());
                reader = new ResponseLineReader(
                        socket.getInputStream(),
                        limits.maxLineLength(),
                        limits.maxResponseLines(),
                        limits.maxBytesBeforeTls());
                Negotiation negotiation = dialogue.negotiate(new PlaintextChannel(reader, socket.getOutputStream()));
                if (negotiation instanceof Negotiation.Unavailable unavailable) {
                    return new Attempt(
                            result(
                                    address,
                                    endpoint,
                                    sni,
                                    started,
                                    new ProbeFailure(Outcome.STARTTLS_UNAVAILABLE, unavailable.reason()),
                                    notes),
                            stage);
                }
                // response injection: nothing sent before the handshake may be read after it
                int discarded = reader.discardPending();
                if (discarded > 0) {
                    notes.add("discarded " + discarded + " bytes sent after the STARTTLS go-ahead");
                }
            }
            stage = ProbeStage.HANDSHAKE;
            ChainCapture capture = new ChainCapture();
            SSLSocket tls = TlsUpgrade.over(socket, serverName, capture, offer);
            // a server that ignores the lean offer leaves at least half the time for the full one
            Deadline handshakeBy = offer == KeyShareOffer.DEFAULT ? deadline : deadline.min(deadline.remainingShare(2));
            tls.setSoTimeout(handshakeBy.socketTimeoutMillis(limits.stepTimeout()));
            tls.startHandshake();
            Handshake handshake = handshakeOf(tls.getSession(), capture);
            if (dialogue != null) {
                sayFarewell(tls, dialogue.farewell(), deadline);
            }
            closeQuietly(tls);
            notes.addFirst(handshake.tlsVersion() + " handshake completed");
            return new Attempt(
                    new ProbeResult(
                            address,
                            endpoint,
                            sni,
                            Outcome.HANDSHAKE,
                            Optional.of(handshake),
                            String.join("; ", notes),
                            elapsedSince(started)),
                    stage);
        } catch (Exception e) {
            boolean greeted = reader != null && reader.bytesReceived() > 0;
            ProbeFailure failure = ProbeFailure.of(stage, e, watch.fired() || deadline.expired(), greeted);
            return new Attempt(result(address, endpoint, sni, started, failure, notes), stage);
        } finally {
            watch.close();
            closeQuietly(socket);
        }
    }

    private static Handshake handshakeOf(SSLSession session, ChainCapture capture) throws IOException {
        List<X509Certificate> chain = capture.chain();
        if (chain.isEmpty()) {
            List<X509Certificate> fromSession = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    fromSession.add(x509);
                }
            }
            chain = fromSession;
        }
        if (chain.isEmpty()) {
            throw new SSLPeerUnverifiedException("server sent no X.509 certificate");
        }
        return new Handshake(session.getProtocol(), session.getCipherSuite(), chain);
    }

    /** Ends the session politely (LOGOUT / QUIT over TLS), bounded and best effort: errors change nothing. */
    private static void sayFarewell(SSLSocket tls, String command, Deadline deadline) {
        try {
            tls.setSoTimeout(deadline.socketTimeoutMillis(FAREWELL));
            OutputStream out = tls.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // the handshake already succeeded; a server that hangs up first is no finding
        }
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is finished either way
        }
    }

    private static ProbeResult result(
            InetAddress address,
            Endpoint endpoint,
            @Nullable String sni,
            long started,
            ProbeFailure failure,
            List<String> notes) {
        List<String> words = new ArrayList<>(notes);
        words.addFirst(failure.detail());
        return new ProbeResult(
                address,
                endpoint,
                sni,
                failure.outcome(),
                Optional.empty(),
                String.join("; ", words),
                elapsedSince(started));
    }

    private static Duration elapsedSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
