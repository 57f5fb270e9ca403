package dev.mailcert.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressLookupsTest {

    private static final String HOST = "mail.customer.example";

    @Test
    void combine_putsIpv4FirstAndKeepsTheChainOfA() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.0.2.7");
        InetAddress v6 = InetAddress.getByName("2001:db8::7");
        Lookup<List<InetAddress>> both = AddressLookups.combine(
                new Lookup.Found<>(List.of(v4), List.of("srv12.webhost.example")),
                new Lookup.Found<>(List.of(v6), List.of("srv12.webhost.example")),
                64);
        assertThat(both).isEqualTo(new Lookup.Found<>(List.of(v4, v6), List.of("srv12.webhost.example")));
    }

    @Test
    void combine_boundsTheTotal() throws Exception {
        List<InetAddress> v4 =
                IntStream.range(0, 60).mapToObj(i -> address("192.0.2." + i)).toList();
        List<InetAddress> v6 = IntStream.range(0, 60)
                .mapToObj(i -> address("2001:db8::" + Integer.toHexString(i + 1)))
                .toList();
        Lookup<List<InetAddress>> both =
                AddressLookups.combine(new Lookup.Found<>(v4, List.of()), new Lookup.Found<>(v6, List.of()), 64);
        assertThat(both.orElse(List.of())).hasSize(64).startsWith(v4.toArray(InetAddress[]::new));
    }

    @ParameterizedTest(name = "A {0} + AAAA {1} -> {2}")
    @CsvSource({
        "found,    nodata,   found",
        "nodata,   found,    found",
        "found,    timeout,  found",
        "nxdomain, nxdomain, nxdomain",
        "nodata,   nodata,   nodata",
        "nodata,   timeout,  timeout",
        "timeout,  servfail, servfail",
        "servfail, failed,   failed",
        "timeout,  nxdomain, nxdomain"
    })
    void combine_picksTheMostTellingOutcome(String a, String aaaa, String expected) {
        assertThat(kind(AddressLookups.combine(outcome(a), outcome(aaaa), 64))).isEqualTo(expected);
    }

    private static Lookup<List<InetAddress>> outcome(String kind) {
        return switch (kind) {
            case "found" -> new Lookup.Found<>(List.of(address("192.0.2.7")), List.of());
            case "nxdomain" -> new Lookup.NxDomain<>(HOST);
            case "nodata" -> new Lookup.NoData<>(HOST);
            case "servfail" -> new Lookup.ServFail<>(HOST, "SERVFAIL");
            case "timeout" -> new Lookup.Timeout<>(HOST);
            case "failed" -> new Lookup.Failed<>(HOST, "CNAME loop");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String kind(Lookup<List<InetAddress>> outcome) {
        return switch (outcome) {
            case Lookup.Found<List<InetAddress>> f -> "found";
            case Lookup.NxDomain<List<InetAddress>> n -> "nxdomain";
            case Lookup.NoData<List<InetAddress>> n -> "nodata";
            case Lookup.ServFail<List<InetAddress>> s -> "servfail";
            case Lookup.Timeout<List<InetAddress>> t -> "timeout";
            case Lookup.Failed<List<InetAddress>> f -> "failed";
        };
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
