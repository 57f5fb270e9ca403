package dev.mailcert.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mailcert.clientconfig.AutoconfigReader;
import dev.mailcert.clientconfig.AutodiscoverReader;
import dev.mailcert.clientconfig.PlistReader;
import dev.mailcert.clientconfig.ServerSetting;
import dev.mailcert.web.LabWeb;
import dev.mailcert.web.page.MailClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page in a real browser (Debian's chromium), against the seed lab: what a person does and sees. */
@Tag("browser")
class PageInBrowserTest {
    private static final int OFFSET = 21600;
    private static LabWeb web;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeThat(Files.isExecutable(Browser.CHROMIUM))
                .as("/usr/bin/chromium is installed")
                .isTrue();
        web = LabWeb.start("shared-hosting", OFFSET);
        browser = new Browser(true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
    }

    private static void fillAndSubmit(String target, String server, String clientLabel) {
        var d = browser.driver;
        d.get(web.url("/").toString());
        d.findElement(By.id("server")).sendKeys(server);
        new Select(d.findElement(By.id("client"))).selectByVisibleText(clientLabel);
        d.findElement(By.id("target")).sendKeys(target + Keys.ENTER); // the keyboard submits the form
        new WebDriverWait(d, Duration.ofSeconds(60))
                .until(x -> !x.findElements(By.id("verdict")).isEmpty());
    }

    @Test
    void formLeadsToTheVerdictTheSettingsAndTheChosenClientsSteps() throws Exception {
        fillAndSubmit("alice@customer.example", "mail.customer.example", "Thunderbird");
        var d = browser.driver;

        assertThat(d.findElement(By.id("verdict-title")).getText())
                .isEqualTo("Change the server name in your mail program");
        List<WebElement> cards = d.findElements(By.cssSelector("#settings .card"));
        assertThat(cards).hasSize(3);
        assertThat(cards).allSatisfy(c -> {
            assertThat(c.findElement(By.cssSelector(".host")).getText()).isEqualTo("srv12.webhost.example");
            assertThat(c.findElement(By.cssSelector(".was")).getText()).isEqualTo("mail.customer.example");
            assertThat(c.findElement(By.cssSelector(".security")).getText()).isEqualTo("SSL/TLS");
        });
        assertThat(cards)
                .extracting(c -> c.findElement(By.cssSelector(".port")).getText())
                .containsExactly(port(993), port(995), port(465));
        WebElement thunderbird = d.findElement(By.id("guide-thunderbird"));
        assertThat(thunderbird.getAttribute("open")).isNotNull();
        assertThat(thunderbird.getText()).contains("Account Settings", "srv12.webhost.example");
        assertThat(d.findElement(By.id("technical")).getAttribute("open")).isNull(); // folded
        browser.screenshot("seed-result");
    }

    @Test
    void pickingEachClientShowsOnlyItsSteps() throws Exception {
        fillAndSubmit("alice@customer.example", "mail.customer.example", "I will pick it later");
        var d = browser.driver;
        Select picker = new Select(d.findElement(By.id("client-picker")));
        for (MailClient client : MailClient.values()) {
            picker.selectByValue(client.id());

            WebElement guide = d.findElement(By.id("guide-" + client.id()));
            assertThat(guide.isDisplayed()).as(client.label()).isTrue();
            assertThat(guide.getAttribute("open")).as(client.label()).isNotNull();
            assertThat(guide.findElements(By.cssSelector("ol > li")).size())
                    .as(client.label())
                    .isGreaterThanOrEqualTo(3);
            assertThat(guide.getText()).as(client.label()).contains("srv12.webhost.example");
            assertThat(d.findElements(By.cssSelector("details.guide")).stream()
                            .filter(WebElement::isDisplayed)
                            .count())
                    .as(client.label())
                    .isEqualTo(1);
        }
        browser.screenshot("seed-result-em-client");
    }

    @Test
    void theThreeFilesDownloadWithTheVerifiedName() throws Exception {
        fillAndSubmit("alice@customer.example", "mail.customer.example", "Apple Mail on a Mac");
        var d = browser.driver;
        for (WebElement link : d.findElements(By.cssSelector("ul.downloads a"))) {
            link.click();
        }
        Path thunderbird = awaitFile("config-v1.1.xml");
        Path autodiscover = awaitFile("autodiscover.xml");
        Path profile = awaitFile("customer.example.mobileconfig");

        assertThat(AutoconfigReader.parse(Files.readAllBytes(thunderbird)).servers())
                .extracting(ServerSetting::host)
                .containsOnly("srv12.webhost.example");
        assertThat(AutodiscoverReader.parse(Files.readAllBytes(autodiscover)).servers())
                .extracting(ServerSetting::host)
                .containsOnly("srv12.webhost.example");
        assertThat(PlistReader.parse(Files.readAllBytes(profile)).toString()).contains("srv12.webhost.example");
    }

    @Test
    void everyFieldHasALabelAndThePageFitsAPhone() throws Exception {
        var d = browser.driver;
        d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            d.get(web.url("/check?target=alice%40customer.example&server=mail.customer.example&client=iphone")
                    .toString());
            for (WebElement field : d.findElements(By.cssSelector("input, select"))) {
                String id = field.getAttribute("id");
                assertThat(d.findElements(By.cssSelector("label[for='" + id + "']")))
                        .as(id)
                        .hasSize(1);
            }
            long scrollWidth =
                    (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth");
            long viewport = (Long) ((JavascriptExecutor) d).executeScript("return window.innerWidth");
            assertThat(scrollWidth).isLessThanOrEqualTo(viewport);
            browser.screenshot("seed-result-phone");
        } finally {
            d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    @Test
    void badInputIsSaidOnTheForm() throws Exception {
        var d = browser.driver;
        d.get(web.url("/check?target=not+an+address").toString());

        assertThat(d.findElement(By.id("problem")).getText()).isNotBlank();
        assertThat(d.findElement(By.id("problem")).getAttribute("data-status")).isEqualTo("400");
        assertThatNoAlert();
    }

    private static String port(int standard) {
        return Integer.toString(standard + web.lab.portOffset());
    }

    static void assertThatNoAlert() {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError(
                    "an alert is open: " + browser.driver.switchTo().alert().getText());
        } catch (NoAlertPresentException expected) {
            // the page ran no injected script
        }
    }

    private static Path awaitFile(String name) throws InterruptedException {
        Path file = browser.downloads.resolve(name);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            if (Files.isRegularFile(file) && !Files.exists(browser.downloads.resolve(name + ".crdownload"))) {
                return file;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not downloaded within 20 s: " + name + " (folder holds "
                + browser.downloads.toFile().list().length + " files)");
    }
}
