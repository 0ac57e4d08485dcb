package io.laurel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.support.HeadlessChromium;
import io.laurel.support.LaurelTest;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist and the welcome page in a browser that asks for Chinese (zh-CN): the chrome is Chinese (Laurel's zh
 * locale files), none of the most common English labels shows, and the Camunda 8 migration banner is hidden.
 */
@LaurelTest
class ChineseWebappsBrowserTest {

    /** English labels of the pages' chrome that a zh-CN user would otherwise see (en.json values). */
    static final List<String> ENGLISH = List.of("Please Log in", "Username", "Password", "Log out", "My profile",
            "Filters", "Create task", "Start process", "Add a simple filter", "Filter Tasks", "Created", "Claim",
            "Complete", "Select a task in the list", "Loading", "Date and Time displayed in local timezone",
            "It is time to migrate to Camunda 8", "Applications", "Change password", "Edit profile");

    @LocalServerPort
    int port;

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=zh-CN", "--accept-lang=zh-CN,zh");
        browser = chromium.driver();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void tasklist_and_welcome_speak_chinese_to_a_chinese_browser() throws IOException {
        // Laurel's config and zh locale are the ones served, and the browser asks for Chinese.
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/scripts/config.js");
        assertThat(bodyText()).contains("availableLocales: ['zh', 'en']");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/locales/zh.json");
        assertThat(bodyText()).contains("\"PAGE_LOGIN_PLEASE_SIGN_IN\": \"请登录\"");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        assertThat((String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return navigator.languages ? navigator.languages[0] : navigator.language"))
                .startsWith("zh");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        try {
            wait.until(d -> bodyText().contains("任务列表") && bodyText().contains("登录"));
        } finally {
            screenshot("tasklist-login-zh.png");
        }
        assertNoEnglish();

        browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("wanglei");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(d -> bodyText().contains("我的小组任务") && bodyText().contains("我的待办"));
        try {
            wait.until(d -> !bodyText().contains("正在加载") && bodyText().contains("新建任务"));
        } finally {
            screenshot("tasklist-zh.png");
        }
        assertNoEnglish();
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

        browser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
        wait.until(d -> bodyText().contains("任务列表") && bodyText().contains("个人资料"));
        screenshot("welcome-zh.png");
        assertNoEnglish();
    }

    private void assertNoEnglish() {
        String text = bodyText();
        assertThat(ENGLISH).as("English chrome on %s", browser.getCurrentUrl())
                .allSatisfy(label -> assertThat(text).doesNotContain(label));
    }

    private String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.write(HeadlessChromium.SCREENSHOTS.resolve(name),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
