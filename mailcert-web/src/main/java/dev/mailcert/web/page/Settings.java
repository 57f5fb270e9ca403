package dev.mailcert.web.page;

import dev.mailcert.advise.Recommendation;
import dev.mailcert.probe.Protocol;
import dev.mailcert.probe.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The incoming and outgoing server a person types, as the instructions word them. */
public record Settings(Recommendation incoming, Optional<Recommendation> outgoing) {

    /** The recommendations to type: IMAP before POP3 for incoming, SMTP for outgoing; empty without an incoming one. */
    public static Optional<Settings> of(List<Recommendation> recommendations) {
        Optional<Recommendation> in =
                first(recommendations, Protocol.IMAP).or(() -> first(recommendations, Protocol.POP3));
        return in.map(i -> new Settings(i, first(recommendations, Protocol.SMTP)));
    }

    private static Optional<Recommendation> first(List<Recommendation> all, Protocol protocol) {
        return all.stream().filter(r -> r.protocol() == protocol).findFirst();
    }

    String incomingKind() {
        return incoming.protocol() == Protocol.IMAP ? "IMAP" : "POP3";
    }

    boolean incomingImplicitTls() {
        return incoming.security() == Security.TLS;
    }

    String incomingSecurity(String tls, String starttls) {
        return incoming.security() == Security.TLS ? tls : starttls;
    }

    String outgoingSecurity(String tls, String starttls) {
        return outgoing.map(o -> o.security() == Security.TLS ? tls : starttls).orElse(tls);
    }

    List<MailClient.Field> incomingFields(String host, String port, String security, String securityValue) {
        return List.of(
                new MailClient.Field(host, incoming.host().unicode()),
                new MailClient.Field(port, Integer.toString(incoming.port())),
                new MailClient.Field(security, securityValue));
    }

    List<MailClient.Field> outgoingFields(String host, String port, String security, String securityValue) {
        List<MailClient.Field> fields = new ArrayList<>();
        outgoing.ifPresentOrElse(
                o -> {
                    fields.add(new MailClient.Field(host, o.host().unicode()));
                    fields.add(new MailClient.Field(port, Integer.toString(o.port())));
                    fields.add(new MailClient.Field(security, securityValue));
                },
                () -> fields.add(new MailClient.Field(
                        host, "no verified outgoing server: leave it as it is and ask your provider")));
        return fields;
    }
}
