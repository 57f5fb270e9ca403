package dev.mailcert.probe;

import dev.mailcert.Printable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SMTP reply, possibly multi-line (RFC 5321 §4.2): every line starts with the same three-digit
 * code, followed by "-" on all lines but the last, which has a space or nothing.
 *
 * @param code  the reply code, e.g. 250
 * @param texts the text of each line after the code and separator
 */
record SmtpReply(int code, List<String> texts) {

    SmtpReply {
        texts = List.copyOf(texts);
    }

    /** Reads the lines of one reply; the reader's limits bound how many there can be. */
    static SmtpReply read(PlaintextChannel channel) throws IOException, ProtocolViolation {
        List<String> texts = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = channel.readLine();
            int lineCode = codeOf(line);
            if (lineCode < 0) {
                throw new ProtocolViolation("not an SMTP reply line: " + Printable.of(line));
            }
            if (code >= 0 && lineCode != code) {
                throw new ProtocolViolation("SMTP reply lines with different codes: " + code + " then " + lineCode);
            }
            code = lineCode;
            texts.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new SmtpReply(code, texts);
            }
        }
    }

    /** The code of a well-formed reply line ("250-x", "250 x", "250"), or -1. */
    static int codeOf(String line) {
        if (line.length() < 3 || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        // RFC 5321 §4.2: the first digit is 2 to 5
        return code >= 200 && code < 600 ? code : -1;
    }

    /** The EHLO keywords: the first word of every line after the first, upper-cased (RFC 5321 §4.1.1.1). */
    List<String> keywords() {
        return texts.stream()
                .skip(1)
                .map(text -> text.strip().split(" ", 2)[0].toUpperCase(Locale.ROOT))
                .toList();
    }

    /** The reply as the server wrote it, on one line, safe to print. */
    String printable() {
        return Printable.of(code + " " + String.join(" / ", texts));
    }
}
