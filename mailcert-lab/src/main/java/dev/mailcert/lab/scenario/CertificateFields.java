package dev.mailcert.lab.scenario;

import dev.mailcert.lab.pki.CertificateSpec;
import dev.mailcert.lab.pki.Issuer;
import dev.mailcert.lab.pki.KeyPurpose;
import dev.mailcert.lab.pki.LabPki;
import dev.mailcert.lab.pki.SignatureAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one entry of a scenario's {@code certificates:} mapping. */
final class CertificateFields {
    private static final Set<String> FIELDS = Set.of(
            "names",
            "commonName",
            "issuer",
            "notBefore",
            "notAfter",
            "keyBits",
            "signature",
            "usage",
            "sendIntermediate");
    /** Like a host name, but '*' may appear in the first label: partial wildcards are a case to test. */
    private static final Pattern NAME =
            Pattern.compile("(?i)[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private static final Pattern RELATIVE = Pattern.compile("([+-]?)(\\d{1,5})([dhm])");

    private CertificateFields() {}

    static CertificateSpec read(YamlField spec) {
        spec.allowOnly(FIELDS);
        List<String> names = spec.field("names").list().stream()
                .map(name -> name.as(CertificateFields::subjectName))
                .toList();
        if (names.isEmpty()) {
            throw spec.field("names").invalid("must list at least one name");
        }
        Duration notBefore = spec.field("notBefore").present()
                ? spec.field("notBefore").as(CertificateFields::relative)
                : CertificateSpec.DEFAULT_NOT_BEFORE;
        Duration notAfter = spec.field("notAfter").present()
                ? spec.field("notAfter").as(CertificateFields::relative)
                : CertificateSpec.DEFAULT_NOT_AFTER;
        if (!notBefore.minus(notAfter).isNegative()) {
            throw spec.field("notAfter").invalid("must lie after notBefore");
        }
        int keyBits = spec.field("keyBits").integer(CertificateSpec.DEFAULT_KEY_BITS);
        if (keyBits < 1024 || keyBits > 4096) {
            throw spec.field("keyBits").invalid("expected 1024 to 4096, got " + keyBits);
        }
        return new CertificateSpec(
                names,
                spec.field("commonName").optionalText(),
                spec.field("issuer").present()
                        ? spec.field("issuer").as(CertificateFields::issuer)
                        : Issuer.INTERMEDIATE,
                notBefore,
                notAfter,
                keyBits,
                spec.field("signature").present()
                        ? spec.field("signature").as(SignatureAlgorithm::fromJcaName)
                        : SignatureAlgorithm.SHA256_WITH_RSA,
                spec.field("usage").present()
                        ? spec.field("usage").as(CertificateFields::purpose)
                        : KeyPurpose.SERVER_AUTH,
                spec.field("sendIntermediate").bool(true));
    }

    /** "-30d", "+90d", "12h", "5m" or "0": an offset from the moment the lab starts. */
    static Duration relative(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = RELATIVE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected a time relative to now such as -30d, 90d, 12h or 0, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
        return switch (m.group(3)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static String subjectName(String text) {
        if (text.startsWith(LabPki.RAW_DNS)
                && text.length() <= 253 + LabPki.RAW_DNS.length()
                && text.chars().allMatch(c -> c >= ' ' && c < 127)) {
            return text; // "dns:" and any printable ASCII: a DNS name entry exactly as written (hostile scenarios)
        }
        if (text.length() > 253 || !(NAME.matcher(text).matches() || text.contains(":"))) {
            throw new IllegalArgumentException(
                    "expected a DNS name (wildcards allowed) or an IP address, got '" + text + "'");
        }
        return text;
    }

    private static Issuer issuer(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "intermediate" -> Issuer.INTERMEDIATE;
            case "root" -> Issuer.ROOT;
            case "self" -> Issuer.SELF;
            default -> throw new IllegalArgumentException("expected intermediate, root or self, got '" + text + "'");
        };
    }

    private static KeyPurpose purpose(String text) {
        return switch (text) {
            case "serverAuth" -> KeyPurpose.SERVER_AUTH;
            case "clientAuth" -> KeyPurpose.CLIENT_AUTH;
            default -> throw new IllegalArgumentException("expected serverAuth or clientAuth, got '" + text + "'");
        };
    }
}
