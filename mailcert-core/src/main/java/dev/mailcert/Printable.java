package dev.mailcert;

/**
 * Text from the network (PTR names, certificate names, server replies) made safe to print: control
 * characters and other invisible code points are shown as \\uXXXX escapes (so applying it twice changes
 * nothing more), and the length is bounded,
 * so that a hostile peer cannot move the cursor or recolour a person's terminal.
 */
public final class Printable {
    private static final int MAX = 300;

    private Printable() {}

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 16);
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (out.length() >= MAX) {
                out.append("...");
                break;
            }
            int c = codePoints[i];
            int type = Character.getType(c);
            boolean invisible = Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE;
            if (invisible) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
