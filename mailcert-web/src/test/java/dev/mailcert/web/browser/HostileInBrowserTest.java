package dev.mailcert.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mailcert.web.LabWeb;
import dev.mailcert.web.hostile.BannerServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The hostile-markup lab in a real browser: no injected script runs, no injected element appears. */
@Tag("browser")
class HostileInBrowserTest {
    private static final int OFFSET = 21700;

    @Test
    void markupFromEveryNetworkFieldStaysText() throws Exception {
        assumeThat(Files.isExecutable(Browser.CHROMIUM))
                .as("/usr/bin/chromium is installed")
                .isTrue();
        try (BannerServer banners = new BannerServer(InetAddress.getByName("127.0.21.8"), OFFSET);
                LabWeb web = LabWeb.start("hostile-markup", OFFSET);
                Browser browser = new Browser(true)) {
            var d = browser.driver;
            d.get(web.url("/check?target=eve%40hostile.example&server=mail.hostile.example&client=thunderbird")
                    .toString());
            new WebDriverWait(d, Duration.ofSeconds(60))
                    .until(x -> !x.findElements(By.id("verdict")).isEmpty());
            d.findElement(By.cssSelector("#technical > summary")).click(); // unfold, so everything is rendered

            try {
                String text = d.switchTo().alert().getText();
                throw new AssertionError("an injected script opened an alert: " + text);
            } catch (NoAlertPresentException expected) {
                // nothing ran
            }
            JavascriptExecutor js = (JavascriptExecutor) d;
            assertThat((Long) js.executeScript("return document.querySelectorAll('img, svg, iframe, object').length"))
                    .isZero();
            assertThat((Long) js.executeScript("return document.scripts.length"))
                    .isEqualTo(1L);
            String technical = d.findElement(By.id("technical")).getText();
            assertThat(technical)
                    .contains(
                            "<script>alert('san')</script>.hostile.example",
                            "<img src\\=x onerror\\=alert('subject')\\>",
                            "<img src=x onerror=alert('autoconfig')>",
                            "<script>alert('imap-banner')</script>");
            browser.screenshot("hostile-markup");
        }
    }
}
