package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input on every command: one clear line on stderr, exit 2, nothing on stdout, no stack trace. */
class BadInputTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "check                                                     | Missing required parameter: 'TARGET'",
                "check not-an-address@                                     | not an email address or a domain",
                "check alice@@customer.example                             | not an email address",
                "check alice@customer..example                             | not an email address or a domain",
                "check alice@xn--zz.example                                | invalid IDN label",
                "check alice@customer.example --port-offset 70000          | --port-offset: the port offset must be between 0 and 64540",
                "check alice@customer.example --port-offset -1             | --port-offset: the port offset must be between 0 and 64540",
                "check alice@customer.example --port-offset x              | Invalid value for option '--port-offset'",
                "check alice@customer.example --timeout 0                  | --timeout: the time allowed must be between 1 and 600",
                "check alice@customer.example --dns 127.0.0.1:70000        | --dns: port out of range",
                "check alice@customer.example --server bad_name!           | --server: not a valid host name",
                "check alice@customer.example --trust /nonexistent/roots.pem | /nonexistent/roots.pem",
                "check alice@customer.example --bogus                      | Unknown option: '--bogus'",
                "inspect /nonexistent/chain.pem --host mail.example.com    | /nonexistent/chain.pem",
                "inspect pom.xml                                           | Missing required option: '--host=NAME'",
                "lab --scenario no-such-scenario                           | no such file or built-in scenario",
                "lab --rtt fast                                            | --rtt: expected a round-trip time such as 40ms",
                "lab --rtt 20s                                             | --rtt: expected a round-trip time of at most 10000 ms",
                "lab --port-offset 70000                                   | --port-offset: port offset 70000 moves lab ports out of 1..65535",
                "frobnicate                                                | Unmatched argument at index 0: 'frobnicate'",
            })
    void badInput_oneClearLineAndExit2(String args, String message) {
        Run run = Run.of(args.trim().split("\\s+"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines().count()).as(run.err()).isLessThanOrEqualTo(2);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }
}
