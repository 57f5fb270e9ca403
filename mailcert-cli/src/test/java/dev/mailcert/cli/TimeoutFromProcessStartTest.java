package dev.mailcert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.lab.dns.AuthoritativeDnsServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --timeout S} bounds the whole process, JVM start included, on a loaded machine
 * (README, Commands): {@code mailcert check --timeout 3} against mail ports that accept and
 * never answer, run as its own JVM while two other JVMs keep the cores busy, exits within 3.5 s
 * of being started. A correctness test of the deadline, not a benchmark.
 */
class TimeoutFromProcessStartTest {
    private static final long TIMEOUT_SECONDS = 3;
    /** The contract: the report is out within the timeout plus at most half a second. */
    private static final long EXIT_WITHIN_MILLIS = TIMEOUT_SECONDS * 1000 + 500;

    private static final int[] MAIL_PORTS = {143, 993, 110, 995, 587, 465};
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void checkWithTimeout3_againstServersThatNeverAnswer_withBusyCores_exitsWithin3point5sOfItsStart(@TempDir Path dir)
            throws Exception {
        InetAddress address = InetAddress.getByName("127.0.93.7");
        SilentServer silent = SilentServer.start(address);
        resources.add(silent);
        AuthoritativeDnsServer dns = AuthoritativeDnsServer.start(new InetSocketAddress("127.0.0.1", 0), """
                silent.example.       NS  ns1.silent.example.
                ns1.silent.example.   A   127.0.0.1
                mail.silent.example.  A   127.0.93.7
                """);
        resources.add(dns);

        List<String> command = new ArrayList<>(launcherJvm(dir));
        command.addAll(List.of(
                Main.class.getName(),
                "check",
                "alice@silent.example",
                "--server",
                "mail.silent.example",
                "--dns",
                "127.0.0.1:" + dns.address().getPort(),
                "--port-offset",
                Integer.toString(silent.portOffset()),
                "--offline",
                "--timeout",
                Long.toString(TIMEOUT_SECONDS),
                "--json"));
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        ProcessBuilder check =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // the launcher's first check after a build writes the class-data archive; the measured one uses it
        Process first = check.start();
        processes.add(first);
        assertThat(first.waitFor(60, TimeUnit.SECONDS))
                .as("the first check, which writes the archive")
                .isTrue();
        for (int i = 0; i < 2; i++) {
            startSpinning();
        }

        long started = System.nanoTime(); // no later than the process's own start
        Process process = check.start();
        processes.add(process);
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        System.out.println(
                "check --timeout " + TIMEOUT_SECONDS + " with two busy JVMs: exited after " + tookMillis + " ms");
        assertThat(exited).as("the check exited at all").isTrue();
        String stderr = Files.readString(err);
        assertThat(tookMillis)
                .as("milliseconds from start to exit (stderr: %s)", stderr)
                .isLessThanOrEqualTo(EXIT_WITHIN_MILLIS);
        assertThat(process.exitValue()).as(stderr).isEqualTo(ExitCode.NOT_DIAGNOSED.code());
        JsonNode report = new ObjectMapper().readTree(Files.readString(out));
        assertThat(report.get("verdict").asText()).isEqualTo("unreachable");
        // how far the check got before its deadline depends on the load; whatever it probed timed out
        assertThat(report.get("endpoints"))
                .allSatisfy(e -> assertThat(e.get("outcome").asText()).isEqualTo("timeout"));
        System.out.println("the check itself: " + report.get("elapsedMs")
                + " ms; connections held by the silent server: " + silent.accepted());
    }

    /**
     * The JVM options of the launcher ({@code ./mailcert}), with the application classes in a jar
     * as the launcher runs them, so that the JVM can keep its class-data archive.
     */
    private static List<String> launcherJvm(Path dir) throws IOException {
        List<String> classPath = new ArrayList<>();
        Path classes = dir.resolve("classes.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(classes))) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.isDirectory(path)) {
                    classPath.add(entry);
                } else if (!path.endsWith("test-classes")) {
                    addTree(jar, path);
                }
            }
        }
        classPath.addFirst(classes.toString());
        List<String> jvm = new ArrayList<>(List.of(
                JAVA,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + dir.resolve("check.jsa"),
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        if (Runtime.version().feature() >= 22) {
            jvm.add("-XX:UserThreadWaitAttemptsAtExit=0");
        }
        jvm.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
        return jvm;
    }

    private static void addTree(JarOutputStream jar, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(root.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
    }

    /** A JVM that keeps one core busy until it is destroyed (or a minute has passed). */
    private void startSpinning() throws IOException {
        Process spinner = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"), Spin.class.getName())
                .redirectErrorStream(true)
                .start();
        processes.add(spinner);
        var reader = new BufferedReader(new InputStreamReader(spinner.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).as("the busy JVM started").isEqualTo(Spin.READY);
    }

    /** Busy-loops on one thread; runs as a child JVM. */
    static final class Spin {
        static final String READY = "spinning";

        public static void main(String[] args) {
            System.out.println(READY);
            System.out.flush();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            long x = 0;
            while (System.nanoTime() < end) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            System.exit((int) (x & 1) + 10);
        }
    }

    /** Every mail port (standard + offset) on one loopback address: accepts, holds the connection, never says a word. */
    private static final class SilentServer implements AutoCloseable {
        private final int portOffset;
        private final List<ServerSocket> listeners;
        private final Set<Socket> held = ConcurrentHashMap.newKeySet();
        private final AtomicInteger accepted = new AtomicInteger();

        private SilentServer(int portOffset, List<ServerSocket> listeners) {
            this.portOffset = portOffset;
            this.listeners = listeners;
            listeners.forEach(listener -> Thread.ofVirtual().start(() -> hold(listener)));
        }

        /** Binds the six ports at the first offset where all are free (other labs may run on this machine). */
        static SilentServer start(InetAddress address) throws IOException {
            for (int offset = 30000; offset <= 60000; offset += 1000) {
                List<ServerSocket> bound = new ArrayList<>();
                try {
                    for (int port : MAIL_PORTS) {
                        ServerSocket listener = new ServerSocket();
                        bound.add(listener);
                        listener.bind(new InetSocketAddress(address, port + offset));
                    }
                    return new SilentServer(offset, bound);
                } catch (BindException e) {
                    for (ServerSocket listener : bound) {
                        listener.close();
                    }
                }
            }
            throw new BindException("no free set of mail ports on " + address.getHostAddress());
        }

        private void hold(ServerSocket listener) {
            while (!listener.isClosed()) {
                try {
                    held.add(listener.accept());
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        int portOffset() {
            return portOffset;
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            for (ServerSocket listener : listeners) {
                listener.close();
            }
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
