package dev.mailcert.cert;

import dev.mailcert.BadInputException;
import dev.mailcert.Printable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes certificates in PEM (RFC 7468) and DER. Reading is bounded (4 MiB, 1000
 * certificates) and strict: anything that is not a certificate becomes one {@link BadInputException}
 * line that says where. Blocks of other types (a private key in the same file) are skipped.
 */
public final class Pem {

    static final int MAX_BYTES = 4 * 1024 * 1024;
    static final int MAX_CERTIFICATES = 1000;
    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";
    private static final int MAX_LABEL = 64;
    /** RFC 7468 §3: a label is printable characters on the BEGIN line itself. */
    private static final Pattern LABEL = Pattern.compile("[\\x21-\\x2c\\x2e-\\x7e]+(?: [\\x21-\\x2c\\x2e-\\x7e]+)*");
    /** RFC 7468 §5.1 "CERTIFICATE", plus the legacy and OpenSSL trusted-certificate labels. */
    private static final Set<String> CERTIFICATE_LABELS =
            Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");

    private static final int DER_SEQUENCE = 0x30;

    private Pem() {}

    public static List<X509Certificate> readCertificates(String text) {
        if (text == null) {
            throw new BadInputException("no certificate given");
        }
        return pemBlocks(text, "the text").stream()
                .map(b -> parse(b.der(), b.where()))
                .toList();
    }

    /** A PEM file with one or more certificates, or a single DER certificate. */
    public static List<X509Certificate> readCertificates(Path file) {
        return blocks(file).stream().map(b -> parse(b.der(), b.where())).toList();
    }

    /**
     * A chain as a server sends it, from a PEM file or a single DER certificate: like
     * {@link #readCertificates(Path)}, except that a DER certificate the JDK refuses because it breaks
     * X.509 is kept as a {@link RefusedCertificate} (a finding). Only what is not a certificate at all
     * is bad input.
     */
    public static ServedCertificates readServed(Path file) {
        List<X509Certificate> usable = new ArrayList<>();
        List<RefusedCertificate> refused = new ArrayList<>();
        List<Block> blocks = blocks(file);
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            try {
                usable.add(parse(block.der(), block.where()));
            } catch (BadInputException e) {
                int position = i + 1;
                refused.add(RefusedCertificate.read(position, block.der(), jdkReason(block.der()))
                        .orElseThrow(() -> e));
            }
        }
        return new ServedCertificates(usable, refused);
    }

    /** One certificate's DER and where it was read, for messages. */
    private record Block(byte[] der, String where) {}

    private static List<Block> blocks(Path file) {
        String name = Printable.of(String.valueOf(file));
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(
                        Files.exists(file)
                                ? "cannot read " + name + ": it is not a regular file"
                                : "cannot read " + name + ": no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(
                        "cannot read " + name + ": larger than 4 MiB, too large for a certificate file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("cannot read " + name + ": no such file");
        } catch (IOException | SecurityException e) {
            throw new BadInputException("cannot read " + name + ": " + Printable.of(e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(
                    "cannot read " + name + ": larger than 4 MiB, too large for a certificate file");
        }
        if (bytes.length > 0 && (bytes[0] & 0xff) == DER_SEQUENCE) {
            return List.of(new Block(bytes, name + " (read as DER)"));
        }
        return pemBlocks(new String(bytes, StandardCharsets.ISO_8859_1), name);
    }

    public static String write(List<X509Certificate> certs) {
        StringBuilder out = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate cert : certs) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(cert.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                // a certificate that was parsed always has its encoding
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    private static List<Block> pemBlocks(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw new BadInputException(source + " is larger than 4 MiB, too large for certificates");
        }
        List<Block> certs = new ArrayList<>();
        int position = 0;
        int block = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, position);
            if (begin < 0) {
                break;
            }
            block++;
            int labelStart = begin + BEGIN.length();
            int labelEnd = text.indexOf(DASHES, labelStart);
            if (labelEnd < 0
                    || labelEnd - labelStart > MAX_LABEL
                    || !LABEL.matcher(text.substring(labelStart, labelEnd)).matches()) {
                throw new BadInputException(source + ": PEM block " + block + " has a damaged BEGIN line");
            }
            String label = text.substring(labelStart, labelEnd);
            String endLine = "-----END " + label + DASHES;
            int end = text.indexOf(endLine, labelEnd + DASHES.length());
            if (end < 0) {
                throw new BadInputException(
                        source + ": PEM block " + block + " (" + Printable.of(label) + ") has no END line");
            }
            if (CERTIFICATE_LABELS.contains(label)) {
                if (certs.size() >= MAX_CERTIFICATES) {
                    throw new BadInputException(source + " holds more than " + MAX_CERTIFICATES + " certificates");
                }
                String where = source + ": certificate " + (certs.size() + 1);
                certs.add(new Block(decode(text.substring(labelEnd + DASHES.length(), end), where), where));
            }
            position = end + endLine.length();
        }
        if (certs.isEmpty()) {
            throw new BadInputException(
                    source + " contains no certificate (expected a line -----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certs);
    }

    private static byte[] decode(String body, String where) {
        StringBuilder base64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ':') {
                throw new BadInputException(where + " has PEM headers, which certificates never have");
            }
            if (!Character.isWhitespace(c)) {
                base64.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + " is damaged: its text is not valid base64");
        }
    }

    private static X509Certificate parse(byte[] der, String where) {
        if (der.length == 0 || (der[0] & 0xff) != DER_SEQUENCE) {
            throw new BadInputException(where + " is not a certificate (neither PEM nor DER)");
        }
        try {
            return jdkParse(der);
        } catch (CertificateException | RuntimeException e) {
            // the JDK's DER parser reports damage both ways
            throw new BadInputException(where + " is not a valid X.509 certificate (" + reason(e) + ")");
        }
    }

    private static X509Certificate jdkParse(byte[] der) throws CertificateException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** Why the JDK refuses {@code der}, in one line. */
    private static String jdkReason(byte[] der) {
        try {
            jdkParse(der);
            return "the JDK refuses it";
        } catch (CertificateException | RuntimeException e) {
            return "the JDK says: " + reason(e);
        }
    }

    /** The JDK's message on one line, without the names of the exceptions it wraps ("java.io.IOException: "). */
    private static String reason(Exception e) {
        String line =
                String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        return Printable.of(line.replaceAll("java\\.[\\w.]+(Exception|Error): ", ""));
    }
}
