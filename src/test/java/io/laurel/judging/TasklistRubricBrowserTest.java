package io.laurel.judging;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.support.HeadlessChromium;
import io.laurel.support.LaurelTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * An expert judge scores an essay in a real browser (headless Debian Chromium): logs into Tasklist, opens the
 * 作品评分 task, sees the rubric's bands and the confirmed 规范性, types 35 for 内容性 (max 30) — form-js refuses
 * and nothing is submitted — then valid scores, which are stored. Skipped without Chromium/chromedriver.
 */
@LaurelTest
class TasklistRubricBrowserTest {

    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS.resolve("rubric");
    static final String JUDGE = "hanxue";

    static final By CONTENT = By.cssSelector(".fjs-container input[id$='-rubric-score-content-5']");
    static final By THOUGHT = By.cssSelector(".fjs-container input[id$='-rubric-score-thought-7']");
    static final By INNOVATION = By.cssSelector(".fjs-container input[id$='-rubric-score-innovation-9']");
    static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary[ng-click='complete()']");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AssociationFixture fixture;
    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;
    HeadlessChromium chromium;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        FileSystemUtils.deleteRecursively(SCREENSHOTS);
        Files.createDirectories(SCREENSHOTS);
        browser = chromium.driver();
        wait = chromium.waitUpTo(Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void an_out_of_range_score_is_refused_by_the_form_and_a_valid_one_is_stored() throws Exception {
        // A campaign at the scoring stage, the judge's declaration signed.
        AssociationFixture.ScoringStage stage = fixture.atScoring(JUDGE);
        Campaign campaign = stage.campaign();
        ProcessInstance instance = stage.instance();
        Task task = stage.task();
        long entry = stage.entry();

        try {
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                    .sendKeys(JUDGE);
            browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
            browser.findElement(By.cssSelector("form button[type='submit']")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(.,'我的待办')]")))
                    .click();
            By taskLink = By.cssSelector("ol.tasks-list li.task h4.task a[href='#/?task=" + task.getId() + "']");
            WebElement link = wait.until(ExpectedConditions.elementToBeClickable(taskLink));
            assertThat(link.getText()).startsWith("评分:【参赛作品");
            link.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(CONTENT));
            String page = browser.findElement(By.cssSelector(".fjs-container")).getText();
            assertThat(page).contains("内容性(满分 30 分)", "26–30 分", "思想性(满分 50 分)", "46–50 分", "创新性(满分 10 分)",
                    "规范性(满分 10 分,已由协会秘书处确认)");

            type(CONTENT, "35");
            type(THOUGHT, "45");
            type(INNOVATION, "7");
            // form-js marks the field (max 30) and Tasklist will not complete: nothing reaches the engine.
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".fjs-form-field-error")));
            wait.until(d -> !d.findElement(COMPLETE).isEnabled());
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", error);
            screenshot("01-refused");
            assertThat(error.getText()).contains("30");
            assertThat(error.getDomAttribute("id")).endsWith("-rubric-score-content-5-error-message");
            assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();

            type(CONTENT, "26");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
            click(browser.findElement(COMPLETE));
            wait.until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
            screenshot("02-completed");
        } catch (Throwable failure) {
            evidence();
            throw failure;
        }
        assertThat(jdbc.queryForList("select criterion from judge_score where nomination_id = ? and judge_id = ?",
                String.class, entry, JUDGE)).containsExactlyInAnyOrder("content", "thought", "innovation", "conformity");
        assertThat(jdbc.queryForObject("select points from judge_score where nomination_id = ? and judge_id = ? and "
                + "criterion = 'content'", java.math.BigDecimal.class, entry, JUDGE)).isEqualByComparingTo("26");
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "browser test done");
        tx(campaign);
    }

    @Autowired
    io.laurel.campaign.CampaignRepository campaigns;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** Closed, so package intake never files another test's mail under this campaign. */
    private void tx(Campaign campaign) {
        tx.executeWithoutResult(s -> campaigns.findById(campaign.getId()).ifPresent(Campaign::markClosed));
    }

    private void type(By field, String value) {
        WebElement input = browser.findElement(field);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
        input.sendKeys(value);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void evidence() {
        try {
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            // keep the original failure
        }
    }
}
