package dev.mailcert.discover;

import java.nio.charset.StandardCharsets;

/** The Autodiscover POX request Outlook POSTs ([MS-OXDSCLI] §2.2.3): the address and the response schema wanted. */
final class AutodiscoverRequest {
    private static final String RESPONSE_SCHEMA =
            "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    private AutodiscoverRequest() {}

    static byte[] of(String emailAddress) {
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                        + "<Autodiscover "
                        + "xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">\r\n"
                        + "  <Request>\r\n"
                        + "    <EMailAddress>" + escape(emailAddress) + "</EMailAddress>\r\n"
                        + "    <AcceptableResponseSchema>" + RESPONSE_SCHEMA + "</AcceptableResponseSchema>\r\n"
                        + "  </Request>\r\n"
                        + "</Autodiscover>\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** XML 1.0 §2.4: the characters that must not appear literally in character data or attribute values. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
