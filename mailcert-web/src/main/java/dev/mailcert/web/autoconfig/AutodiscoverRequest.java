package dev.mailcert.web.autoconfig;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the address out of an Outlook Autodiscover POX request
 * ({@code <Autodiscover><Request><EMailAddress>alice@customer.example</EMailAddress>...}).
 * The body comes from anyone: no DTD, no external entities, at most {@value #MAX_BYTES} bytes,
 * {@value #MAX_DEPTH} levels and {@value #MAX_EVENTS} parse events.
 */
public final class AutodiscoverRequest {
    static final int MAX_BYTES = 16 * 1024;
    static final int MAX_DEPTH = 8;
    static final int MAX_EVENTS = 1_000;
    private static final XMLInputFactory FACTORY = factory();

    private AutodiscoverRequest() {}

    /** The EMailAddress of the request; empty when the body is not such a request. */
    public static Optional<String> emailAddress(byte[] body) {
        if (body.length == 0 || body.length > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                return read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(XMLStreamReader xml) throws XMLStreamException {
        int depth = 0;
        boolean root = true;
        for (int events = 0; xml.hasNext() && events < MAX_EVENTS; events++) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                return Optional.empty();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (root && !xml.getLocalName().equals("Autodiscover")) {
                    return Optional.empty();
                }
                root = false;
                if (++depth > MAX_DEPTH) {
                    return Optional.empty();
                }
                if (xml.getLocalName().equals("EMailAddress")) {
                    String text = xml.getElementText().strip();
                    return text.isEmpty() || text.length() > 320 ? Optional.empty() : Optional.of(text);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return Optional.empty();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }
}
