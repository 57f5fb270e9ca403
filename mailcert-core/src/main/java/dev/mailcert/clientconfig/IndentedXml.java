package dev.mailcert.clientconfig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A UTF-8 XML document written through the JDK's {@link XMLStreamWriter}, which escapes every
 * value, indented by two spaces per level. Values XML 1.0 cannot carry at all (control
 * characters, lone surrogates) are refused rather than written into a file no client can read.
 */
final class IndentedXml {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter writer;
    private final String format;
    private int depth;
    private boolean lastWasStart;

    /** Starts the document with its XML declaration; {@code format} names it in error messages. */
    IndentedXml(String format) {
        this.format = format;
        try {
            writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK XML writer is unavailable", e);
        }
    }

    /** A DOCTYPE line, written literally (only constants of this package pass here). */
    IndentedXml doctype(String doctype) {
        return write(() -> {
            writer.writeCharacters("\n");
            writer.writeDTD(doctype);
        });
    }

    IndentedXml start(String name) {
        return write(() -> {
            indent();
            writer.writeStartElement(name);
            depth++;
            lastWasStart = true;
        });
    }

    /** Starts an element that declares {@code namespace} as the default for itself and its content. */
    IndentedXml start(String name, String namespace) {
        return write(() -> {
            indent();
            writer.writeStartElement("", name, namespace);
            writer.writeDefaultNamespace(namespace);
            depth++;
            lastWasStart = true;
        });
    }

    IndentedXml attribute(String name, String value) {
        String checked = checked(name, value);
        return write(() -> writer.writeAttribute(name, checked));
    }

    /** An element holding only text: {@code <name>value</name>} on one line. */
    IndentedXml leaf(String name, String value) {
        String checked = checked(name, value);
        return write(() -> {
            indent();
            writer.writeStartElement(name);
            writer.writeCharacters(checked);
            writer.writeEndElement();
            lastWasStart = false;
        });
    }

    /** An element without content, such as a property list's {@code <true/>}. */
    IndentedXml empty(String name) {
        return write(() -> {
            indent();
            writer.writeEmptyElement(name);
            lastWasStart = false;
        });
    }

    IndentedXml end() {
        return write(() -> {
            depth--;
            if (!lastWasStart) {
                indent();
            }
            writer.writeEndElement();
            lastWasStart = false;
        });
    }

    /** The finished document, ending with a line break. */
    String finish() {
        write(() -> {
            writer.writeEndDocument();
            writer.writeCharacters("\n");
            writer.close();
        });
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void indent() throws XMLStreamException {
        writer.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** XML 1.0 §2.2 Char: tab, line feed, carriage return, and the rest from U+0020 without surrogates, FFFE, FFFF. */
    private String checked(String name, String value) {
        if (value == null) {
            throw new ClientConfigException(format + ": no value for " + name);
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                throw new ClientConfigException(
                        "%s: the value of %s contains U+%04X, which XML cannot carry".formatted(format, name, c));
            }
            i += Character.charCount(c);
        }
        return value;
    }

    private IndentedXml write(Step step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory failed", e);
        }
        return this;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws XMLStreamException;
    }
}
