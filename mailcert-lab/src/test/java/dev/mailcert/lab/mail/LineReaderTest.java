package dev.mailcert.lab.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsOnCrlfAndBareLf() throws IOException {
        LineReader reader = reader("a1 CAPABILITY\r\nQUIT\nrest-without-end", 100);

        assertThat(reader.readLine()).isEqualTo("a1 CAPABILITY");
        assertThat(reader.hasBufferedInput()).isTrue();
        assertThat(reader.readLine()).isEqualTo("QUIT");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void lineOfExactlyTheLimitIsAccepted() throws IOException {
        assertThat(reader("x".repeat(10) + "\r\n", 10).readLine()).hasSize(10);
    }

    @Test
    void longerLineIsRefused() {
        assertThatThrownBy(() -> reader("x".repeat(11) + "\r\n", 10).readLine())
                .isInstanceOf(LineReader.LineTooLongException.class)
                .hasMessage("line longer than 10 bytes");
    }

    @Test
    void carriageReturnWithoutLineFeedDoesNotExtendTheLimit() {
        assertThatThrownBy(() -> reader("x".repeat(10) + "\ry\n", 10).readLine())
                .isInstanceOf(LineReader.LineTooLongException.class);
    }

    @Test
    void nothingBufferedAfterTheLastLine() throws IOException {
        LineReader reader = reader("STARTTLS\r\n", 100);
        reader.readLine();

        assertThat(reader.hasBufferedInput()).isFalse();
    }

    private static LineReader reader(String text, int limit) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), limit);
    }
}
