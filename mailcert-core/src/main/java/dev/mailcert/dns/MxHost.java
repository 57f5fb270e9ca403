package dev.mailcert.dns;

/** One MX record: preference and exchange host (RFC 5321 §5.1). */
public record MxHost(int preference, String host) {}
