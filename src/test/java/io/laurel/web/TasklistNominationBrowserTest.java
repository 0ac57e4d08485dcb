package io.laurel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.roster.Employee;
import io.laurel.selection.SelectionFixture;
import io.laurel.support.HeadlessChromium;
import io.laurel.support.LaurelTest;
import java.io.IOException;
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
 * A department head nominates a colleague in a real browser: Debian's Chromium, headless, logs into
 * Camunda Tasklist, opens the 部门推荐提名 task from 我的待办, leaves a comment, fills the Camunda Form
 * (form-js: only the head's own department is offered) and completes it. The nomination must then exist in
 * Laurel's database. Skipped when Chromium or chromedriver is not installed ({@code .ci/run} installs
 * both). Screenshots (and the DOM on failure) go to {@code target/screenshots/}.
 */
@LaurelTest
class TasklistNominationBrowserTest {

    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    static final Duration WAIT = Duration.ofSeconds(20);

    static final String HEAD = "wanglei";
    static final String DEPARTMENT = "客服中心";
    static final String OTHER_DEPARTMENT = "售后服务部";
    static final String AWARD_NAME = "年度服务之星";
    static final String AWARD_CODE = "service-star";
    static final String REASON = "连续三个季度满意度全部门第一,带教新人 5 名";
    static final String COMMENT = "推荐材料下周一前通过 API 补齐";

    /** form-js prefixes every field id with a per-render form id; the component id is the stable tail. */
    static final By NOMINEE_1 = By.cssSelector(".fjs-container input[id$='-nomination-department-nominee1-3']");
    static final By AWARD_1 = By.cssSelector(".fjs-container input[id$='-nomination-department-award1-4']");
    static final By REASON_1 = By.cssSelector(".fjs-container textarea[id$='-nomination-department-reason1-5']");
    static final By DEPARTMENT_FIELD = By.cssSelector(
            ".fjs-container input[id$='-nomination-department-department-1']");
    static final By DROPDOWN_ITEMS = By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item");
    static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary[ng-click='complete()']");

    @LocalServerPort
    int port;

    @Autowired
    SelectionFixture selection;

    @Autowired
    NominationRepository nominations;

