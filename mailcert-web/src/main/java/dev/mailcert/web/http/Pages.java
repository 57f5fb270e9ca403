package dev.mailcert.web.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The page templates, compiled at build time; every value is escaped for where it stands in the HTML. */
public final class Pages {
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        return out.toString();
    }
}
