package dev.mailcert.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.discover.HttpResponseReader.BodyTooLargeException;
import dev.mailcert.discover.HttpResponseReader.MalformedResponseException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpResponseReaderTest {
    private static final int LIMIT = 16;

    private static HttpResponseReader.Answer read(String response) throws Exception {
        return read(response, "GET");
    }

    private static HttpResponseReader.Answer read(String response, String method) throws Exception {
        return new HttpResponseReader(
                        new ByteArrayInputStream(response.replace("|", "\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                        LIMIT,
                        method)
                .read();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            content length;         HTTP/1.1 200 OK|Content-Length: 5||hello;                   200; hello
            end of connection;      HTTP/1.1 200 OK||hello;                                     200; hello
            chunked;                HTTP/1.1 200 OK|Transfer-Encoding: chunked||2|he|3|llo|0||; 200; hello
            chunked wins;           HTTP/1.1 200 OK|Content-Length: 99|Transfer-Encoding: chunked||5|hello|0||; 200; hello
            trailers ignored;       HTTP/1.1 200 OK|Transfer-Encoding: chunked||5|hello|0|X-T: 1||; 200; hello
            bare LF;                HTTP/1.1 404 Not Found\\nContent-Length: 0\\n\\n;              404; ''
            interim skipped;        HTTP/1.1 100 Continue||HTTP/1.1 200 OK|Content-Length: 2||ok; 200; ok
            HTTP/1.0 and no reason; HTTP/1.0 302|Location: /x|Content-Length: 0||;              302; ''
            exactly the limit;      HTTP/1.1 200 OK||0123456789abcdef;                          200; 0123456789abcdef
            folded length;          HTTP/1.1 200 OK|Content-Length:| 5||hello;                  200; hello
            folded with tab;        HTTP/1.1 200 OK|X-A: 1|\t2|Content-Length: 2||ok;           200; ok
            space before fields;    HTTP/1.1 200 OK| X-Stray: 1|Content-Length: 2||ok;          200; ok
            same length twice;      HTTP/1.1 200 OK|Content-Length: 2|Content-Length: 2||ok;    200; ok
            same length as list;    HTTP/1.1 200 OK|Content-Length: 2, 2||ok;                   200; ok
            204 ignores length;     HTTP/1.1 204 No Content|Content-Length: 5||hello;           204; ''
            304 ignores length;     HTTP/1.1 304 Not Modified|Content-Length: 5||hello;         304; ''
            gzip then chunked;      HTTP/1.1 200 OK|Transfer-Encoding: gzip, chunked||2|ok|0||; 200; ok
            chunked not last;       HTTP/1.1 200 OK|Transfer-Encoding: chunked, gzip||2 ok;     200; 2 ok
            coding overrides length; HTTP/1.1 200 OK|Transfer-Encoding: gzip|Content-Length: 1||ok; 200; ok
            """)
    void readsWellFormedResponses(String name, String response, int status, String body) throws Exception {
        var answer = read(response.replace("\\n", "\n"));
        assertThat(answer.status()).isEqualTo(status);
        assertThat(new String(answer.body(), StandardCharsets.ISO_8859_1)).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            declared too large;  HTTP/1.1 200 OK|Content-Length: 17||;                           too large
            read too large;      HTTP/1.1 200 OK||0123456789abcdefX;                             too large
            chunks too large;    HTTP/1.1 200 OK|Transfer-Encoding: chunked||9|012345678|9|012345678|0||; too large
            huge chunk size;     HTTP/1.1 200 OK|Transfer-Encoding: chunked||ffffffffffffffff|;  too large
            not HTTP;            SSH-2.0-OpenSSH||;                                              not an HTTP/1.1 status line
            bad header;          HTTP/1.1 200 OK|no colon here||;                                not a header line
            bad length;          HTTP/1.1 200 OK|Content-Length: lots||;                         Content-Length is not a number
            bad chunk size;      HTTP/1.1 200 OK|Transfer-Encoding: chunked||zz|;                not a chunk size
            chunk overrun;       HTTP/1.1 200 OK|Transfer-Encoding: chunked||2|hello|0||;        chunk data longer than its size
            nothing;             ;                                                               without an answer
            short body;          HTTP/1.1 200 OK|Content-Length: 9||abc;                         ended after 3 of 9 bytes
            differing lengths;   HTTP/1.1 200 OK|Content-Length: 2|Content-Length: 3||abc;       differing Content-Length values: 2, 3
            differing in a list; HTTP/1.1 200 OK|Content-Length: 2, 3||abc;                      differing Content-Length values: 2, 3
            signed length;       HTTP/1.1 200 OK|Content-Length: +2||ok;                         Content-Length is not a number
            endless length;      HTTP/1.1 200 OK|Content-Length: 1234567890123456789012||;        too large
            endless fold;        HTTP/1.1 200 OK|X: a|%s||;                                      a folded header field longer than
            """)
    void refusesMalformedAndOversizeResponses(String name, String response, String message) {
        String folds = (" " + "b".repeat(1000) + "|").repeat(9);
        assertThatThrownBy(() -> read(response == null ? "" : response.replace("%s|", folds)))
                .isInstanceOfAny(MalformedResponseException.class, BodyTooLargeException.class, EOFException.class)
                .hasMessageContaining(message);
    }

    @Test
    void responseToHead_hasNoBodyWhateverItsHeadersSay() throws Exception {
        var answer = read("HTTP/1.1 200 OK|Content-Length: 5|Transfer-Encoding: chunked||", "HEAD");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void foldedField_isOneValueJoinedBySpaces() throws Exception {
        var answer = read("HTTP/1.1 301 Moved|Location:|  /new|X-Long: a|\tb| c|Content-Length: 0||");
        assertThat(answer.last("location")).hasValue("/new");
        assertThat(answer.last("x-long")).hasValue("a b c");
    }

    @Test
    void refusesEndlessLinesAndHeaders() {
        String longLine = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(HttpResponseReader.MAX_LINE) + "\r\n\r\n";
        String manyHeaders = "HTTP/1.1 200 OK\r\n" + "X: 1\r\n".repeat(HttpResponseReader.MAX_HEADERS + 1) + "\r\n";
        assertThatThrownBy(() -> read(longLine)).hasMessageContaining("a line longer than");
        assertThatThrownBy(() -> read(manyHeaders)).hasMessageContaining("more than 100 header lines");
    }
}
