package dev.mailcert.web;

import dev.mailcert.AddressPolicy;
import dev.mailcert.engine.Mailcert;
import dev.mailcert.web.autoconfig.AutoconfigAnswers;
import dev.mailcert.web.check.Checks;
import dev.mailcert.web.http.Routes;
import dev.mailcert.web.http.SecurityHeaders;
import dev.mailcert.web.limit.CheckGate;
import dev.mailcert.web.limit.RateLimiter;
import dev.mailcert.web.store.StoredResults;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Objects;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code mailcert serve}: the page for the person with the warning, the JSON API for programs,
 * and the autoconfig and Autodiscover endpoints for providers, on one engine (which must carry
 * the address policy the service is to enforce).
 *
 * <pre>{@code
 * try (WebService web = WebService.start(WebSettings.defaults(), engine, new PublicAddressPolicy(), results, log)) {
 *     web.url();   // http://127.0.0.1:8080/
 * }
 * }</pre>
 */
public final class WebService implements AutoCloseable {
    private final Javalin app;
    private final String host;

    private WebService(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts listening. {@code policy} must be the one {@code engine} was built with: it also
     * judges IP addresses typed as a server name, before the engine is asked.
     */
    public static WebService start(
            WebSettings settings, Mailcert engine, AddressPolicy policy, StoredResults stored, PrintWriter log) {
        Objects.requireNonNull(engine, "engine");
        CheckGate gate = new CheckGate(settings.maxChecks(), settings.maxChecks(), WebSettings.QUEUE_WAIT);
        Checks checks = new Checks(engine, policy, gate, WebSettings.QUEUE_WAIT, stored, log);
        RateLimiter rate = new RateLimiter(settings.ratePerMinute(), 100_000, System::nanoTime);
        Routes routes = new Routes(checks, rate, new AutoconfigAnswers(checks, settings.maxAge()));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = WebSettings.MAX_BODY;
            config.http.generateEtags = false;
            config.router.caseInsensitiveRoutes = true; // Autodiscover clients vary the case of the path
            config.router.ignoreTrailingSlashes = true;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(WebSettings.MAX_HEADERS);
                http.setSendServerVersion(false);
                http.setIdleTimeout(WebSettings.IDLE.toMillis());
                http.setMinRequestDataRate(1024); // bytes a second: a body dripped slower is cut off
            });
            config.jetty.modifyServer(server ->
                    server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                        @Override
                        public void lifeCycleStarting(org.eclipse.jetty.util.component.LifeCycle event) {
                            for (var connector : server.getConnectors()) {
                                if (connector instanceof ServerConnector c) {
                                    c.setIdleTimeout(WebSettings.IDLE.toMillis());
                                }
                            }
                        }
                    }));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/dev/mailcert/web/static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(SecurityHeaders::apply);
            config.routes.get("/", routes::index);
            config.routes.get("/check", routes::checkPage);
            config.routes.get("/api/v1/check", routes::apiCheck);
            config.routes.get("/api/v1/openapi.json", routes::openApi);
            config.routes.get("/config/{format}", routes::download);
            config.routes.get("/mail/config-v1.1.xml", routes::thunderbirdAutoconfig);
            config.routes.get("/.well-known/autoconfig/mail/config-v1.1.xml", routes::thunderbirdAutoconfig);
            config.routes.post("/autodiscover/autodiscover.xml", routes::outlookAutodiscover);
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.println("internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                log.flush();
                ctx.status(500)
                        .contentType("text/plain; charset=utf-8")
                        .result("Something went wrong inside mailcert.\n");
            });
        });
        app.start();
        return new WebService(app, settings.host());
    }

    /** The address of the page, e.g. http://127.0.0.1:8080/. */
    public URI url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + app.port() + "/");
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
