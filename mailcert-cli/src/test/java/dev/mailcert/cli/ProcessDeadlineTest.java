package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessDeadlineTest {

    @ParameterizedTest(name = "--timeout {0} s, {1} ms after the start: the check gets {2} ms")
    @CsvSource({
        "3,   0,     2700", // only the least margin for the report and the exit is kept back
        "3,   400,   2300", // a typical JVM start: still the least margin
        "3,   600,   2100", // half of what came before is 0.3 s: the same
        "3,   1000,  1500", // a slow start predicts a slow report: half of it is kept back
        "3,   1900,  150",
        "3,   2000,  1", // nothing left: the check still runs, for the least time, and reports
        "3,   5000,  1", // the JVM start alone took longer than the timeout
        "20,  650,   19025",
        "20,  4000,  15000", // at most a second is kept back, whatever came before (the demo starts a lab first)
        "20,  15000, 4000",
        "600, 1000,  598500",
    })
    void budget_isTheTimeoutLessTheTimeSpentAndAMarginThatGrowsWithIt(
            int timeoutSeconds, long elapsedMillis, long expectedMillis) {
        Duration budget = ProcessDeadline.budget(Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(elapsedMillis));
        assertThat(budget).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // stat (proc(5): field 22 is the start time in ticks after boot) | uptime | expected ms
                "a plain command      | 4242 (java) S 1 4242 4242 0 -1 4194560 9 0 0 0 1 2 0 0 20 0 21 0 55718 3133440 411 | 557.18 291.08 | 0",
                "spaces and a paren   | 7 (my (odd) cmd) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1000 0 0                   | 12.34 1.00    | 2340",
                "a long uptime        | 9 (java) R 1 9 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0                             | 86400.5 0.1   | 86399500",
            })
    void elapsed_readsTheStartFromProcStat(String name, String stat, String uptime, long expectedMillis) {
        assertThat(ProcessDeadline.elapsed(stat, uptime)).contains(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no parentheses       | 4242 java S 1 4242                                                         | 557.18 291.08",
                "too few fields       | 4242 (java) S 1 4242 4242                                                  | 557.18 291.08",
                "not a number         | 4242 (java) S 1 4242 4242 0 -1 4194560 9 0 0 0 1 2 0 0 20 0 21 0 x 0 0    | 557.18 291.08",
                "start after now      | 4242 (java) S 1 4242 4242 0 -1 4194560 9 0 0 0 1 2 0 0 20 0 21 0 99999 0 0 | 557.18 291.08",
                "uptime not a number  | 4242 (java) S 1 4242 4242 0 -1 4194560 9 0 0 0 1 2 0 0 20 0 21 0 55718 0 0 | up",
            })
    void elapsed_isEmptyWhenProcDoesNotParse(String name, String stat, String uptime) {
        assertThat(ProcessDeadline.elapsed(stat, uptime)).isEmpty();
    }

    @Test
    void sinceProcessStart_onLinux_coversAtLeastTheJvmsOwnUptime() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        Duration since = ProcessDeadline.sinceProcessStart();
        // the process started before the JVM inside it (both clocks tick in 10 ms steps here)
        assertThat(since).isGreaterThanOrEqualTo(Duration.ofMillis(jvmUptime - 20));
        // and it is this process's start, not the machine's: the clock ticks were read as 1/100 s
        assertThat(since).isLessThan(Duration.ofMillis(jvmUptime).plusMinutes(10));
    }

    @Test
    void forCheck_givesAnEmbeddedCheckItsWholeTimeout() {
        // this test JVM never ran Main.main, so nothing counts from the process start
        assertThat(ProcessDeadline.forCheck(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void elapsed_ofThisProcess_isPresentOnLinux() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        Optional<Duration> elapsed = ProcessDeadline.elapsed(
                Files.readString(Path.of("/proc/self/stat")), Files.readString(Path.of("/proc/uptime")));
        assertThat(elapsed).isPresent();
    }
}
