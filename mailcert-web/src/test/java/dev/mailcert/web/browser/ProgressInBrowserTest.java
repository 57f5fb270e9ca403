package dev.mailcert.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mailcert.web.LabWeb;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/** While a check runs, the page shows that it is working and for how long; then the result replaces it. */
@Tag("browser")
class ProgressInBrowserTest {

    @Test
    void theFormShowsProgressUntilTheResultArrives() throws Exception {
        assumeThat(Files.isExecutable(Browser.CHROMIUM))
                .as("/usr/bin/chromium is installed")
                .isTrue();
        try (LabWeb web = LabWeb.start("shared-hosting", 21900);
                Browser browser = new Browser(true)) {
            var d = browser.driver;
            d.get(web.url("/").toString());
            d.findElement(By.id("target")).sendKeys("alice@customer.example");
            d.findElement(By.id("server")).sendKeys("mail.customer.example");
            // The driver waits for the next page after a click, so the test holds the navigation back
            // (a listener of its own, after the page's) to watch the page's reaction to the submit.
            JavascriptExecutor js = (JavascriptExecutor) d;
            js.executeScript(
                    "document.getElementById('check-form').addEventListener('submit', function (e) { e.preventDefault(); })");
            d.findElement(By.id("check-button")).click();

            assertThat(d.findElement(By.id("progress")).isDisplayed()).isTrue();
            assertThat(d.findElement(By.id("check-button")).isEnabled()).isFalse();
            assertThat(d.findElement(By.id("check-button")).getText()).isEqualTo("Checking…");
            new WebDriverWait(d, Duration.ofSeconds(5))
                    .until(x -> x.findElement(By.id("progress-text")).getText().matches("(?s).*\\d+ s so far\\."));
            browser.screenshot("progress");
            js.executeScript(
                    "document.getElementById('check-form').submit()"); // now for real: the same URL answers when done
            new WebDriverWait(d, Duration.ofSeconds(60))
                    .until(x -> !x.findElements(By.id("verdict")).isEmpty());
            assertThat(d.findElement(By.id("verdict-title")).getText())
                    .isEqualTo("Change the server name in your mail program");
        }
    }
}
