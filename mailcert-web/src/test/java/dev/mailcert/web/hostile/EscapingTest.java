package dev.mailcert.web.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailcert.web.LabWeb;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-markup lab: markup in the certificate subject and names, the PTR name, the
 * autoconfig file and the mail banners reaches the page only as text.
 */
class EscapingTest {
    static final int OFFSET = 21500;
    private static final Pattern INJECTED = Pattern.compile("<(script|img|svg)[\\s/>]", Pattern.CASE_INSENSITIVE);
    private static LabWeb web;
    private static BannerServer banners;
    private static String page;

    @BeforeAll
    static void start() throws Exception {
        banners = new BannerServer(InetAddress.getByName("127.0.21.8"), OFFSET);
        web = LabWeb.start("hostile-markup", OFFSET);
        HttpResponse<String> r =
                web.get("/check?target=eve%40hostile.example&server=mail.hostile.example&client=thunderbird");
        assertThat(r.statusCode()).isEqualTo(200);
        page = r.body();
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
        banners.close();
    }

    @Test
    void noMarkupFromTheNetworkSurvivesOnThePage() {
        // the page's own markup has exactly one script element (our file) and no img or svg
        assertThat(INJECTED.matcher(page).results().map(m -> m.group()).toList())
                .containsExactly("<script ");
        assertThat(page).contains("<script src=\"/static/mailcert.js\" defer></script>");
    }

    @Test
    void certificateSubjectAndNamesAreShownAsText() {
        assertThat(page)
                .contains("&lt;img src\\=x onerror\\=alert('subject')\\&gt;")
                .contains("&lt;script&gt;alert('san')&lt;/script&gt;.hostile.example");
    }

    @Test
    void autoconfigContentsAreShownAsText() {
        assertThat(page).contains("&lt;img src=x onerror=alert('autoconfig')&gt;.hostile.example");
    }

    @Test
    void bannersAreShownAsText() {
        assertThat(page)
                .contains("&lt;script&gt;alert('imap-banner')&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert('pop3-banner')&gt;")
                .contains("&lt;svg/onload=alert('smtp-banner')&gt;");
    }

    @Test
    void theJsonCarriesTheSameValuesAsPlainStrings() throws Exception {
        String json = web.get("/api/v1/check?target=eve%40hostile.example&server=mail.hostile.example")
                .body();
        var tree = new ObjectMapper().readTree(json);

        assertThat(json).contains("alert('san')");
        assertThat(tree.path("verdict").asText()).isEqualTo("ok");
    }
}
