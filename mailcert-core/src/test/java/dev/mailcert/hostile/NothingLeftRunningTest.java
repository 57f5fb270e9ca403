package dev.mailcert.hostile;

import static dev.mailcert.hostile.HostileCheck.DEADLINE;
import static dev.mailcert.hostile.HostileCheck.SERVER;
import static dev.mailcert.hostile.HostileCheck.address;
import static dev.mailcert.hostile.HostileCheck.serverAt;
import static dev.mailcert.probe.ScriptedServer.drip;
import static dev.mailcert.probe.ScriptedServer.holdOpen;
import static dev.mailcert.probe.ScriptedServer.readLine;
import static dev.mailcert.probe.ScriptedServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import dev.mailcert.hostile.HostileCheck.Run;
import dev.mailcert.lab.dns.DnsBehaviour;
import dev.mailcert.probe.Outcome;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After checks that a hostile world kept busy until their deadline, nothing of them keeps running:
 * no probe, deadline watch or DNS thread (virtual ones included, read from a JDK thread dump), no
 * connection left open by mailcert, no file descriptors gained.
 */
class NothingLeftRunningTest {
    /** How a thread of a virtual-thread-per-task executor (the check's own tasks run on one) is listed. */
    private static final String EXECUTOR_THREAD = "executor task: ";
    /** Threads the check and the hostile world name; none may outlive them. */
    private static final List<String> CHECK_THREADS =
            List.of("deadline-watch", "dns-lookup", "scripted-server", "lab-dns-", EXECUTOR_THREAD);

    private static final Duration SETTLE = Duration.ofSeconds(3);

    @Test
    void afterChecksThatRanIntoTheirDeadline_noThreadSocketOrDescriptorIsLeft() throws Exception {
        // a first check opens what stays open by design (dnsjava's selector), so the count starts after it
        HostileCheck.run("DNS: NXDOMAIN (warm-up)", "www." + HostileCheck.DOMAIN + ". A 127.0.55.9\n");
        long descriptorsBefore = openDescriptors();

        InetAddress address = address("127.0.55.1");
        List<Long> stillRunning = new ArrayList<>();
        try (MailPorts ports = MailPorts.on(address)
                .serve(
                        Protocol.IMAP,
                        Security.STARTTLS,
                        send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n"),
                        readLine(),
                        send("a2 OK begin TLS\r\n"),
                        holdOpen())
                .serve(Protocol.POP3, Security.STARTTLS, send("+OK ready\r\n"), readLine(), holdOpen())
                .serve(
                        Protocol.SMTP,
                        Security.STARTTLS,
                        send("220 ready\r\n"),
                        readLine(),
                        send("250-mx\r\n250 STARTTLS\r\n"),
                        readLine(),
                        send("220 go ahead\r\n"),
                        holdOpen())
                .serveImplicitTls(drip("\u0016\u0003\u0001", Duration.ofMillis(900)))
                .start()) {
            Run run = HostileCheck.run("STARTTLS go-ahead, then silence", serverAt(address));

            assertThat(run.outcome(Protocol.IMAP, Security.STARTTLS)).isEqualTo(Outcome.TIMEOUT);
            assertThat(run.at(Protocol.IMAP, Security.STARTTLS).probe().detail())
                    .contains("TLS handshake");
            assertThat(run.outcome(Protocol.POP3, Security.STARTTLS)).isEqualTo(Outcome.TIMEOUT);
            assertThat(run.outcome(Protocol.SMTP, Security.STARTTLS)).isEqualTo(Outcome.TIMEOUT);
            assertThat(run.took()).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100));
            ports.awaitEnd(SETTLE);
            stillRunning.add(ports.stillRunning());
        }
        HostileCheck.run(
                "DNS: timeout (with MX and NS silent too)",
                serverAt(address("127.0.55.2")),
                DnsBehaviour.normal().withSilent(SERVER, HostileCheck.DOMAIN));

        assertThat(stillRunning).as("connections mailcert left open").containsOnly(0L);
        List<String> left = awaitCheckThreadsGone();
        assertThat(left).as("threads of the checks still alive").isEmpty();
        assertThat(openDescriptors()).as("open file descriptors").isLessThanOrEqualTo(descriptorsBefore + 2);
    }

    /** Names of live threads (platform and virtual) that belong to a check, after waiting for them to end. */
    private static List<String> awaitCheckThreadsGone() throws Exception {
        long until = System.nanoTime() + SETTLE.toNanos();
        List<String> left;
        do {
            left = liveThreadNames().stream()
                    .filter(name -> CHECK_THREADS.stream().anyMatch(name::startsWith))
                    .toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        return left;
    }

    /** Every live thread's name, virtual threads included, from the JDK's JSON thread dump. */
    private static List<String> liveThreadNames() throws Exception {
        Path dump = Files.createTempDirectory("hostile-threads").resolve("threads.json");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            JsonNode root = new ObjectMapper().readTree(dump.toFile());
            List<String> names = new ArrayList<>();
            for (JsonNode container : root.path("threadDump").path("threadContainers")) {
                boolean executor = container.path("container").asText().contains("ThreadPerTaskExecutor");
                for (JsonNode thread : container.path("threads")) {
                    String name = thread.path("name").asText();
                    // the JDK's own I/O pollers for virtual threads live as long as the JVM
                    boolean jdkPoller = name.contains("Poller");
                    names.add((executor && !jdkPoller ? EXECUTOR_THREAD : "") + name);
                }
            }
            assertThat(names).as("the thread dump lists threads").isNotEmpty();
            return names;
        } finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(dump.getParent());
        }
    }

    private static long openDescriptors() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount()
                : 0;
    }
}
