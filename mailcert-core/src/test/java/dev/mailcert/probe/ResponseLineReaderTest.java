package dev.mailcert.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseLineReaderTest {
    private static final int[] CHUNKS = {1, 2, 3, 5, 7, 16, 4096};

    /** input, max line length, max lines, max bytes, expected lines joined by "|" or the start of the violation message. */
    static Stream<Arguments> cases() {
        List<Arguments> table = List.of(
                Arguments.of("220-a\r\n220-b\n220 c\r\n", 16, 10, 1000, "220-a|220-b|220 c"),
                Arguments.of("\r\n\n", 16, 10, 1000, "|"),
                Arguments.of("* OK a\rb\r\n", 16, 10, 1000, "* OK a\rb"),
                Arguments.of("0123456789abcdef\r\n", 16, 10, 1000, "0123456789abcdef"),
                Arguments.of("0123456789abcdef\n", 16, 10, 1000, "0123456789abcdef"),
                Arguments.of("0123456789abcdefg\r\n", 16, 10, 1000, "!server sent a line longer than 16 bytes"),
                Arguments.of("0123456789abcdefg\n", 16, 10, 1000, "!server sent a line longer than 16 bytes"),
                Arguments.of("x".repeat(500), 16, 10, 1000, "!server sent a line longer than 16 bytes"),
                Arguments.of("a\nb\nc\n", 16, 2, 1000, "!server sent more than 2 lines"),
                Arguments.of("a\nb\n", 16, 2, 1000, "a|b"),
                Arguments.of("aaaa\nbbbb\ncccc\n", 16, 10, 12, "!server sent more than 12 bytes"),
                Arguments.of("+OK no line end", 16, 10, 1000, "!connection closed in the middle of a line"));
        return table.stream()
                .flatMap(row -> IntStream.of(CHUNKS)
                        .mapToObj(chunk -> Arguments.of(
                                row.get()[0], row.get()[1], row.get()[2], row.get()[3], row.get()[4], chunk)));
    }

    @ParameterizedTest(name = "[{index}] chunk {5}: {4}")
    @MethodSource("cases")
    void readLine_splitAnywhere_sameLinesOrSameViolation(
            String input, int maxLine, int maxLines, int maxBytes, String expected, int chunk) throws Exception {
        ResponseLineReader reader = new ResponseLineReader(
                new ChunkedInputStream(input.getBytes(StandardCharsets.ISO_8859_1), chunk),
                maxLine,
                maxLines,
                maxBytes);
        List<String> lines = new ArrayList<>();
        String violation = null;
        try {
            while (true) {
                lines.add(reader.readLine());
            }
        } catch (EOFException end) {
            // all lines read
        } catch (ProtocolViolation v) {
            violation = v.getMessage();
        }
        if (expected.startsWith("!")) {
            assertThat(violation).startsWith(expected.substring(1));
        } else {
            assertThat(violation).isNull();
            assertThat(String.join("|", lines)).isEqualTo(expected);
        }
    }

    @Test
    void readLine_endlessLine_stopsAfterAboutOneLineOfBytes() {
        ChunkedInputStream endless =
                new ChunkedInputStream("A".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII), 1000);
        ResponseLineReader reader = new ResponseLineReader(endless, 4096, 100, 64 * 1024);

        assertThatThrownBy(reader::readLine)
                .isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("longer than 4096");
        assertThat(endless.consumed()).isLessThanOrEqualTo(4096 + 2);
    }

    @Test
    void readLine_aMillionLines_stopsAtTheLineLimit() throws Exception {
        byte[] flood = "* x\r\n".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
        ResponseLineReader reader = new ResponseLineReader(new ByteArrayInputStream(flood), 4096, 100, 64 * 1024);
        for (int i = 0; i < 100; i++) {
            assertThat(reader.readLine()).isEqualTo("* x");
        }

        assertThatThrownBy(reader::readLine)
                .isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("more than 100 lines");
    }

    @Test
    void readLine_closedBeforeAnything_isEndOfStreamNotViolation() {
        ResponseLineReader reader = new ResponseLineReader(new ByteArrayInputStream(new byte[0]), 64, 10, 1000);

        assertThatThrownBy(reader::readLine).isInstanceOf(EOFException.class);
    }

    @Test
    void discardPending_dropsBytesThatCameWithTheGoAhead() throws Exception {
        byte[] packet = "a2 OK begin TLS\r\n* injected\r\n".getBytes(StandardCharsets.US_ASCII);
        ResponseLineReader reader = new ResponseLineReader(new ChunkedInputStream(packet, packet.length), 64, 10, 1000);

        assertThat(reader.readLine()).isEqualTo("a2 OK begin TLS");
        assertThat(reader.discardPending()).isEqualTo("* injected\r\n".length());
        assertThatThrownBy(reader::readLine).isInstanceOf(EOFException.class);
    }

    @Test
    void discardPending_alsoDropsBytesWaitingInTheStream() throws Exception {
        byte[] packet = "+OK go\r\n-ERR fake\r\n".getBytes(StandardCharsets.US_ASCII);
        // the go-ahead arrives alone; the rest waits in the stream as it would in a socket's receive buffer
        ResponseLineReader reader =
                new ResponseLineReader(new ChunkedInputStream(packet, "+OK go\r\n".length()), 64, 10, 1000);
        assertThat(reader.readLine()).isEqualTo("+OK go");

        assertThat(reader.discardPending()).isEqualTo("-ERR fake\r\n".length());
        assertThat(reader.bytesReceived()).isEqualTo(packet.length);
    }
}
