package dev.mailcert.lab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mailcert.lab.link.RoundTripTime;
import dev.mailcert.lab.mail.MailServerSpec;
import dev.mailcert.lab.mail.MailService;
import dev.mailcert.lab.pki.CertificateSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns scenario YAML into a {@link Scenario}, failing with one line that names the field. */
final class ScenarioReader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP = Set.of(
            "name",
            "description",
            "user",
            "server",
            "expect",
            "recommend",
            "dns",
            "zone",
            "certificates",
            "servers",
            "web",
            "rtt");
    private static final Set<String> SERVER =
            Set.of("address", "certificate", "sni", "services", "starttls", "hostname");
    private static final Set<String> WEB = Set.of("address", "certificate", "sni", "autoconfig", "autodiscover");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?");

    private final String source;

    ScenarioReader(String source) {
        this.source = source;
    }

    Scenario read(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source + ": not valid YAML at line " + e.getLocation().getLineNr() + ": "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        YamlField top = new YamlField(source, "", root);
        top.allowOnly(TOP);
        ExpectedVerdict expect = top.field("expect").as(ScenarioReader::verdict);
        YamlField recommend = top.field("recommend");
        if (expect == ExpectedVerdict.FIXABLE && !recommend.present()) {
            throw recommend.invalid("missing: a fixable scenario names the host a check should recommend");
        }
        if (expect != ExpectedVerdict.FIXABLE && recommend.present()) {
            throw recommend.invalid("only a fixable scenario recommends a host (expect is " + expect.id() + ")");
        }
        Map<String, CertificateSpec> certificates = certificates(top.field("certificates"));
        YamlField rtt = top.field("rtt");
        return new Scenario(
                top.field("name").as(ScenarioReader::name),
                top.field("description").text(),
                top.field("user").as(ScenarioReader::user),
                top.field("server").as(ScenarioReader::host),
                expect,
                recommend.present() ? Optional.of(recommend.as(ScenarioReader::host)) : Optional.empty(),
                top.field("dns").as(ScenarioReader::loopback),
                top.field("zone").as(ScenarioReader::zone),
                certificates,
                servers(top.field("servers"), certificates),
                web(top.field("web"), certificates),
                rtt.present() ? rtt.as(RoundTripTime::parse) : RoundTripTime.NONE);
    }

    private Map<String, CertificateSpec> certificates(YamlField field) {
        Map<String, CertificateSpec> specs = new LinkedHashMap<>();
        field.entries().forEach((name, spec) -> specs.put(name, CertificateFields.read(spec)));
        if (specs.isEmpty()) {
            throw field.invalid("missing: at least one certificate is needed");
        }
        return specs;
    }

    private List<ScenarioServer> servers(YamlField field, Map<String, CertificateSpec> certificates) {
        List<ScenarioServer> servers = new ArrayList<>();
        Map<InetAddress, String> taken = new HashMap<>();
        for (YamlField server : field.list()) {
            server.allowOnly(SERVER);
            InetAddress bind = uniqueAddress(server, taken);
            servers.add(new ScenarioServer(
                    bind,
                    reference(server.field("certificate"), certificates),
                    sni(server.field("sni"), certificates),
                    services(server.field("services")),
                    server.field("starttls").bool(true),
                    server.field("hostname")
                            .optionalText()
                            .map(ScenarioReader::host)
                            .orElse(MailServerSpec.DEFAULT_HOSTNAME)));
        }
        if (servers.isEmpty()) {
            throw field.invalid("missing: at least one server is needed");
        }
        return servers;
    }

    private Map<String, String> sni(YamlField field, Map<String, CertificateSpec> certificates) {
        Map<String, String> sni = new LinkedHashMap<>();
        field.entries().forEach((host, certificate) -> {
            try {
                sni.put(host(host), reference(certificate, certificates));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(source) ? e : certificate.invalid(e.getMessage());
            }
        });
        return sni;
    }

    /** The optional {@code web:} list: HTTPS servers that publish client configuration. */
    /** The loopback address a server entry binds; two entries of one list may not share it. */
    private static InetAddress uniqueAddress(YamlField server, Map<InetAddress, String> taken) {
        YamlField address = server.field("address");
        InetAddress bind = address.as(ScenarioReader::loopback);
        String earlier = taken.putIfAbsent(bind, server.path());
        if (earlier != null) {
            throw address.invalid(bind.getHostAddress() + " is already used by " + earlier);
        }
        return bind;
    }

    private List<ScenarioWeb> web(YamlField field, Map<String, CertificateSpec> certificates) {
        if (!field.present()) {
            return List.of();
        }
        List<ScenarioWeb> web = new ArrayList<>();
        Map<InetAddress, String> taken = new HashMap<>();
        for (YamlField server : field.list()) {
            server.allowOnly(WEB);
            InetAddress bind = uniqueAddress(server, taken);
            web.add(new ScenarioWeb(
                    bind,
                    reference(server.field("certificate"), certificates),
                    sni(server.field("sni"), certificates),
                    server.field("autoconfig").optionalText(),
                    server.field("autodiscover").optionalText()));
        }
        return web;
    }

    private static Set<MailService> services(YamlField field) {
        if (!field.present()) {
            return EnumSet.allOf(MailService.class);
        }
        Set<MailService> services = EnumSet.noneOf(MailService.class);
        field.list().forEach(item -> services.add(item.as(MailService::fromId)));
        return services;
    }

    private static String reference(YamlField field, Map<String, CertificateSpec> certificates) {
        String name = field.text();
        if (!certificates.containsKey(name)) {
            throw field.invalid(
                    "no certificate named '" + name + "' (defined: " + String.join(", ", certificates.keySet()) + ")");
        }
        return name;
    }

    private static ExpectedVerdict verdict(String text) {
        for (ExpectedVerdict verdict : ExpectedVerdict.values()) {
            if (verdict.id().equals(text)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("expected ok, fixable, unfixable or unreachable, got '" + text + "'");
    }

    private static String name(String text) {
        if (!NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("expected lower-case letters, digits and dashes, got '" + text + "'");
        }
        return text;
    }

    private static String user(String text) {
        int at = text.indexOf('@');
        if (at < 1 || at != text.lastIndexOf('@') || at == text.length() - 1) {
            throw new IllegalArgumentException(
                    "expected a mail address such as alice@customer.example, got '" + text + "'");
        }
        host(text.substring(at + 1));
        return text;
    }

    static String host(String text) {
        if (text.length() > 253 || !HOST.matcher(text).matches()) {
            throw new IllegalArgumentException("expected a host name, got '" + text + "'");
        }
        return text;
    }

    static InetAddress loopback(String text) {
        try {
            // a dotted literal never causes a DNS lookup
            InetAddress address = IPV4.matcher(text).matches() ? InetAddress.getByName(text) : null;
            if (address != null && address.isLoopbackAddress()) {
                return address;
            }
        } catch (UnknownHostException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("expected a loopback IPv4 address such as 127.0.10.7, got '" + text + "'");
    }

    /** Light check of master-file text: owner names must be absolute, the DNS server parses the rest. */
    private static String zone(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()
                    || Character.isWhitespace(line.charAt(0))
                    || line.startsWith(";")
                    || line.startsWith("$")) {
                continue;
            }
            String owner = line.split("\\s+", 2)[0];
            if (!owner.endsWith(".") && !owner.equals("@")) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + ": name '" + owner + "' must be absolute (end with a dot)");
            }
        }
        return text;
    }
}
