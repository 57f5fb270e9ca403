package dev.mailcert.report;

import java.util.Locale;

/** The client configuration files mailcert writes from a check's verified recommendations. */
public enum ConfigFormat {
    /** Thunderbird autoconfig v1.1, served at https://autoconfig.DOMAIN/mail/config-v1.1.xml. */
    THUNDERBIRD,
    /** An Outlook Autodiscover POX response, served at https://autodiscover.DOMAIN/autodiscover/autodiscover.xml. */
    AUTODISCOVER,
    /** An Apple configuration profile, opened on an iPhone, iPad or Mac. */
    MOBILECONFIG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file name this format is published or installed under. */
    public String fileName(String domain) {
        return switch (this) {
            case THUNDERBIRD -> "config-v1.1.xml";
            case AUTODISCOVER -> "autodiscover.xml";
            case MOBILECONFIG -> domain + ".mobileconfig";
        };
    }
}
