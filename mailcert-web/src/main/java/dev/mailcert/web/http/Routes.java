package dev.mailcert.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailcert.BadInputException;
import dev.mailcert.HostName;
import dev.mailcert.clientconfig.AutoconfigWriter;
import dev.mailcert.clientconfig.AutodiscoverWriter;
import dev.mailcert.clientconfig.ClientConfig;
import dev.mailcert.diagnose.CheckRequest;
import dev.mailcert.diagnose.Target;
import dev.mailcert.engine.CheckResult;
import dev.mailcert.report.ClientConfigFiles;
import dev.mailcert.report.ConfigFormat;
import dev.mailcert.report.JsonReport;
import dev.mailcert.web.autoconfig.AutoconfigAnswers;
import dev.mailcert.web.autoconfig.AutodiscoverRequest;
import dev.mailcert.web.check.CheckAnswer;
import dev.mailcert.web.check.CheckInput;
import dev.mailcert.web.check.Checks;
import dev.mailcert.web.limit.RateLimiter;
import dev.mailcert.web.page.FormView;
import dev.mailcert.web.page.MailClient;
import dev.mailcert.web.page.ResultView;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The handlers of every path: the page, the JSON API, the downloads, and the autoconfig server. */
public final class Routes {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The engine's own discovery requests say so; this service never starts a check for itself. */
    private static final String ENGINE_AGENT = "mailcert";

    private static final String HTML = "text/html; charset=utf-8";

    private final Checks checks;
    private final RateLimiter rate;
    private final AutoconfigAnswers autoconfig;
    private final Pages pages = new Pages();
    private final String openApi;

    public Routes(Checks checks, RateLimiter rate, AutoconfigAnswers autoconfig) {
        this.checks = checks;
        this.rate = rate;
        this.autoconfig = autoconfig;
        this.openApi = resource("/dev/mailcert/web/openapi.json");
    }

    // ---- the page

    public void index(Context ctx) {
        page(ctx, 200, FormView.empty());
    }

    public void checkPage(Context ctx) {
        String target = ctx.queryParam("target");
        String server = ctx.queryParam("server");
        String client = ctx.queryParam("client");
        if (target == null && server == null) {
            page(ctx, 200, FormView.empty());
            return;
        }
        CheckAnswer answer = run(ctx, target, server);
        Optional<MailClient> chosen = MailClient.byId(client == null ? "" : client);
        FormView form = FormView.of(target, server, chosen.map(MailClient::id).orElse(""), answer.sentence());
        if (answer instanceof CheckAnswer.Done done) {
            ResultView view = ResultView.of(
                    done.result(), target.strip(), Optional.ofNullable(server).map(String::strip), chosen);
            ctx.status(200)
                    .contentType(HTML)
                    .result(pages.render("result.jte", Map.of("form", form.withoutProblem(), "r", view)));
            return;
        }
        retryAfter(ctx, answer);
        page(ctx, answer.status(), form);
    }

    private void page(Context ctx, int status, FormView form) {
        ctx.status(status).contentType(HTML).result(pages.render("index.jte", Map.of("form", form, "status", status)));
    }

    // ---- the JSON API

    public void apiCheck(Context ctx) {
        CheckAnswer answer = run(ctx, ctx.queryParam("target"), ctx.queryParam("server"));
        ctx.status(answer.status()).contentType("application/json");
        if (answer instanceof CheckAnswer.Done done) {
            CheckResult shown = personal(done, ctx.queryParam("target"));
            ctx.result(JsonReport.render(shown.diagnosis(), shown.advice()));
            return;
        }
        retryAfter(ctx, answer);
        ctx.result(error(answer.sentence()));
    }

    public void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    // ---- downloads

    public void download(Context ctx) {
        Optional<ConfigFormat> format = format(ctx.pathParam("format"));
        if (format.isEmpty()) {
            text(ctx, 404, "No such file: the formats are thunderbird, autodiscover and mobileconfig.");
            return;
        }
        String target = ctx.queryParam("target");
        CheckAnswer answer = run(ctx, target, ctx.queryParam("server"));
        if (!(answer instanceof CheckAnswer.Done done)) {
            retryAfter(ctx, answer);
            text(ctx, answer.status(), answer.sentence());
            return;
        }
        CheckResult shown = personal(done, target);
        Optional<ClientConfig> config = ClientConfigFiles.of(shown.diagnosis(), shown.advice());
        if (config.isEmpty()) {
            text(
                    ctx,
                    404,
                    "No file: there is no verified server name for both incoming and outgoing mail ("
                            + shown.verdict().id() + ").");
            return;
        }
        String body;
        try {
            body = ClientConfigFiles.render(format.get(), config.get(), shown.diagnosis());
        } catch (BadInputException e) {
            text(ctx, 400, e.getMessage());
            return;
        }
        String name = format.get()
                .fileName(shown.diagnosis().request().target().domain().value());
        ctx.status(200)
                .contentType(contentType(format.get()))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .result(body);
    }

