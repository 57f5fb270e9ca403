package dev.mailcert.cli;

import dev.mailcert.AddressPolicy;
import dev.mailcert.BadInputException;
import dev.mailcert.cert.TrustAnchors;
import dev.mailcert.dns.DnsServer;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.Scenario;
import dev.mailcert.store.Database;
import dev.mailcert.store.StoreException;
import dev.mailcert.web.WebService;
import dev.mailcert.web.WebSettings;
import dev.mailcert.web.page.Links;
import dev.mailcert.web.policy.PublicAddressPolicy;
import dev.mailcert.web.store.DatabaseResults;
import dev.mailcert.web.store.MemoryResults;
import dev.mailcert.web.store.StoredResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@code mailcert serve}: the page, the JSON API and the autoconfig answers, until Ctrl-C. */
final class ServeCommand implements Subcommand {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");
    private static final int SHARED_RESULTS = 100_000;

    static final CommandSpec SPEC = new CommandSpec(
            "serve",
            List.of(
                    "Serve the page, the JSON API and the autoconfig and Autodiscover endpoints until Ctrl-C.",
                    "Only public internet addresses are connected to, unless --allow-private."),
            List.of(),
            options());

    private static List<CommandSpec.Option> options() {
        List<CommandSpec.Option> options = new ArrayList<>(EngineOptions.OPTIONS);
        options.addAll(List.of(
                CommandSpec.Option.value("--listen", "HOST:PORT", "Where to listen (default: ${DEFAULT-VALUE}).")
                        .withDefault("127.0.0.1:8080"),
                CommandSpec.Option.value(
                        "--db",
                        "URL",
                        "The results database shared with scan: an SQLite file (a path or jdbc:sqlite:PATH) or "
                                + "jdbc:postgresql://HOST[:PORT]/DB (default: mailcert.db; with --lab: in memory)."),
                CommandSpec.Option.flag(
                        "--allow-private",
                        "Also connect to private, loopback and other non-public addresses (labs, intranets)."),
                CommandSpec.Option.value(
                                "--rate", "N", "Checks one client may start a minute (default: ${DEFAULT-VALUE}).")
                        .withDefault("10"),
                CommandSpec.Option.value(
                                "--max-checks",
                                "N",
                                "Checks at once; as many more wait briefly, the rest get 503 "
                                        + "(default: ${DEFAULT-VALUE}).")
                        .withDefault("8"),
                CommandSpec.Option.value(
                                "--max-age",
                                "DURATION",
                                "Oldest stored result autoconfig answers may use, e.g. 30m, 24h, 7d "
                                        + "(default: ${DEFAULT-VALUE}).")
                        .withDefault("24h"),
                CommandSpec.Option.value(
                                "--timeout", "SECONDS", "Time each check is allowed (default: ${DEFAULT-VALUE}).")
                        .withDefault("20"),
                CommandSpec.Option.value(
                                "--lab",
                                "SCENARIO",
                                "Serve against a lab scenario started in-process (default scenario: "
                                        + DemoCommand.SEED
                                        + "); implies --allow-private and the lab's DNS, trust and ports.")
                        .withOptionalValue(DemoCommand.SEED)));
        return options;
    }

    private final EngineOptions engine;
    private final String listen;
    private final @Nullable String db;
    private final boolean allowPrivate;
    private final int rate;
    private final int maxChecks;
    private final String maxAge;
    private final int timeoutSeconds;
    private final @Nullable String lab;

    ServeCommand(Arguments arguments) {
        engine = new EngineOptions(arguments);
        listen = Objects.requireNonNull(arguments.string("--listen"));
        db = arguments.string("--db");
        allowPrivate = arguments.flag("--allow-private");
        rate = arguments.integer("--rate");
        maxChecks = arguments.integer("--max-checks");
        maxAge = Objects.requireNonNull(arguments.string("--max-age"));
        timeoutSeconds = arguments.integer("--timeout");
        lab = arguments.string("--lab");
    }

    @Override
    public int call(Io io) throws IOException, InterruptedException {
        PrintWriter out = io.out();
        WebSettings settings = settings();
        Optional<Scenario> scenario = lab == null ? Optional.empty() : Optional.of(LabCommand.load(lab));
        Database database = lab != null && db == null ? null : openDatabase(db == null ? "mailcert.db" : db);
        Lab running = null;
        try {
            running = scenario.isPresent() ? Lab.start(scenario.get()) : null;
            AddressPolicy policy = allowPrivate || running != null ? AddressPolicy.ANY : new PublicAddressPolicy();
            Mailcert mailcert = engine(running, policy);
            StoredResults results = database == null
                    ? new MemoryResults(SHARED_RESULTS, Clock.systemUTC())
                    : new DatabaseResults(database.results());
            WebService web;
            try {
                web = WebService.start(settings, mailcert, policy, results, out);
            } catch (RuntimeException e) {
                throw new BadInputException("--listen " + listen + ": cannot listen there: " + rootMessage(e));
            }
            try (web) {
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "serve-stop"));
                out.println("mailcert serve: listening on " + web.url());
                if (policy == AddressPolicy.ANY) {
                    out.println("mailcert serve: every address may be connected to (--allow-private or "
                            + "--lab): keep it off the internet");
                }
                out.println("mailcert serve: results are kept "
                        + (database == null ? "in memory" : "in " + database.describe())
                        + " (by domain, never by address)");
                if (running != null) {
                    out.println("mailcert serve: lab '" + running.scenario().name() + "' is running; open");
                    out.println("  "
                            + web.url()
                                    .resolve(URI.create("/check?"
                                            + Links.query(
                                                    running.scenario().user(),
                                                    Optional.of(
                                                            running.scenario().server())))));
                }
                out.println("Press Ctrl-C to stop.");
                out.flush();
                stop.await();
            }
        } finally {
            if (running != null) {
                running.close();
            }
            if (database != null) {
                database.close();
            }
        }
        return ExitCode.OK.code();
    }

    private static Database openDatabase(String url) {
        try {
            return Database.open(url);
        } catch (StoreException e) {
            throw new BadInputException("--db: " + e.getMessage());
        }
    }

    private Mailcert engine(Lab running, AddressPolicy policy) {
        Mailcert.Builder builder = engine.builder();
        if (running != null) {
            builder.dnsServer(new DnsServer(running.dnsAddress()))
                    .trust(TrustAnchors.of(running.trustRoots(), "lab root"))
                    .portOffset(running.portOffset())
                    .offline(true);
        }
        CheckOptions.flag("--timeout", () -> builder.timeout(Duration.ofSeconds(timeoutSeconds)));
        return builder.addressPolicy(policy)
                .shareAcrossChecks(SHARED_RESULTS, Duration.ofMinutes(5))
                .build();
    }

    WebSettings settings() {
        int colon = listen.lastIndexOf(':');
        if (colon < 1) {
            throw new BadInputException("--listen: expected HOST:PORT such as 127.0.0.1:8080, got " + listen);
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new BadInputException("--listen: the port is not a number: " + listen);
        }
        String h = host;
        int perMinute = positive("--rate", rate);
        int atOnce = positive("--max-checks", maxChecks);
        Duration age = duration(maxAge);
        return CheckOptions.flag("--listen", () -> new WebSettings(h, port, perMinute, atOnce, age));
    }

    private static int positive(String flag, int value) {
        if (value < 1) {
            throw new BadInputException(flag + ": must be at least 1, got " + value);
        }
        return value;
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new BadInputException(
                    "--max-age: expected a number and a unit (s, m, h or d), e.g. 24h, got " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return dev.mailcert.Printable.of(String.valueOf(t.getMessage()));
    }
}
