package dev.mailcert;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DNS host name in the form names are compared in: A-labels (RFC 5890), lower case, no trailing
 * dot. {@link #parse} rejects anything that is not a valid host name with a message for a person.
 */
public record HostName(String value) implements Comparable<HostName> {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

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
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("not a valid host name (" + idnaReason(e) + "): " + Printable.of(name));
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        if (ascii.length() > MAX_LENGTH) {
            throw new BadInputException("not a valid host name (longer than 253 characters): " + Printable.of(name));
        }
        if (!isValid(ascii)) {
            throw new BadInputException("not a valid host name: " + Printable.of(name));
        }
        for (String label : ascii.split("\\.")) {
            if (label.startsWith("xn--") && !validALabel(label)) {
                throw new BadInputException("not a valid host name (invalid IDN label " + label + "): " + Printable.of(name));
            }
        }
        if (ascii.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new BadInputException("an IP address is not a host name here: " + Printable.of(name));
        }
        return new HostName(ascii);
    }

    /** The IDNA library's reason, first line only: the lines after it repeat the raw input. */
    private static String idnaReason(IllegalArgumentException e) {
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return Printable.of(first.replaceFirst("^java\\.text\\.ParseException: ", ""));
    }

    /** An A-label must decode to Unicode and encode back to itself (RFC 5890 §2.3.2.1). */
    private static boolean validALabel(String label) {
        String unicode = IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED);
        if (unicode.equals(label)) {
            return false;
        }
        try {
            return IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).equalsIgnoreCase(label);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when {@code text} is already a normalised host name (A-labels, lower case, no trailing dot). */
    public static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        for (String label : text.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The name with Unicode labels shown as Unicode, for people. */
    public String unicode() {
        return IDN.toUnicode(value, IDN.ALLOW_UNASSIGNED);
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
