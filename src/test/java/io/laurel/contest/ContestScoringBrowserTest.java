package io.laurel.contest;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.support.HeadlessChromium;
import io.laurel.support.LaurelTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
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

/**
 * A judge scores a preliminary group of three teams in a real browser (headless Debian Chromium): the Camunda
 * Form 比赛评分 shows the three teams and hides the unused slots 4 and 5; the judge types the nine stage scores and
 * completes the task; the weighted totals are stored. Skipped when Chromium or chromedriver is missing.
 */
@LaurelTest
class ContestScoringBrowserTest {

    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS.resolve("contest");
    static final String JUDGE = "gaoyuan";

    static By field(String componentId) {
        return By.cssSelector(".fjs-container input[id$='-" + componentId + "']");
    }

    @LocalServerPort
    int port;
    @Autowired
    ContestDriver driver;
    @Autowired
    ContestStore store;
    @Autowired
    TaskService tasks;

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        Files.createDirectories(SCREENSHOTS);
        browser = chromium.driver();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_judge_scores_a_group_of_three_in_tasklist() throws Exception {
        Campaign campaign = driver.openContest();
        ProcessInstance instance = driver.launch(campaign, null);
        driver.registerTeams(campaign, "网页队", 7);
        driver.until(instance, "screenTeam").forEach(driver::accept);
        // 7 teams: groups of 3 and 4; the group of three is scored in the browser
        Task task = driver.until(instance, "scoreMatch").stream()
                .filter(t -> store.entries(((Number) tasks.getVariable(t.getId(), "matchId")).longValue()).size() == 3)
                .findFirst().orElseThrow();
        long matchId = ((Number) tasks.getVariable(task.getId(), "matchId")).longValue();
        List<ContestStore.Entry> entries = store.entries(matchId);
        tasks.setAssignee(task.getId(), JUDGE);
        try {
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                    .sendKeys(JUDGE);
            browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
            browser.findElement(By.cssSelector("form button[type='submit']")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(.,'我的待办')]")))
                    .click();
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("ol.tasks-list li.task h4.task a[href='#/?task=" + task.getId() + "']"))).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(field("s1TheoryField")));
            String firstTeam = store.team(entries.get(0).teamId()).orElseThrow().name();
            wait.until(d -> d.findElement(field("s1NameField")).getDomProperty("value").startsWith(firstTeam));
            assertThat(browser.findElements(field("s3RolePlayField"))).isNotEmpty();
            assertThat(browser.findElements(field("s4TheoryField"))).as("slot 4 is hidden for a group of three")
                    .isEmpty();
            int[][] scores = {{80, 60, 90}, {95, 70, 88}, {60, 100, 70}};
            String[] stages = {"Theory", "Lookup", "RolePlay"};
            for (int slot = 1; slot <= 3; slot++) {
                for (int stage = 0; stage < 3; stage++) {
                    WebElement input = browser.findElement(field("s" + slot + stages[stage] + "Field"));
                    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                            input);
                    input.sendKeys(String.valueOf(scores[slot - 1][stage]));
                }
            }
            screenshot("scoring-filled");
            WebElement complete = browser.findElement(
                    By.cssSelector(".form-actions button.btn-primary[ng-click='complete()']"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
            wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
            wait.until(d -> {
                d.findElements(By.cssSelector(".alert-danger")).stream().filter(WebElement::isDisplayed)
                        .map(WebElement::getText).filter(t -> !t.replace("×", "").isBlank()).findFirst()
                        .ifPresent(t -> {
                            throw new AssertionError("Tasklist reports an error: " + t);
                        });
                return tasks.createTaskQuery().taskId(task.getId()).count() == 0;
            });
        } catch (Throwable failure) {
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource(), StandardCharsets.UTF_8);
            throw failure;
        }
        // 80·¼ + 60·¼ + 90·½ = 80; 95·¼ + 70·¼ + 88·½ = 85.25; 60·¼ + 100·¼ + 70·½ = 75
        assertThat(store.entries(matchId)).extracting(ContestStore.Entry::total).usingElementComparator(
                BigDecimal::compareTo).containsExactly(new BigDecimal("80"), new BigDecimal("85.25"),
                        new BigDecimal("75"));
        assertThat(store.match(matchId).status()).isEqualTo("SCORED");
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
