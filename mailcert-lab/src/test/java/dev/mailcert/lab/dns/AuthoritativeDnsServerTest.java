package dev.mailcert.lab.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class AuthoritativeDnsServerTest {

    static final String ZONE = """
            $TTL 300
            customer.example. SOA ns.customer.example. hostmaster.customer.example. 1 3600 600 86400 300
            customer.example. MX 10 mx.webhost.example.
            mail.customer.example. CNAME srv12.webhost.example.
            deep.a.b.customer.example. A 192.0.2.9
            loop1.customer.example. CNAME loop2.customer.example.
            loop2.customer.example. CNAME loop1.customer.example.
            away.customer.example. CNAME mail.elsewhere.test.
            srv12.webhost.example. A 192.0.2.7
            srv12.webhost.example. AAAA 2001:db8::7
            7.2.0.192.in-addr.arpa. PTR srv12.webhost.example.
            1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa. PTR localhost.
            """;

    private AuthoritativeDnsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersAuthoritativelyForNamesInTheZone() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message response = ask("srv12.webhost.example.", Type.A, false);
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.RA)).isFalse();
        assertThat(response.getSection(Section.ANSWER))
                .extracting(Record::rdataToString)
                .containsExactly("192.0.2.7");
    }

    @Test
    void udpAndTcpShareOneEphemeralPort() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        assertThat(server.address().getPort()).isPositive();
        Message overTcp = ask("srv12.webhost.example.", Type.AAAA, true);
        assertThat(overTcp.getSection(Section.ANSWER))
                .singleElement()
                .extracting(r -> ((AAAARecord) r).getAddress())
                .isEqualTo(InetAddress.getByName("2001:db8::7"));
    }

    @Test
    void followsCnamesInsideTheZonesInTheAnswer() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        List<Record> answer = ask("mail.customer.example.", Type.A, false).getSection(Section.ANSWER);
        assertThat(answer).hasSize(2);
        assertThat(answer.get(0)).isInstanceOf(CNAMERecord.class);
        assertThat(answer.get(1)).isInstanceOf(ARecord.class);
    }

    @Test
    void cnameLoopEndsTheAnswerInsteadOfRepeating() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message response = ask("loop1.customer.example.", Type.A, false);
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).hasSize(2).allMatch(r -> r instanceof CNAMERecord);
    }

    @Test
    void cnameToAnotherServerStopsAtTheCname() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message response = ask("away.customer.example.", Type.A, false);
        assertThat(response.getSection(Section.ANSWER))
                .extracting(Record::rdataToString)
                .containsExactly("mail.elsewhere.test.");
    }

    @Test
    void unknownNameUnderAnApexIsNxdomainWithSoa() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message response = ask("nope.customer.example.", Type.A, false);
        assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getSection(Section.AUTHORITY))
                .extracting(Record::getType)
                .containsExactly(Type.SOA);
    }

    @Test
    void existingNameWithoutTheTypeIsNodata() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message response = ask("customer.example.", Type.A, false);
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertThat(response.getSection(Section.AUTHORITY))
                .extracting(Record::getType)
                .containsExactly(Type.SOA);
    }

    @Test
    void emptyNonTerminalIsNodataNotNxdomain() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message response = ask("a.b.customer.example.", Type.A, false);
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void impliedZoneWithoutSoaGivesNxdomainWithoutAuthority() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message response = ask("nope.webhost.example.", Type.A, false);
        assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(response.getSection(Section.AUTHORITY)).isEmpty();
    }

    @Test
    void nameOutsideEveryZoneIsRefused() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message response = ask("www.elsewhere.test.", Type.A, false);
        assertThat(response.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(response.getHeader().getFlag(Flags.AA)).isFalse();
    }

    @Test
    void answersPtrForIpv4AndIpv6() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        Message v4 = ask(ReverseMap.fromAddress("192.0.2.7").toString(), Type.PTR, false);
        Message v6 = ask(ReverseMap.fromAddress(InetAddress.getByName("::1")).toString(), Type.PTR, false);
        assertThat(((PTRRecord) v4.getSection(Section.ANSWER).get(0))
                        .getTarget()
                        .toString())
                .isEqualTo("srv12.webhost.example.");
        assertThat(((PTRRecord) v6.getSection(Section.ANSWER).get(0))
                        .getTarget()
                        .toString())
                .isEqualTo("localhost.");
    }

    @Test
    void servfailBehaviourAnswersServfail() throws Exception {
        server = start(ZONE, DnsBehaviour.normal().withServfail("srv12.webhost.example"));
        assertThat(ask("SRV12.webhost.example.", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    @Test
    void refusedBehaviourAnswersRefusedForANameInTheZone() throws Exception {
        server = start(ZONE, DnsBehaviour.normal().withRefused("mail.customer.example"));
        assertThat(ask("mail.customer.example.", Type.A, false).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ask("srv12.webhost.example.", Type.A, false).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void silentBehaviourNeverAnswersButCountsTheQuery() throws Exception {
        server = start(ZONE, DnsBehaviour.normal().withSilent("srv12.webhost.example"));
        SimpleResolver resolver = resolver(false);
        resolver.setTimeout(Duration.ofMillis(300));
        Message query =
                Message.newQuery(Record.newRecord(Name.fromString("srv12.webhost.example."), Type.A, DClass.IN));
        assertThatThrownBy(() -> resolver.sendAsync(query).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfAny(
                        java.util.concurrent.TimeoutException.class,
                        SocketTimeoutException.class,
                        CompletionException.class);
        assertThat(server.queries()).isEqualTo(1);
    }

    @Test
    void truncateOverUdpSetsTcAndTcpGivesTheFullAnswer() throws Exception {
        server = start(ZONE, DnsBehaviour.normal().withTruncateOverUdp("srv12.webhost.example"));
        SimpleResolver udpOnly = resolver(false);
        udpOnly.setIgnoreTruncation(true);
        Message truncated = udpOnly.send(query("srv12.webhost.example.", Type.A));
        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(truncated.getSection(Section.ANSWER)).isEmpty();

        Message full = ask("srv12.webhost.example.", Type.A, false); // SimpleResolver retries over TCP
        assertThat(full.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(full.getSection(Section.ANSWER)).hasSize(1);
        assertThat(server.queries()).isEqualTo(3);
    }

    @Test
    void largeAnswerIsTruncatedOverUdpTo512BytesWithoutEdns() throws Exception {
        server = start(manyAddresses(100), DnsBehaviour.normal());
        SimpleResolver classic = resolver(false);
        classic.setEDNS(-1, 0, 0, List.of());
        classic.setIgnoreTruncation(true);
        Message truncated = classic.send(query("big.customer.example.", Type.A));
        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(truncated.toWire().length).isLessThanOrEqualTo(512);

        Message full = ask("big.customer.example.", Type.A, true);
        assertThat(full.getSection(Section.ANSWER)).hasSize(100);
    }

    @Test
    void ednsSizeOfferedRaisesTheUdpLimit() throws Exception {
        server = start(manyAddresses(40), DnsBehaviour.normal()); // about 670 bytes: over 512, under 1232
        SimpleResolver edns = resolver(false);
        edns.setEDNS(0, 1232, 0, List.of());
        edns.setIgnoreTruncation(true);
        Message response = edns.send(query("big.customer.example.", Type.A));
        assertThat(response.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).hasSize(40);
    }

    @Test
    void udpPayloadLimitCapsTheEdnsSizeOffered() throws Exception {
        server = start(manyAddresses(40), DnsBehaviour.normal().withUdpPayloadLimit(512));
        SimpleResolver edns = resolver(false);
        edns.setEDNS(0, 4096, 0, List.of());
        edns.setIgnoreTruncation(true);
        Message response = edns.send(query("big.customer.example.", Type.A));
        assertThat(response.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(response.getOPT().getPayloadSize()).isEqualTo(512);
    }

    @Test
    void tcpCarriesSeveralLengthFramedQueriesOnOneConnection() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 2000);
            socket.setSoTimeout(2000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (String name : List.of("srv12.webhost.example.", "nope.customer.example.")) {
                byte[] wire = query(name, Type.A).toWire();
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
                byte[] response = new byte[in.readUnsignedShort()];
                in.readFully(response);
                assertThat(new Message(response).getQuestion().getName().toString())
                        .isEqualTo(name);
            }
        }
        assertThat(server.queries()).isEqualTo(2);
    }

    @Test
    void malformedQueryGetsFormerrAndTooShortOneIsIgnored() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(1000);
            byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3f, 0x41};
            socket.send(new DatagramPacket(garbage, garbage.length, server.address()));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            socket.receive(reply);
            Message formErr = new Message(java.util.Arrays.copyOf(reply.getData(), reply.getLength()));
            assertThat(formErr.getHeader().getID()).isEqualTo(0x1234);
            assertThat(formErr.getRcode()).isEqualTo(Rcode.FORMERR);

            socket.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, server.address()));
            assertThatThrownBy(() -> socket.receive(new DatagramPacket(new byte[512], 512)))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void invalidZoneTextIsRejectedWithTheLine() {
        String zone = "ok.customer.example. A 192.0.2.1\nbad.customer.example. A 999.0.2.1\n";
        assertThatThrownBy(() -> AuthoritativeDnsServer.start(loopback(), zone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid zone text: line 2: Invalid address: 999.0.2.1");
    }

    @Test
    void linesWithoutTtlOrClassAreAccepted() throws Exception {
        server = start("customer.example. MX 10 mx.webhost.example.\n", DnsBehaviour.normal());
        Message response = ask("customer.example.", Type.MX, false);
        assertThat(response.getSection(Section.ANSWER))
                .singleElement()
                .extracting(Record::getTTL)
                .isEqualTo(300L);
    }

    @Test
    void refusesToBindANonLoopbackAddress() {
        assertThatThrownBy(() -> AuthoritativeDnsServer.start(new InetSocketAddress("0.0.0.0", 0), ZONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void closedServerNoLongerAnswers() throws Exception {
        server = start(ZONE, DnsBehaviour.normal());
        InetSocketAddress address = server.address();
        server.close();
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            if (socket.getLocalPort() == address.getPort()) {
                return; // the kernel handed the freed port to this very socket: a TCP self-connection, not the server
            }
            // another process on this busy machine took the freed port: whatever it is, it must not answer as the zone
            socket.setSoTimeout(1000);
            byte[] query = Message.newQuery(
                            Record.newRecord(Name.fromString("srv12.webhost.example."), Type.A, DClass.IN))
                    .toWire();
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(query.length);
            out.write(query);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            assertThat(new Message(reply).getSection(Section.ANSWER))
                    .as("an answer from a closed server")
                    .isEmpty();
        } catch (IOException expected) {
            // refused, silent or not DNS: nothing of the server listens any more
        }
    }

    static String manyAddresses(int count) {
        StringBuilder zone = new StringBuilder();
        for (int i = 0; i < count; i++) {
            zone.append("big.customer.example. A 198.51.")
                    .append(i / 250)
                    .append('.')
                    .append(i % 250 + 1)
                    .append('\n');
        }
        return zone.toString();
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    private static AuthoritativeDnsServer start(String zone, DnsBehaviour behaviour) throws IOException {
        return AuthoritativeDnsServer.start(loopback(), zone, behaviour);
    }

    private SimpleResolver resolver(boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(server.address());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver;
    }

    private Message ask(String name, int type, boolean tcp) throws IOException {
        return resolver(tcp).send(query(name, type));
    }

    private static Message query(String name, int type) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    }
}
