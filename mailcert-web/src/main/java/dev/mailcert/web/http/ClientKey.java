package dev.mailcert.web.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Who a request counts against for the rate limit: the peer's address; behind a reverse proxy on
 * the same machine (the peer is loopback) the last address the proxy added to
 * {@code X-Forwarded-For}. An IPv6 client counts by its /64, the block one subscriber gets.
 */
public final class ClientKey {

    private ClientKey() {}

    public static String of(String peer, String forwardedFor) {
        InetAddress address = literal(peer);
        if (address != null && address.isLoopbackAddress() && forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            InetAddress forwarded = literal(hops[hops.length - 1].strip());
            if (forwarded != null) {
                address = forwarded;
            }
        }
        if (address == null) {
            return peer == null ? "" : peer;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return "v6:" + Arrays.toString(Arrays.copyOf(bytes, 8));
        }
        return address.getHostAddress();
    }

    private static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64 || !text.matches("[0-9A-Fa-f:.\\[\\]%a-zA-Z]+")) {
            return null;
        }
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!s.contains(":") && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null; // not a literal: never looked up
        }
        try {
            return InetAddress.getByName(s.contains(":") ? "[" + s + "]" : s);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
