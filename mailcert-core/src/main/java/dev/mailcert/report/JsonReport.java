package dev.mailcert.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailcert.advise.Advice;
import dev.mailcert.advise.ClientPath;
import dev.mailcert.advise.Recommendation;
import dev.mailcert.cert.CertificateProblem;
import dev.mailcert.cert.CertificateSummary;
import dev.mailcert.diagnose.Candidate;
import dev.mailcert.diagnose.Diagnosis;
import dev.mailcert.diagnose.EndpointResult;
import dev.mailcert.diagnose.Evidence;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code check}, schema {@value #SCHEMA}. The fields of docs/json.md are fixed; this
 * writer only ever adds fields ({@code explanation}, {@code askProvider}, {@code detail},
 * {@code elapsedMs}), never renames or drops one.
 */
public final class JsonReport {
    public static final String SCHEMA = "mailcert.check/1";

    private JsonReport() {}

    public static String render(Diagnosis d, Advice advice) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", SCHEMA);
        root.put("target", d.request().target().input());
        root.put("domain", d.request().target().domain().value());
        root.put("server", d.server().value());
        root.put("verdict", advice.verdict().id());
        ArrayNode recommendations = root.putArray("recommendations");
        advice.recommendations().forEach(r -> recommendation(recommendations.addObject(), r));
        ArrayNode endpoints = root.putArray("endpoints");
        List<EndpointResult> all = new ArrayList<>(d.endpoints());
        d.candidates().forEach(c -> all.addAll(c.verification()));
        all.addAll(d.relays());
        all.forEach(e -> endpoint(endpoints.addObject(), e));
        ArrayNode candidates = root.putArray("candidates");
        d.candidates().forEach(c -> candidate(candidates.addObject(), c));
        ArrayNode discovery = root.putArray("discovery");
        advice.clientPaths().forEach(p -> clientPath(discovery.addObject(), p));
        root.put("headline", advice.headline());
        strings(root.putArray("explanation"), advice.why());
        strings(root.putArray("askProvider"), advice.askProvider());
        root.put("elapsedMs", d.elapsed().toMillis());
        return PrettyJson.write(root);
    }

    private static void recommendation(ObjectNode node, Recommendation r) {
        node.put("protocol", r.protocol().id());
        node.put("host", r.host().value());
        node.put("port", r.port());
        node.put("security", r.security().id());
        node.put("verified", r.verified());
        node.put("confidence", r.confidence().id());
        strings(
                node.putArray("evidence"),
                r.evidence().stream().map(Evidence::id).toList());
    }

    private static void endpoint(ObjectNode node, EndpointResult e) {
        node.put("protocol", e.endpoint().protocol().id());
        node.put("host", e.host().value());
        node.put("address", e.probe().address().getHostAddress());
        node.put("port", e.endpoint().port());
        node.put("security", e.endpoint().security().id());
        node.put("sni", e.probe().sni());
        node.put("outcome", e.probe().outcome().id());
        e.probe().handshake().ifPresent(h -> {
            ObjectNode tls = node.putObject("tls");
            tls.put("version", h.tlsVersion());
            tls.put("cipher", h.cipherSuite());
            certificate(node.putObject("certificate"), CertificateSummary.of(h.leaf()));
            strings(
                    node.putArray("problems"),
                    e.problems().stream().map(CertificateProblem::code).toList());
        });
        if (!e.probe().detail().isEmpty()) {
            node.put("detail", e.probe().detail());
        }
    }

    /** The certificate summary as JSON; shared with {@code inspect --json}. */
    public static void certificate(ObjectNode node, CertificateSummary c) {
        node.put("subject", c.subject());
        node.put("issuer", c.issuer());
        strings(node.putArray("dnsNames"), c.dnsNames());
        if (!c.ipAddresses().isEmpty()) {
            strings(node.putArray("ipAddresses"), c.ipAddresses());
        }
        node.put("notBefore", c.notBefore().toString());
        node.put("notAfter", c.notAfter().toString());
        node.put("sha256", c.sha256());
    }

    private static void clientPath(ObjectNode node, ClientPath p) {
        node.put("source", p.path().source().id());
        node.put("location", p.path().location());
        node.put("outcome", p.path().outcome().id());
        ArrayNode servers = node.putArray("servers");
        for (ClientPath.Setting s : p.settings()) {
            ObjectNode server = servers.addObject();
            server.put("protocol", s.server().protocol().id());
            server.put("host", s.server().host());
            server.put("port", s.server().port());
            server.put(
                    "security",
                    s.server().socketType().security().map(sec -> sec.id()).orElse("plain"));
            Boolean warns = s.warning().warns();
            if (warns == null) {
                server.putNull("warns");
            } else {
                server.put("warns", warns);
            }
        }
        node.put("detail", p.path().detail());
    }

    private static void candidate(ObjectNode node, Candidate c) {
        node.put("host", c.host().value());
        strings(
                node.putArray("addresses"),
                c.addresses().stream().map(InetAddress::getHostAddress).toList());
        node.put("sameServer", c.sameServer());
        strings(
                node.putArray("evidence"),
                c.evidence().stream().sorted().map(Evidence::id).toList());
        node.put("verified", c.verified());
        if (!c.note().isEmpty()) {
            node.put("note", c.note());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