    @Autowired
    TaskService taskService;

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = chromium.waitUpTo(WAIT);
    }

    @AfterEach
    void closeBrowserAndResetClock() throws IOException {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void department_head_nominates_a_colleague_in_tasklist() throws Exception {
        Campaign campaign = selection.campaignWithRoster();
        ProcessInstance instance = selection.launch(campaign);
        // The same head may have nomination tasks of other campaigns; this campaign's task is the one to open.
        Task task = selection.tasks(instance, "nominateTask").stream()
                .filter(t -> HEAD.equals(t.getAssignee())).findFirst().orElseThrow();
        List<Employee> ownStaff = selection.staff(campaign, DEPARTMENT);
        List<Employee> otherStaff = selection.staff(campaign, OTHER_DEPARTMENT);
        Employee nominee = selection.eligibleStaff(campaign, DEPARTMENT).get(0);
        assertThat(ownStaff).isNotEmpty();
        assertThat(otherStaff).isNotEmpty();

        try {
            logIn();
            By taskLink = By.cssSelector("ol.tasks-list li.task h4.task a[href='#/?task=" + task.getId() + "']");
            openTask(taskLink);

            // A comment for HR through Tasklist's "Add Comment"; the History tab shows it.
            comment(COMMENT);
            showTab("History");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[contains(@class,'history-pane')]"
                    + "//div[contains(@class,'event-body')]/div[normalize-space(.)='" + COMMENT + "']")));
            showTab("Form");
            waitForForm();

            // The department's staff, each as "工号 姓名(岗位组)", and nobody from another department.
            assertThat(browser.findElement(DEPARTMENT_FIELD).getDomProperty("value")).isEqualTo(DEPARTMENT);

            // Camunda Forms' own words come in Chinese (tasklist/scripts/laurel-forms-zh.js): the select's
            // placeholder, and the messages under the required fields when the form is sent empty.
            wait.until(d -> "输入以搜索".equals(d.findElement(NOMINEE_1).getDomProperty("placeholder")));
            click(wait.until(ExpectedConditions.elementToBeClickable(COMPLETE)));
            wait.until(d -> d.findElement(By.cssSelector(".fjs-container")).getText().contains("此项为必填。"));
            assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
                    .doesNotContain("Field is required");
            assertThat(browser.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText)).hasSize(3).containsOnly("此项为必填。");
            screenshot("01b-required-fields-zh");
            // Tasklist's own red notice about the refused submit: closed, so that only a new error shows later.
            browser.findElements(By.cssSelector(".alert-danger .close, .alert-danger button")).stream()
                    .filter(WebElement::isDisplayed).forEach(this::click);
            wait.until(d -> d.findElements(By.cssSelector(".alert-danger")).stream().noneMatch(WebElement::isDisplayed));
            List<String> offered = openDropdown(NOMINEE_1);
            assertThat(offered).containsExactlyElementsOf(ownStaff.stream()
                    .map(e -> e.getEmployeeNumber() + " " + e.getName() + "(" + e.getPositionGroup() + ")").toList());
            assertThat(offered).noneMatch(label -> otherStaff.stream()
                    .anyMatch(e -> label.startsWith(e.getEmployeeNumber() + " ")));

            // Search by 工号 (names repeat across departments) and pick the one match.
            browser.findElement(NOMINEE_1).sendKeys(nominee.getEmployeeNumber());
            pick(nominee.getEmployeeNumber() + " " + nominee.getName());
            wait.until(d -> d.findElement(NOMINEE_1).getDomProperty("value").startsWith(nominee.getEmployeeNumber()));

            assertThat(openDropdown(AWARD_1)).contains(AWARD_NAME);
            pick(AWARD_NAME);
            wait.until(d -> AWARD_NAME.equals(d.findElement(AWARD_1).getDomProperty("value")));

            browser.findElement(REASON_1).sendKeys(REASON);
            screenshot("02-form-filled");
            // The optional 优秀服务团队 section: team name, members picked from the same staff list, story.
            WebElement teamName = browser.findElement(By.cssSelector(
                    ".fjs-container input[id$='nomination-department-teamName']"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", teamName);
            assertThat(browser.findElements(By.cssSelector(".fjs-container .fjs-taglist"))).hasSize(1);
            assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("优秀服务团队(可选)",
                    "团队成员", "团队服务事迹陈述(800字以内)");
            screenshot("02b-team-section");

            click(wait.until(ExpectedConditions.elementToBeClickable(COMPLETE)));

            // On success Tasklist closes the task ("Select a task in the list.") and reloads 我的待办 without it;
            // on failure the form stays open under a red alert. The engine must have no such task any more.
            wait.until(d -> {
                failOnErrorNotification(d);
                return d.findElements(By.cssSelector(".no-task")).stream().anyMatch(WebElement::isDisplayed)
                        && d.findElements(taskLink).isEmpty();
            });
            screenshot("03-completed");
        } catch (Throwable failure) {
            evidence("failure");
            throw failure;
        }

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(taskService.getTaskComments(task.getId())).singleElement().satisfies(c -> {
            assertThat(c.getUserId()).isEqualTo(HEAD);
            assertThat(c.getFullMessage()).isEqualTo(COMMENT);
        });
        List<Nomination> recorded = nominations.findByCampaignIdOrderById(campaign.getId());
        assertThat(recorded).singleElement().satisfies(n -> {
            assertThat(n.getChannel()).isEqualTo(NominationChannel.DEPARTMENT);
            assertThat(n.getEmployeeId()).isEqualTo(nominee.getId());
            assertThat(n.getCandidateName()).isEqualTo(nominee.getName());
            assertThat(n.getAwardCode()).isEqualTo(AWARD_CODE);
            assertThat(n.getReason()).isEqualTo(REASON);
            assertThat(n.getNominator()).isEqualTo("王磊(" + DEPARTMENT + "主管)");
        });
    }

    /** Through Tasklist's own login form, as the head would. */
    private void logIn() throws IOException {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        WebElement username = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        screenshot("01-login");
        username.sendKeys(HEAD);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
    }

    /** Selects the filter 我的待办, finds the task in its list and opens the task's Camunda Form. */
    private void openTask(By taskLink) {
        WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(.,'我的待办')]")));
        filter.click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(taskLink));
        assertThat(link.getText()).isEqualTo("部门推荐提名 - " + DEPARTMENT);
        link.click();
        waitForForm();
    }

    /** form-js has rendered the deployed form and the task's variables when the department shows. */
    private void waitForForm() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(NOMINEE_1));
        wait.until(d -> DEPARTMENT.equals(d.findElement(DEPARTMENT_FIELD).getDomProperty("value")));
    }

    private void comment(String message) {
        click(browser.findElement(By.partialLinkText("Add Comment")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form-message"))).sendKeys(message);
        browser.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
        // Tasklist keeps the dialog open and shows "Comment could not be saved" when the engine refuses.
        wait.until(d -> {
            failOnErrorNotification(d);
            return d.findElements(By.cssSelector(".modal-dialog")).isEmpty();
        });
    }

    private void showTab(String name) {
        click(browser.findElement(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + name + "']")));
    }

    private static void failOnErrorNotification(WebDriver driver) {
        driver.findElements(By.cssSelector(".alert-danger")).stream().filter(WebElement::isDisplayed)
                .map(alert -> alert.getText().replace("×", "").strip()).filter(t -> !t.isBlank())
                .findFirst().ifPresent(t -> {
                    throw new AssertionError("Tasklist reports an error: " + t);
                });
    }

    /** Opens a searchable select and answers the labels it offers (all of them, also those scrolled away). */
    private List<String> openDropdown(By select) {
        browser.findElement(select).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(DROPDOWN_ITEMS));
        return browser.findElements(DROPDOWN_ITEMS).stream()
                .map(item -> item.getDomProperty("textContent").trim()).toList();
    }

    /** Clicks the one offered item whose label starts with the given text. */
    private void pick(String labelStart) {
        WebElement item = wait.until(d -> d.findElements(DROPDOWN_ITEMS).stream()
                .filter(i -> i.getDomProperty("textContent").trim().startsWith(labelStart))
                .findFirst().orElse(null));
        click(item);
        wait.until(ExpectedConditions.numberOfElementsToBe(DROPDOWN_ITEMS, 0));
    }

    /** Scrolls the element to the middle first: Tasklist's fixed footer covers the bottom of the form. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** What the browser showed when the test failed: a screenshot and the DOM. */
    private void evidence(String name) {
        try {
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            // Keep the original failure.
        }
    }
}
