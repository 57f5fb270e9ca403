package dev.mailcert.clientconfig;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Apple's XML property list format into Java values: {@code dict} to a {@link LinkedHashMap}
 * in file order, {@code array} to a {@link List}, {@code string} to String, {@code integer} to
 * Long, {@code real} to Double, {@code true}/{@code false} to Boolean, {@code date} to
 * {@link Instant} and {@code data} to {@code byte[]}.
 *
 * <p>Every property list starts with a DOCTYPE naming Apple's DTD, so a DOCTYPE is accepted, but
 * it is never loaded and entities declared in it are never expanded (referring to one is an
 * error). The limits of the other readers apply: 1 MiB, 32 levels, and at most 65536 values.
 */
public final class PlistReader {
    static final String KIND = "property list";
    static final int MAX_VALUES = 1 << 16;

    private PlistReader() {}

    /** The root value of the property list; throws {@link ClientConfigException} when unreadable. */
    public static Object parse(byte[] xml) {
        XMLStreamReader reader = UntrustedXml.stream(xml, KIND);
        try {
            return new Parse(reader).document();
        } catch (XMLStreamException e) {
            throw new ClientConfigException(KIND + ": " + UntrustedXml.describe(e));
        } catch (ClientConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // The input is hostile by assumption: a parser fault on it is a rejected document.
            throw new ClientConfigException(KIND + ": the XML parser gave up: " + e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing is held open on an in-memory document.
            }
        }
    }

    /** One pass over one document, counting values. */
    private static final class Parse {
        private final XMLStreamReader reader;
        private int values;

        Parse(XMLStreamReader reader) {
            this.reader = reader;
        }

        Object document() throws XMLStreamException {
            while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                // The declaration, the DOCTYPE (not loaded), comments and white space come first.
            }
            if (!reader.getLocalName().equals("plist")) {
                throw reject("the document is <" + reader.getLocalName() + ">, not a <plist>");
            }
            if (reader.nextTag() != XMLStreamConstants.START_ELEMENT) {
                throw reject("<plist> holds no value");
            }
            Object root = value(1);
            if (reader.nextTag() != XMLStreamConstants.END_ELEMENT) {
                throw reject("<plist> holds more than one value");
            }
            while (reader.hasNext()) {
                reader.next(); // only comments and white space may follow; the parser rejects the rest
            }
            return root;
        }

        /** The value whose start tag the reader is on; returns with the reader on its end tag. */
        private Object value(int depth) throws XMLStreamException {
            if (depth > UntrustedXml.MAX_DEPTH) {
                throw reject("values are nested deeper than " + UntrustedXml.MAX_DEPTH + " levels");
            }
            if (++values > MAX_VALUES) {
                throw reject("more than " + MAX_VALUES + " values");
            }
            String element = reader.getLocalName();
            return switch (element) {
                case "dict" -> dict(depth);
                case "array" -> array(depth);
                case "string" -> reader.getElementText();
                case "integer" -> integer(reader.getElementText().strip());
                case "real" -> real(reader.getElementText().strip());
                case "true", "false" -> bool(element, reader.getElementText());
                case "date" -> date(reader.getElementText().strip());
                case "data" -> data(reader.getElementText());
                default -> throw reject("<" + element + "> is not a property list value");
            };
        }

        private Map<String, Object> dict(int depth) throws XMLStreamException {
            Map<String, Object> dict = new LinkedHashMap<>();
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!reader.getLocalName().equals("key")) {
                    throw reject("<dict> has <" + reader.getLocalName() + "> where a <key> belongs");
                }
                String key = reader.getElementText();
                if (reader.nextTag() != XMLStreamConstants.START_ELEMENT) {
                    throw reject("key " + UntrustedXml.quoted(key) + " has no value");
                }
                if (dict.put(key, value(depth + 1)) != null) {
                    throw reject("key " + UntrustedXml.quoted(key) + " appears twice");
                }
            }
            return dict;
        }

        private List<Object> array(int depth) throws XMLStreamException {
            List<Object> array = new ArrayList<>();
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                array.add(value(depth + 1));
            }
            return array;
        }

        private Long integer(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw reject("integer " + UntrustedXml.quoted(text) + " is not a whole number");
            }
        }

        private Double real(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw reject("real " + UntrustedXml.quoted(text) + " is not a number");
            }
        }

        private Boolean bool(String element, String text) {
            if (!text.isBlank()) {
                throw reject("<" + element + "/> must be empty");
            }
            return element.equals("true");
        }

        private Instant date(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw reject("date " + UntrustedXml.quoted(text) + " is not an ISO 8601 instant");
            }
        }

        private byte[] data(String text) {
            try {
                // Apple wraps the Base64 text in lines; anything else outside the alphabet is an error.
                return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw reject("data is not Base64");
            }
        }

        private ClientConfigException reject(String problem) {
            var location = reader.getLocation();
            return new ClientConfigException("%s: %s (line %d, column %d)"
                    .formatted(KIND, problem, location.getLineNumber(), location.getColumnNumber()));
        }
    }
}
