package dev.mailcert;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A DNS host name in the form names are compared in: A-labels (RFC 5890), lower case, no trailing
 * dot. {@link #parse} rejects anything that is not a valid host name with a message for a person.
 *
 * <p>Unicode names become A-labels by IDNA2008 as UTS #46 non-transitional processing defines it (ICU4J),
 * as browsers and current mail clients do: {@code straße.de} is {@code xn--strae-oqa.de}, never the
 * IDNA2003 {@code strasse.de}, and {@code xn--strae-oqa.de} is accepted as it is.
 */
public record HostName(String value) implements Comparable<HostName> {

    private static final int MAX_LENGTH = 253;

    /**
     * UTS #46 §4 with Transitional_Processing=false, UseSTD3ASCIIRules, CheckBidi and CheckJoiners. In a
     * holder: ICU's tables cost a cold JVM about 10 ms of CPU, and names that are plain lower-case LDH
     * ASCII with no A-label, nearly all of them, never need them.
     */
    private static final class Uts46 {
        static final IDNA INSTANCE = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
                | IDNA.NONTRANSITIONAL_TO_UNICODE
                | IDNA.USE_STD3_RULES
                | IDNA.CHECK_BIDI
                | IDNA.CHECK_CONTEXTJ);
    }

    public HostName {
        if (!isValid(value)) {
            throw new BadInputException("not a valid host name: " + Printable.of(value));
        }
    }

    /**
     * Parses what a person typed: Unicode labels become A-labels, case is folded, one trailing
     * dot is dropped. IP address literals are not host names and are rejected.
     */
    public static HostName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("a host name is required");
        }
        String name = text.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.length() > 4 * MAX_LENGTH) {
            throw new BadInputException("not a valid host name (longer than 253 characters): " + Printable.of(name));
        }
        String ascii = toAscii(name);
        if (ascii.length() > MAX_LENGTH) {
            throw new BadInputException("not a valid host name (longer than 253 characters): " + Printable.of(name));
        }
        if (!isValid(ascii)) {
            throw new BadInputException("not a valid host name: " + Printable.of(name));
        }
        if (ascii.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new BadInputException("an IP address is not a host name here: " + Printable.of(name));
        }
        return new HostName(ascii);
    }

    /**
     * A name as DNS, a certificate or a configuration file gives it (already A-labels): case folded
     * and one trailing dot dropped, with no other change. The one normalisation of names that came
     * from the network; compare with {@link #fromNetwork} for a checked host name.
     */
    public static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** {@link #normalise}d and checked: the host name, or empty when it is not one (e.g. "." or an underscore name). */
    public static Optional<HostName> fromNetwork(String name) {
        String normal = normalise(name);
        return isValid(normal) ? Optional.of(new HostName(normal)) : Optional.empty();
    }

    /** A-labels by UTS #46 non-transitional processing; one line of bad input when the name breaks IDNA2008. */
    private static String toAscii(String name) {
        if (name.chars().allMatch(c -> c < 0x80)) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (isValid(lower) && !hasALabelPrefix(lower)) {
                return lower; // what UTS #46 gives an LDH name without "xn--" labels: only its case folded
            }
        }
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        Uts46.INSTANCE.nameToASCII(name, ascii, info);
        Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        // "r3---sn-abc.example": hyphens in the third and fourth place are fine in an LDH label that is not
        // an A-label; browsers accept them too (WHATWG URL Standard: CheckHyphens=false)
        errors.remove(IDNA.Error.HYPHEN_3_4);
        if (errors.isEmpty()) {
            return ascii.toString().toLowerCase(Locale.ROOT);
        }
        for (String label : name.split("\\.")) {
            if (label.regionMatches(true, 0, "xn--", 0, 4) && !isALabel(label.toLowerCase(Locale.ROOT))) {
                throw new BadInputException(
                        "not a valid host name (invalid IDN label " + Printable.of(label) + "): " + Printable.of(name));
            }
        }
        throw new BadInputException("not a valid host name (" + reason(name, errors) + "): " + Printable.of(name));
    }

    private static String reason(String name, Set<IDNA.Error> errors) {
        if (errors.contains(IDNA.Error.DISALLOWED) && name.chars().allMatch(c -> c < 0x80)) {
            return "Contains non-LDH ASCII characters";
        }
        IDNA.Error first = errors.iterator().next();
        return switch (first) {
            case EMPTY_LABEL -> "empty label";
            case LABEL_TOO_LONG -> "a label longer than 63 characters";
            case DOMAIN_NAME_TOO_LONG -> "longer than 253 characters";
            case LEADING_HYPHEN -> "a label starts with a hyphen";
            case TRAILING_HYPHEN -> "a label ends with a hyphen";
            case DISALLOWED -> "a character that host names may not contain";
            case LEADING_COMBINING_MARK -> "a label starts with a combining mark";
            case BIDI -> "mixes right-to-left and left-to-right text against RFC 5893";
            case CONTEXTJ, CONTEXTO_PUNCTUATION, CONTEXTO_DIGITS -> "a joiner or punctuation where RFC 5892 forbids it";
            default -> "IDNA2008: " + first.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * True when {@code label} (lower case, starting with "xn--") is a valid A-label: its punycode decodes to
     * a U-label that IDNA2008 allows and that encodes back to exactly this label (RFC 5891 §5.4).
     */
    public static boolean isALabel(String label) {
        StringBuilder unicode = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        Uts46.INSTANCE.labelToUnicode(label, unicode, info);
        if (info.hasErrors() || unicode.toString().equals(label)) {
            return false;
        }
        StringBuilder back = new StringBuilder();
        IDNA.Info again = new IDNA.Info();
        Uts46.INSTANCE.labelToASCII(unicode, back, again);
        return !again.hasErrors() && back.toString().equals(label);
    }

    /**
     * True when {@code text} is already a normalised host name (A-labels, lower case, no trailing
     * dot): labels of 1 to 63 of a-z, 0-9 and hyphens, not starting or ending with a hyphen, 253
     * characters at most. A loop rather than a pattern per label: names are checked wherever they
     * come from the network, thousands of times in a scan.
     */
    public static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length < 1 || length > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** True when a label of {@code lower} starts with the ACE prefix "xn--" (RFC 5890 §2.3.1). */
    private static boolean hasALabelPrefix(String lower) {
        return lower.startsWith("xn--") || lower.contains(".xn--");
    }

    /** The name with Unicode labels shown as Unicode, for people. */
    public String unicode() {
        if (!hasALabelPrefix(value)) {
            return value;
        }
        StringBuilder unicode = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        Uts46.INSTANCE.nameToUnicode(value, unicode, info);
        return info.hasErrors() ? value : unicode.toString();
    }

    /** The part after the first label ("webhost.example" for "srv12.webhost.example"), or empty. */
    public String parent() {
        int dot = value.indexOf('.');
        return dot < 0 ? "" : value.substring(dot + 1);
    }

    @Override
    public int compareTo(HostName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
