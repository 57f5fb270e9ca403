package dev.mailcert.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mailcert.web.LabWeb;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** With JavaScript off, the form's URL answers with the whole result, every client's steps as plain details. */
@Tag("browser")
class WithoutJavaScriptTest {

    @Test
    void theSameUrlAnswersWhenTheCheckIsDone() throws Exception {
        assumeThat(Files.isExecutable(Browser.CHROMIUM))
                .as("/usr/bin/chromium is installed")
                .isTrue();
        try (LabWeb web = LabWeb.start("shared-hosting", 21800);
                Browser browser = new Browser(false)) {
            var d = browser.driver;
            d.get(web.url("/").toString());
            d.findElement(By.id("target")).sendKeys("alice@customer.example");
            d.findElement(By.id("server")).sendKeys("mail.customer.example");
            d.findElement(By.id("check-button")).click();
            new WebDriverWait(d, Duration.ofSeconds(60))
                    .until(x -> !x.findElements(By.id("verdict")).isEmpty());

            assertThat(d.getCurrentUrl())
                    .contains("/check?target=alice%40customer.example&server=mail.customer.example");
            assertThat(d.findElement(By.id("picker")).isDisplayed()).isFalse(); // the picker needs the script
            assertThat(d.findElements(By.cssSelector("details.guide")))
                    .hasSize(9)
                    .allSatisfy(g -> assertThat(g.isDisplayed()).isTrue());
            d.findElement(By.cssSelector("#guide-iphone > summary")).click();
            assertThat(d.findElement(By.id("guide-iphone")).getText())
                    .contains("Mail Accounts", "srv12.webhost.example");
            browser.screenshot("seed-result-no-javascript");
        }
    }
}
