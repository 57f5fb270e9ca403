package dev.mailcert.clientconfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parsers for XML that may come from an attacker (an autoconfig or Autodiscover answer fetched
 * over the network): bounded in size and nesting, never resolving a DTD, an external entity or an
 * XInclude. The JDK's own parsers are used (never one found on the class path) so the settings
 * below are known to apply.
 */
final class UntrustedXml {
    /** Real configuration files are a few kilobytes; 1 MiB leaves room and bounds the memory. */
    static final int MAX_BYTES = 1 << 20;
    /** Autoconfig nests 4 levels, Autodiscover 5, a mail profile 5; 32 is generous. */
    static final int MAX_DEPTH = 32;

    private UntrustedXml() {}

    /**
     * A DOM of a document that must not have a DOCTYPE at all: without one there are no entity
     * declarations, so XXE and billion-laughs are impossible by construction.
     */
    static Document document(byte[] xml, String kind) {
        checkSize(xml, kind);
        try {
            DocumentBuilder builder = documentFactory().newDocumentBuilder();
            builder.setErrorHandler(new Strict());
            // Never reached without a DOCTYPE; here in case a future parser reads one anyway.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(InputStream.nullInputStream()));
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new ClientConfigException(kind + ": " + describe(e));
        } catch (SAXException | IOException e) {
            throw new ClientConfigException(kind + ": not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        } catch (RuntimeException e) {
            // The input is hostile by assumption: a parser fault on it is a rejected document.
            throw new ClientConfigException(kind + ": the XML parser gave up: " + e);
        }
    }

    /**
     * A streaming reader that tolerates a DOCTYPE (every property list has one) but never loads
     * it and never expands an entity declared in it: a reference to one is an error.
     */
    static XMLStreamReader stream(byte[] xml, String kind) {
        checkSize(xml, kind);
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> InputStream.nullInputStream());
        try {
            return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        } catch (XMLStreamException e) {
            throw new ClientConfigException(kind + ": " + describe(e));
        }
    }

    /** One line for a StAX error: its location and the parser's message without the prefix. */
    static String describe(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf("Message: ");
        String text = start >= 0 ? message.substring(start + "Message: ".length()) : message;
        return e.getLocation() == null
                ? "not well-formed XML: " + text
                : "not well-formed XML at line %d, column %d: %s"
                        .formatted(
                                e.getLocation().getLineNumber(), e.getLocation().getColumnNumber(), text);
    }

    /** A value from the file for an error message: quoted, at most 40 characters, no controls. */
    static String quoted(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
    }

    private static void checkSize(byte[] xml, String kind) {
        if (xml.length == 0) {
            throw new ClientConfigException(kind + ": the document is empty");
        }
        if (xml.length > MAX_BYTES) {
            throw new ClientConfigException(
                    "%s: the document has %d bytes, more than the %d accepted".formatted(kind, xml.length, MAX_BYTES));
        }
    }

    private static String describe(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("disallow-doctype-decl")) {
            message = "a DOCTYPE is not accepted (it could declare entities that read files or expand without bound)";
        } else if (message.contains("maxElementDepth")) {
            message = "elements are nested deeper than " + MAX_DEPTH + " levels";
        }
        return "rejected at line %d, column %d: %s".formatted(e.getLineNumber(), e.getColumnNumber(), message);
    }

    private static DocumentBuilderFactory documentFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Fails on the first error instead of printing it to standard error and going on. */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // Warnings (e.g. an unusual encoding name) do not make the document unusable.
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }
}
