package dev.mailcert.web.page;

import java.util.List;

/**
 * The form, and when a request could not be answered the sentence that says why: shown on the
 * start page, above a result, and with a 400, 403, 429 or 503 status.
 */
public record FormView(String target, String server, String client, String problem, List<MailClient> clients) {

    public static FormView empty() {
        return new FormView("", "", "", "", List.of(MailClient.values()));
    }

    public static FormView of(String target, String server, String client, String problem) {
        return new FormView(
                target == null ? "" : target,
                server == null ? "" : server,
                client == null ? "" : client,
                problem,
                List.of(MailClient.values()));
    }

    /** The same form without the sentence (a result page shows the form to check again). */
    public FormView withoutProblem() {
        return new FormView(target, server, client, "", clients);
    }
}
