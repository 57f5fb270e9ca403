package dev.mailcert.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemTest {

    private static final TestCertificates.Issued ROOT =
            TestCertificates.ca("Pem Root").build();
    private static final TestCertificates.Issued LEAF = TestCertificates.leaf("mail.example.com")
            .dns("mail.example.com")
            .issuedBy(ROOT)
            .build();

    @TempDir
    Path dir;

    @Test
    void writtenPemReadsBackInOrder() {
        List<X509Certificate> chain = List.of(LEAF.certificate(), ROOT.certificate());

        String pem = Pem.write(chain);

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(pem.lines()
                        .filter(l -> !l.startsWith("-----"))
                        .mapToInt(String::length)
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(64);
        assertThat(Pem.readCertificates(pem)).containsExactlyElementsOf(chain);
    }

    @Test
    void textAroundBlocksAndOtherBlockTypesAreSkipped() {
        String text = "subject=CN = mail.example.com\r\n"
                + Pem.write(List.of(LEAF.certificate())).replace("\n", "\r\n")
                + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                + Pem.write(List.of(ROOT.certificate()));

        assertThat(Pem.readCertificates(text)).containsExactly(LEAF.certificate(), ROOT.certificate());
    }

    @Test
    void singleDerFileIsAccepted() throws Exception {
        Path der = dir.resolve("leaf.der");
        Files.write(der, LEAF.certificate().getEncoded());

        assertThat(Pem.readCertificates(der)).containsExactly(LEAF.certificate());
    }

    @Test
    void pemFileIsRead() throws IOException {
        Path pem = dir.resolve("chain.pem");
        Files.writeString(pem, Pem.write(List.of(LEAF.certificate(), ROOT.certificate())));

        assertThat(Pem.readCertificates(pem)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                    | ''                                                                        | contains no certificate
            prose                    | hello world                                                               | contains no certificate
            no END line              | -----BEGIN CERTIFICATE-----\\nMIIB                                         | has no END line
            damaged BEGIN line       | -----BEGIN CERTIFICATE\\nMIIB\\n-----END CERTIFICATE-----                  | has a damaged BEGIN line
            bad base64               | -----BEGIN CERTIFICATE-----\\n!!!!\\n-----END CERTIFICATE-----            | not valid base64
            base64 of garbage        | -----BEGIN CERTIFICATE-----\\naGVsbG8=\\n-----END CERTIFICATE-----        | is not a certificate
            DER sequence of garbage  | -----BEGIN CERTIFICATE-----\\nMAMCAQE=\\n-----END CERTIFICATE-----        | is not a valid X.509 certificate
            headers                  | -----BEGIN CERTIFICATE-----\\nProc-Type: 4\\n-----END CERTIFICATE-----    | has PEM headers
            """)
    void garbageIsOneClearLine(String what, String text, String message) {
        assertThatThrownBy(() -> Pem.readCertificates(text.replace("\\n", "\n")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFileNamesTheFile() {
        Path missing = dir.resolve("nope.pem");

        assertThatThrownBy(() -> Pem.readCertificates(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage("cannot read " + missing + ": no such file");
    }

    @Test
    void directoryIsNotACertificateFile() {
        assertThatThrownBy(() -> Pem.readCertificates(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedUnread() throws IOException {
        Path big = dir.resolve("big.pem");
        Files.write(big, new byte[Pem.MAX_BYTES + 1]);

        assertThatThrownBy(() -> Pem.readCertificates(big))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("larger than 4 MiB");
    }

    @Test
    void binaryGarbageFileIsBadInput() throws IOException {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, "\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Pem.readCertificates(junk))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("contains no certificate");
    }

    @Test
    void certificatesOverTheCountLimitAreRefused() {
        String one = Pem.write(List.of(ROOT.certificate()));

        assertThatThrownBy(() -> Pem.readCertificates(one.repeat(Pem.MAX_CERTIFICATES + 1)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than 1000 certificates");
    }
}
