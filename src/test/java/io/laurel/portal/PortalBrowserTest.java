package io.laurel.portal;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.files.FileStore;
import io.laurel.nomination.Material;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.notice.Objection;
import io.laurel.notice.ObjectionRepository;
import io.laurel.onlinevote.OnlineVoteCounts;
import io.laurel.roster.Employee;
import io.laurel.support.HeadlessChromium;
import io.laurel.support.LaurelTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The public portal in a real browser (Debian's Chromium, headless): a customer recommends an employee and
 * confirms through the mailed link, and HR opens the resulting eligibility task in Tasklist; an employee
 * self-nominates with a PDF; a visitor votes with a mailed code and is refused a second vote the same day;
 * an objection on the notice page starts the investigation. Every page is photographed at 1280 and 375 px
 * ({@code target/screenshots/portal-*.png}) and checked for labelled fields and no sideways scrolling at
 * 375 px. Skipped when Chromium or chromedriver is missing ({@code .ci/run} installs both).
 */
@LaurelTest
class PortalBrowserTest {

    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    PortalFixture fixture;

    @Autowired
    TaskService tasks;

    @Autowired
    ObjectionRepository objections;

    @Autowired
    OnlineVoteCounts voteCounts;

    @Autowired
    FileStore files;

    @Autowired
    JdbcTemplate jdbc;

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=zh-CN");
        browser = chromium.driver();
        wait = chromium.waitUpTo(WAIT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void customer_recommends_confirms_by_mail_and_hr_sees_the_nomination_in_tasklist() throws Exception {
        PortalFixture.Launched launched = fixture.serviceStar();
        Campaign campaign = launched.campaign();
        Employee staff = fixture.driver.eligibleStaff(campaign.getId(), "售后服务部").get(0);
        String email = "wang.customer" + System.nanoTime() + "@customer.example.com";
        try {
            open("/campaigns/" + campaign.getId());
            assertThat(text(By.id("current-phase"))).isEqualTo("提名阶段");
            shoot("portal-campaign");
            browser.findElement(By.linkText("客户推荐")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customerName")));
            shoot("portal-recommend");

            type("customerName", "王先生");
            type("customerEmail", email);
            type("customerPhone", "13912345678");
            new Select(browser.findElement(By.id("department"))).selectByVisibleText(staff.getDepartment());
            type("employeeName", staff.getName());
            new Select(browser.findElement(By.id("awardCode"))).selectByVisibleText("年度服务之星");
            type("serviceCase", "2026年2月宽带故障,连夜上门排查并跟进三天直到恢复。");
            type("reason", "耐心专业,主动回访。");
            int before = fixture.received(email);
            browser.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "请查收确认邮件"));
            shoot("portal-recommend-sent");
            assertThat(fixture.nominations.findByCampaignIdOrderById(campaign.getId())).as("not before the link")
                    .isEmpty();

            String mailText = fixture.nextMail(email, before);
            assertThat(mailText).contains("请确认您的客户推荐").contains(staff.getName());
            browser.get(PortalFixture.link(mailText));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            shoot("portal-confirm");
            browser.findElement(By.id("confirm")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "推荐已确认"));
            shoot("portal-confirmed");
            // The link again: nothing to confirm any more. A mangled link: the error page.
            browser.get(PortalFixture.link(mailText));
            assertThat(browser.findElements(By.id("confirm"))).isEmpty();
            assertThat(browser.getPageSource()).contains("该推荐已确认提交");
            browser.get(PortalFixture.link(mailText) + "x");
            assertThat(text(By.id("error"))).startsWith("确认链接无效");
            shoot("portal-error");
        } catch (Throwable failure) {
            evidence("portal-failure-recommend");
            throw failure;
        }

        Nomination nomination = fixture.nominations.findByCampaignIdOrderById(campaign.getId()).get(0);
        assertThat(nomination.getChannel()).isEqualTo(NominationChannel.CUSTOMER);
        assertThat(nomination.getEmployeeId()).isEqualTo(staff.getId());
        assertThat(nomination.getNominator()).isEqualTo("王先生");
        assertThat(nomination.getNominatorContact()).isEqualTo(email + " / 13912345678");
        assertThat(nomination.getReason()).startsWith("服务案例:2026年2月宽带故障");
        assertThat(fixture.nextMail(email, fixture.received(email) - 1)).contains("客户推荐已提交")
                .contains("编号 " + nomination.getId());

        // The nomination deadline passes: the running instance picks the nomination up like an API one,
        // and HR finds its eligibility review in Tasklist.
        clockAt("2026-03-15T18:01");
        fixture.driver.runDueJobs(launched.instance());
        Task review = fixture.driver.tasks(launched.instance(), "reviewEligibility").get(0);
        assertThat(review.getName()).contains(staff.getName());
        try {
            open("/camunda/app/tasklist/");
            WebElement username = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
            username.sendKeys("zhangmin");
            browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
            browser.findElement(By.cssSelector("form button[type='submit']")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(.,'我的小组任务')]")));
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review.getId());
            wait.until(d -> d.findElement(By.cssSelector(".task-details")).getText().contains(review.getName()));
            // The Camunda Form shows the candidate with the customer as nominator (in a read-only field's value).
            wait.until(d -> (Boolean) browser.executeScript("return Array.from(document.querySelectorAll("
                    + "'.task-details textarea, .task-details input')).some(e => e.value.includes('王先生(CUSTOMER)'))"));
            screenshot("portal-tasklist-hr-1280");
        } catch (Throwable failure) {
            evidence("portal-failure-tasklist");
            throw failure;
        }
        fixture.runtime.deleteProcessInstance(launched.instance().getId(), "test finished");
    }

    @Test
    void employee_self_nominates_with_a_pdf() throws Exception {
        PortalFixture.Launched launched = fixture.serviceStar();
        Campaign campaign = launched.campaign();
        Employee me = fixture.driver.eligibleStaff(campaign.getId(), "客服中心").get(0);
        byte[] pdf = PortalFixture.pdf();
        Path upload = Files.createTempDirectory("laurel-upload-").resolve("客服中心-" + me.getName() + "-服务之星.pdf");
        Files.write(upload, pdf);
        try {
            open("/campaigns");
            shoot("portal-campaigns");
            open("/campaigns/" + campaign.getId() + "/nominate/peer");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nomineeNumber")));
            shoot("portal-peer-nomination");
            open("/campaigns/" + campaign.getId());
            browser.findElement(By.linkText("我要自荐")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code-employeeNumber")));
            shoot("portal-self-nomination");

            // Keyboard only for the first step: type, Tab to the button, Enter.
            WebElement number = browser.findElement(By.id("code-employeeNumber"));
            number.sendKeys(me.getEmployeeNumber());
            int before = fixture.received(me.getEmail());
            number.sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("send-code");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
            String code = PortalFixture.code(fixture.nextMail(me.getEmail(), before));

            assertThat(browser.findElement(By.id("employeeNumber")).getDomProperty("value"))
                    .isEqualTo(me.getEmployeeNumber());
            type("code", code);
            new Select(browser.findElement(By.id("awardCode"))).selectByVisibleText("年度服务之星");
            type("reason", "全年满意度 99%,带教新人 5 名,整理知识库 120 篇。");
            browser.findElement(By.id("material-main-document")).sendKeys(upload.toAbsolutePath().toString());
            shoot("portal-self-nomination-filled");
            browser.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "提名已提交"));
            shoot("portal-self-nomination-done");
        } catch (Throwable failure) {
            evidence("portal-failure-self");
            throw failure;
        } finally {
            FileSystemUtils.deleteRecursively(upload.getParent());
        }

        Nomination nomination = fixture.nominations.findByCampaignIdOrderById(campaign.getId()).get(0);
        assertThat(nomination.getChannel()).isEqualTo(NominationChannel.SELF);
        assertThat(nomination.getEmployeeId()).isEqualTo(me.getId());
        assertThat(nomination.getNominatorContact()).isEqualTo(me.getEmail());
        List<Material> stored = fixture.materials.findByNominationIdOrderById(nomination.getId());
        assertThat(stored).singleElement().satisfies(m -> {
            assertThat(m.getKind()).isEqualTo("main-document");
            assertThat(m.getOriginalFileName()).isEqualTo(upload.getFileName().toString());
            assertThat(m.getSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
            try (InputStream in = files.open(m.getStorageLocation())) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
        });
        assertThat(fixture.nextMail(me.getEmail(), fixture.received(me.getEmail()) - 1)).contains("提名已提交");
        fixture.runtime.deleteProcessInstance(launched.instance().getId(), "test finished");
    }

    @Test
    void visitor_votes_with_a_mailed_code_and_a_second_vote_the_same_day_is_refused() throws Exception {
        List<Nomination> entries = PortalFixture.list();
        Campaign campaign = fixture.essayInVoteWindow(entries);
        Nomination first = entries.get(0);
        String email = "fan" + System.nanoTime() + "@example.com";
        try {
            open("/campaigns/" + campaign.getId() + "/vote");
            assertThat(browser.findElements(By.cssSelector(".entry"))).hasSize(3);
            assertThat(browser.findElements(By.cssSelector(".entry img"))).hasSize(2)
                    .allSatisfy(img -> assertThat(((Number) browser.executeScript(
                            "return arguments[0].naturalWidth", img)).intValue()).isEqualTo(640));
            assertThat(browser.findElements(By.cssSelector(".count"))).as("no counts while the vote runs").isEmpty();
            shoot("portal-vote");

            type("email", email);
            int before = fixture.received(email);
            browser.findElement(By.id("send-code")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            type("code", PortalFixture.code(fixture.nextMail(email, before)));
            browser.findElement(By.id("verify-code")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verified")));

            voteFor(first);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"), "投票成功"));
            shoot("portal-vote-cast");
            voteFor(first);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "您今天已为「林晓雨」投过票"));
            shoot("portal-vote-refused");
            voteFor(entries.get(1));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"), "投票成功"));

            // The window closes: the counts are public, most votes first.
            clockAt("2026-10-27T00:00");
            open("/campaigns/" + campaign.getId() + "/vote");
            assertThat(browser.findElements(By.cssSelector(".count"))).hasSize(3);
            assertThat(text(By.cssSelector("#entry-" + first.getId() + " .count"))).isEqualTo("第 1 名 · 1 票");
            assertThat(text(By.cssSelector("#entry-" + entries.get(1).getId() + " .count"))).isEqualTo("第 1 名 · 1 票");
            assertThat(text(By.cssSelector("#entry-" + entries.get(2).getId() + " .count"))).isEqualTo("第 3 名 · 0 票");
            shoot("portal-vote-results");
        } catch (Throwable failure) {
            evidence("portal-failure-vote");
            throw failure;
        }
        assertThat(jdbc.queryForObject("select count(*) from portal_vote where campaign_id = ? and nomination_id = ?",
                Integer.class, campaign.getId(), first.getId())).isEqualTo(1);
        assertThat(voteCounts.bySource(campaign.getId(), OnlineVoteCounts.PORTAL))
                .isEqualTo(Map.of(first.getId(), 1L, entries.get(1).getId(), 1L));
    }

    @Test
    void an_objection_on_the_notice_page_starts_the_investigation_and_the_final_results_follow() throws Exception {
        PortalFixture.Launched launched = fixture.serviceStar();
        Campaign campaign = launched.campaign();
        List<Nomination> all = fixture.driveToTheNotice(launched);
        Nomination winner = all.stream().filter(n -> n.getStatus().name().equals("WINNER")).findFirst().orElseThrow();
        Employee winnerEmployee = fixture.driver.eligibleStaff(campaign.getId(), "售后服务部").stream()
                .filter(e -> e.getId().equals(winner.getEmployeeId())).findFirst().orElseThrow();
        try {
            open("/campaigns/" + campaign.getId() + "/notice");
            assertThat(text(By.tagName("h1"))).isEqualTo("获奖名单公示");
            assertThat(text(By.id("winners"))).contains("年度服务之星").contains(winner.getCandidateName())
                    .contains(winnerEmployee.getDepartment());
            shoot("portal-notice");
            new Select(browser.findElement(By.id("nominationId"))).selectByValue(winner.getId().toString());
            type("objectorName", "赵某");
            type("objectorContact", "zhao@example.com");
            type("reason", "该员工提交的服务案例与实际不符。");
            browser.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "异议已受理"));
            assertThat(browser.getPageSource()).doesNotContain("zhao@example.com");
            shoot("portal-objection-received");
        } catch (Throwable failure) {
            evidence("portal-failure-notice");
            throw failure;
        }
        List<Task> investigations = fixture.driver.tasks(launched.instance(), "investigateObjection");
        assertThat(investigations).hasSize(1);
        Objection objection = objections.findAll().stream().filter(o -> o.getCampaignId().equals(campaign.getId()))
                .findFirst().orElseThrow();
        assertThat(objection.getNominationId()).isEqualTo(winner.getId());
        assertThat(objection.getObjectorContact()).isEqualTo("zhao@example.com");
        assertThat(tasks.getIdentityLinksForTask(investigations.get(0).getId()))
                .extracting(l -> l.getGroupId() != null ? "group:" + l.getGroupId() : "user:" + l.getUserId())
                .containsExactlyInAnyOrder("group:hr", "user:huangjianguo");

        fixture.driver.complete(investigations.get(0), vars("objectionUpheld", false, "decisionReason", "经核实案例属实"));
        fixture.driver.runDueJobs(launched.instance());
        clockAt("2026-05-12T00:00");
        fixture.driver.runDueJobs(launched.instance());
        try {
            open("/campaigns/" + campaign.getId() + "/notice");
            assertThat(text(By.tagName("h1"))).isEqualTo("评选结果");
            assertThat(browser.findElements(By.id("objectorName"))).isEmpty();
            assertThat(text(By.id("winners"))).contains(winner.getCandidateName());
            shoot("portal-results");
        } catch (Throwable failure) {
            evidence("portal-failure-results");
            throw failure;
        }
        fixture.runtime.deleteProcessInstance(launched.instance().getId(), "test finished");
    }

    // ------------------------------------------------------------------------------ helpers

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private String text(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText().strip();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void voteFor(Nomination entry) {
        WebElement button = browser.findElement(By.cssSelector("#entry-" + entry.getId() + " form button"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        wait.until(d -> isStale(button));
    }

    /**
     * The page has been replaced. Selenium's stalenessOf expects a StaleElementReferenceException; Chromium
     * 156.0.8078.108 may answer for an element of the old page with "Node with given id does not belong to the
     * document" instead, which means the same.
     */
    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * The page at 1280 and at 375 px (a phone), whole length. At 375 px nothing may scroll sideways, and on
     * every page each visible form field must have a label.
     */
    private void shoot(String name) throws IOException {
        List<?> unlabelled = (List<?>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(e => !(e.labels && e.labels.length)"
                + " && !e.getAttribute('aria-label')).map(e => e.name || e.id)");
        assertThat(unlabelled).as("form fields without a label on " + name).isEmpty();
        for (int width : new int[] {1280, 375}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
            if (width < 600) {
                long scrollWidth = ((Number) browser.executeScript(
                        "return document.documentElement.scrollWidth")).longValue();
                assertThat(scrollWidth).as(name + " scrolls sideways at 375 px").isLessThanOrEqualTo(width);
            }
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                    "height", (int) Math.min(Math.max(height, 600), 4000), "deviceScaleFactor", 1, "mobile", width < 600));
            screenshot(name + "-" + width);
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private void evidence(String name) {
        try {
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            // Keep the original failure.
        }
    }
}
