package dev.mailcert.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ResolutionTest {
    /** The TTL of the test zones\' records. */
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void read_answerForTheNameIsFoundWithoutChain() throws Exception {
        Resolution<InetAddress> resolution = resolution("mail.customer.example.");
        Message response = response("mail.customer.example.", Rcode.NOERROR, a("mail.customer.example.", "192.0.2.7"));
        assertThat(resolution.read(response))
                .contains(new Lookup.Found<>(List.of(InetAddress.getByName("192.0.2.7")), List.of(), FIVE_MINUTES));
    }

    @Test
    void read_cnameChainInOneAnswerIsFollowedAndReported() throws Exception {
        Resolution<InetAddress> resolution = resolution("Mail.Customer.Example.");
        Message response = response(
                "mail.customer.example.",
                Rcode.NOERROR,
                cname("mail.customer.example.", "Web.Customer.Example."),
                cname("web.customer.example.", "srv12.webhost.example."),
                a("srv12.webhost.example.", "192.0.2.7"));
        assertThat(resolution.read(response))
                .contains(new Lookup.Found<>(
                        List.of(InetAddress.getByName("192.0.2.7")),
                        List.of("web.customer.example", "srv12.webhost.example"),
                        FIVE_MINUTES));
    }

    @Test
    void read_chainEndingAtAnUnansweredTargetAsksForTheTargetNext() throws Exception {
        Resolution<InetAddress> resolution = resolution("mail.customer.example.");
        Message first = response(
                "mail.customer.example.", Rcode.NOERROR, cname("mail.customer.example.", "srv12.webhost.example."));
        assertThat(resolution.read(first)).isEmpty();
        assertThat(resolution.current()).isEqualTo(Name.fromString("srv12.webhost.example."));

        Message second = response("srv12.webhost.example.", Rcode.NOERROR, a("srv12.webhost.example.", "192.0.2.7"));
        assertThat(resolution.read(second))
                .contains(new Lookup.Found<>(
                        List.of(InetAddress.getByName("192.0.2.7")), List.of("srv12.webhost.example"), FIVE_MINUTES));
    }

    @Test
    void read_cnameLoopAcrossAnswersIsFailed() throws Exception {
        Resolution<InetAddress> resolution = resolution("a.customer.example.");
        assertThat(resolution.read(response(
                        "a.customer.example.", Rcode.NOERROR, cname("a.customer.example.", "b.customer.example."))))
                .isEmpty();
        assertThat(resolution.read(response(
                        "b.customer.example.", Rcode.NOERROR, cname("b.customer.example.", "a.customer.example."))))
                .contains(new Lookup.Failed<>("a.customer.example", "CNAME loop"));
    }

    @ParameterizedTest(name = "chain of {0} CNAMEs -> {1}")
    @CsvSource({"8, found", "9, CNAME chain too long"})
    void read_chainLongerThanEightIsFailed(int length, String expected) throws Exception {
        Record[] answer = new Record[length + 1];
        for (int i = 0; i < length; i++) {
            answer[i] = cname("c" + i + ".customer.example.", "c" + (i + 1) + ".customer.example.");
        }
        answer[length] = a("c" + length + ".customer.example.", "192.0.2.1");
        Optional<Lookup<List<InetAddress>>> outcome =
                resolution("c0.customer.example.").read(response("c0.customer.example.", Rcode.NOERROR, answer));
        assertThat(outcome)
                .get()
                .satisfies(o -> assertThat(o instanceof Lookup.Failed<List<InetAddress>> f ? f.reason() : "found")
                        .isEqualTo(expected));
    }

    @ParameterizedTest(name = "RCODE {0} -> {1}")
    @CsvSource({
        "NXDOMAIN, NxDomain",
        "NOERROR,  NoData",
        "SERVFAIL, ServFail",
        "REFUSED,  ServFail",
        "FORMERR,  ServFail",
        "NOTIMP,   ServFail"
    })
    void read_rcodeOfAnEmptyAnswerNamesTheOutcome(String rcode, String outcome) throws Exception {
        Optional<Lookup<List<InetAddress>>> read =
                resolution("x.customer.example.").read(response("x.customer.example.", Rcode.value(rcode)));
        assertThat(read).get().extracting(o -> o.getClass().getSimpleName()).isEqualTo(outcome);
    }

    @Test
    void read_servfailKeepsTheRcodeAsReason() throws Exception {
        assertThat(resolution("x.customer.example.").read(response("x.customer.example.", Rcode.REFUSED)))
                .contains(new Lookup.ServFail<>("x.customer.example", "REFUSED"));
    }

    @Test
    void read_nxdomainAfterACnameNamesTheMissingTarget() throws Exception {
        Message response = response(
                "mail.customer.example.", Rcode.NXDOMAIN, cname("mail.customer.example.", "gone.webhost.example."));
        assertThat(resolution("mail.customer.example.").read(response))
                .contains(new Lookup.NxDomain<>("gone.webhost.example"));
    }

    @Test
    void read_recordsForOtherNamesAreIgnored() throws Exception {
        Message response = response("mail.customer.example.", Rcode.NOERROR, a("evil.example.", "203.0.113.66"));
        assertThat(resolution("mail.customer.example.").read(response))
                .contains(new Lookup.NoData<>("mail.customer.example"));
    }

    @Test
    void read_valuesAreBoundedAndDistinct() throws Exception {
        Record[] answer = new Record[12];
        for (int i = 0; i < answer.length; i++) {
            answer[i] = a("big.customer.example.", "192.0.2." + (i % 6 + 1));
        }
        Resolution<InetAddress> resolution =
                new Resolution<>(Name.fromString("big.customer.example."), Type.A, r -> ((ARecord) r).getAddress(), 4);
        assertThat(resolution.read(response("big.customer.example.", Rcode.NOERROR, answer)))
                .get()
                .extracting(o -> ((Lookup.Found<List<InetAddress>>) o).value())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(4)
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Srv12.WebHost.Example. | srv12.webhost.example
            .                      | .
            a\\032b.example.        | a\\032b.example
            """)
    void text_isLowerCaseWithoutTrailingDotAndEscapesOddBytes(String name, String text) throws Exception {
        assertThat(Resolution.text(Name.fromString(name))).isEqualTo(text);
    }

    private static Resolution<InetAddress> resolution(String name) throws Exception {
        return new Resolution<>(Name.fromString(name), Type.A, r -> ((ARecord) r).getAddress(), 64);
    }

    private static Message response(String name, int rcode, Record... answer) throws Exception {
        Message message = Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN));
        message.getHeader().setFlag(Flags.QR);
        message.getHeader().setRcode(rcode);
        for (Record r : answer) {
            message.addRecord(r, Section.ANSWER);
        }
        return message;
    }

    private static Record a(String name, String address) throws Exception {
        return new ARecord(Name.fromString(name), DClass.IN, 300, InetAddress.getByName(address));
    }

    private static Record cname(String name, String target) throws Exception {
        return new CNAMERecord(Name.fromString(name), DClass.IN, 300, Name.fromString(target));
    }
}
