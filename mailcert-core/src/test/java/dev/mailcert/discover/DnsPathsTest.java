package dev.mailcert.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.clientconfig.SocketType;
import dev.mailcert.discover.DiscoveryPath.Result;
import dev.mailcert.dns.Lookup;
import dev.mailcert.dns.MxHost;
import dev.mailcert.dns.ServiceRecord;
import dev.mailcert.probe.Protocol;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsPathsTest {
    private static final String NAME = "_imaps._tcp.customer.example";

    @Test
    void srv_offeredRecordsBecomeServersWithTheirProtocolAndSocketType() {
        var path = DnsPaths.srv(
                MailServiceRecord.IMAPS,
                NAME,
                new Lookup.Found<>(
                        List.of(
                                new ServiceRecord(0, 1, 993, "srv12.webhost.example."),
                                new ServiceRecord(10, 1, 10993, "backup.webhost.example")),
                        List.of()));
        assertThat(path.outcome()).isEqualTo(Result.FOUND);
        assertThat(path.servers())
                .containsExactly(
                        new ServerSetting(Protocol.IMAP, "srv12.webhost.example", 993, SocketType.SSL),
                        new ServerSetting(Protocol.IMAP, "backup.webhost.example", 10993, SocketType.SSL));
    }

    @Test
    void srv_targetDotMeansNotOffered() {
        var path = DnsPaths.srv(
                MailServiceRecord.POP3,
                "_pop3._tcp.customer.example",
                new Lookup.Found<>(List.of(new ServiceRecord(0, 0, 0, ".")), List.of()));
        assertThat(path.outcome()).isEqualTo(Result.NOT_FOUND);
        assertThat(path.servers()).isEmpty();
        assertThat(path.detail()).contains("not offered", "RFC 6186");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            nxdomain, NOT_FOUND
            nodata,   NOT_FOUND
            timeout,  TIMEOUT
            servfail, FAILED
            failed,   FAILED
            """)
    void srv_lookupOutcomesKeepTheirMeaning(String lookup, Result expected) {
        Lookup<List<ServiceRecord>> result = switch (lookup) {
            case "nxdomain" -> new Lookup.NxDomain<>(NAME);
            case "nodata" -> new Lookup.NoData<>(NAME);
            case "timeout" -> new Lookup.Timeout<>(NAME);
            case "servfail" -> new Lookup.ServFail<>(NAME, "SERVFAIL");
            default -> new Lookup.Failed<>(NAME, "CNAME loop");
        };
        var path = DnsPaths.srv(MailServiceRecord.IMAPS, NAME, result);
        assertThat(path.outcome()).isEqualTo(expected);
        assertThat(path.detail()).isEqualTo(result.plain());
    }

    @Test
    void mx_namesTheExchangersAsRelayHosts() {
        var path = DnsPaths.mx(
                "customer.example",
                new Lookup.Found<>(
                        List.of(new MxHost(10, "mx.webhost.example."), new MxHost(20, "mx2.webhost.example")),
                        List.of()));
        assertThat(path.outcome()).isEqualTo(Result.FOUND);
        assertThat(path.servers())
                .extracting(ServerSetting::host)
                .containsExactly("mx.webhost.example", "mx2.webhost.example");
        assertThat(path.servers()).allSatisfy(s -> assertThat(s.port()).isEqualTo(25));
    }

    @Test
    void mx_nullMxIsNotFound() {
        var path = DnsPaths.mx("customer.example", new Lookup.Found<>(List.of(new MxHost(0, ".")), List.of()));
        assertThat(path.outcome()).isEqualTo(Result.NOT_FOUND);
        assertThat(path.detail()).contains("RFC 7505");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            imap.customer.example, imap 993
            smtp.customer.example, smtp 465
            mail.customer.example, imap 993 + smtp 465
            """)
    void guessedNamesStandForWhatAClientWouldTryThere(String name, String expected) {
        assertThat(String.join(
                        " + ",
                        DnsPaths.guessed(name).stream()
                                .map(s -> s.protocol().id() + " " + s.port())
                                .toList()))
                .isEqualTo(expected);
    }

    @Test
    void guess_foundOnlyWhenTheNameResolves() {
        var found = DnsPaths.guess(
                "mail.customer.example", new Lookup.Found<>(List.of(InetAddress.getLoopbackAddress()), List.of()));
        var missing = DnsPaths.guess("imap.customer.example", new Lookup.NxDomain<>("imap.customer.example"));
        assertThat(found.outcome()).isEqualTo(Result.FOUND);
        assertThat(found.detail()).contains("127.0.0.1");
        assertThat(missing.outcome()).isEqualTo(Result.NOT_FOUND);
    }
}