    static String contentType(ConfigFormat format) {
        return switch (format) {
            case THUNDERBIRD, AUTODISCOVER -> "application/xml; charset=utf-8";
            case MOBILECONFIG -> "application/x-apple-aspen-config";
        };
    }

    private static Optional<ConfigFormat> format(String id) {
        for (ConfigFormat f : ConfigFormat.values()) {
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    // ---- autoconfig and Autodiscover

    public void thunderbirdAutoconfig(Context ctx) {
        Optional<Target> target = autoconfigTarget(ctx.queryParam("emailaddress"), ctx.host());
        if (target.isEmpty()) {
            text(ctx, 400, "Give the address as ?emailaddress=, or ask at autoconfig.DOMAIN.");
            return;
        }
        autoconfigAnswer(ctx, target.get(), config -> AutoconfigWriter.write(config));
    }

    public void outlookAutodiscover(Context ctx) {
        Optional<String> address = AutodiscoverRequest.emailAddress(ctx.bodyAsBytes());
        Optional<Target> target = autoconfigTarget(address.orElse(null), ctx.host());
        if (target.isEmpty() || address.isEmpty() || target.get().localPart().isEmpty()) {
            text(ctx, 400, "Send an Autodiscover POX request with the EMailAddress of the account.");
            return;
        }
        String email = target.get().input();
        autoconfigAnswer(ctx, target.get(), config -> AutodiscoverWriter.write(config, email));
    }

    private void autoconfigAnswer(
            Context ctx, Target target, java.util.function.Function<ClientConfig, String> writer) {
        boolean fromEngine = ENGINE_AGENT.equals(ctx.header("User-Agent"));
        if (!fromEngine) {
            Optional<Duration> wait = rate.acquire(client(ctx));
            if (wait.isPresent()) {
                CheckAnswer limited = new CheckAnswer.Limited(wait.get());
                retryAfter(ctx, limited);
                text(ctx, 429, limited.sentence());
                return;
            }
        }
        AutoconfigAnswers.Answer answer = autoconfig.answer(target, !fromEngine);
        switch (answer) {
            case AutoconfigAnswers.Settings s ->
                ctx.status(200).contentType("application/xml; charset=utf-8").result(writer.apply(s.config()));
            case AutoconfigAnswers.NothingVerified n -> text(ctx, 404, "Nothing verified for this domain.");
            case AutoconfigAnswers.NoCheck c -> {
                retryAfter(ctx, c.answer());
                text(ctx, c.answer().status(), c.answer().sentence());
            }
        }
    }

    /** The address's domain, else the Host header without autoconfig. or autodiscover. */
    static Optional<Target> autoconfigTarget(String emailAddress, String host) {
        try {
            if (emailAddress != null && !emailAddress.isBlank()) {
                return Optional.of(Target.parse(emailAddress.length() > 320 ? "" : emailAddress));
            }
            if (host == null) {
                return Optional.empty();
            }
            String name = host.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
            for (String prefix : new String[] {"autoconfig.", "autodiscover."}) {
                if (name.startsWith(prefix)) {
                    return Optional.of(Target.parse(
                            HostName.parse(name.substring(prefix.length())).value()));
                }
            }
            return Optional.of(Target.parse(HostName.parse(name).value()));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    // ---- shared

    /** Parses, counts against the client's rate, and runs (or reuses) the check. */
    private CheckAnswer run(Context ctx, String target, String server) {
        CheckInput.Parsed parsed = CheckInput.parse(target, server, checks.policy());
        if (parsed instanceof CheckInput.Invalid invalid) {
            return invalid.answer();
        }
        CheckRequest request = ((CheckInput.Valid) parsed).request();
        Optional<Duration> wait = rate.acquire(client(ctx));
        if (wait.isPresent()) {
            return new CheckAnswer.Limited(wait.get());
        }
        return checks.check(request);
    }

    /** The stored result answers the person who asked: their own address, and the files that name it. */
    private static CheckResult personal(CheckAnswer.Done done, String target) {
        return done.result().answering(Target.parse(target));
    }

    private static String client(Context ctx) {
        return ClientKey.of(ctx.ip(), ctx.header("X-Forwarded-For"));
    }

    private static void retryAfter(Context ctx, CheckAnswer answer) {
        switch (answer) {
            case CheckAnswer.Limited l -> ctx.header("Retry-After", Long.toString(CheckAnswer.seconds(l.retryAfter())));
            case CheckAnswer.Busy b -> ctx.header("Retry-After", Long.toString(CheckAnswer.seconds(b.retryAfter())));
            default -> {}
        }
    }

    private static void text(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    }

    static String error(String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", message);
        return node.toString();
    }

    private static String resource(String path) {
        try (InputStream in = Routes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
