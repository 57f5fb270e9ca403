package dev.mailcert.clientconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Navigation of a parsed configuration by local element name: Autodiscover answers come with and
 * without their namespaces, so names are matched without them.
 */
final class Elements {
    private Elements() {}

    static String name(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name(element).equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name(element).equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /** The trimmed text of the first child with that name; empty when there is none. */
    static String text(Element parent, String name) {
        return child(parent, name)
                .map(element -> element.getTextContent().strip())
                .orElse("");
    }
}
