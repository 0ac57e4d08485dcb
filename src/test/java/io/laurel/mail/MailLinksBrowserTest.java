package io.laurel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.laurel.campaign.Campaign;
import io.laurel.support.HeadlessChromium;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.laurel.selection.SelectionDriver;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Mails that ask someone to act carry a link to the exact place, and the link works: each is read from the real
 * mailbox (GreenMail), opened in headless Chromium and, after the login the page asks for, lands on the task or
 * page the mail is about. Screenshots in target/screenshots/mail-link-*.png.
 */
@LaurelTest
class MailLinksBrowserTest {

    private static final Pattern ACTION = Pattern.compile("<a href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    SelectionDriver driver;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    IdentityService identity;

    @Autowired
    MailService mail;

    @Autowired
    TransactionTemplate tx;

    HeadlessChromium chromium;

    @AfterEach
    void reset() throws IOException {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void reminder_opens_the_heads_own_task_and_the_winners_mail_opens_the_public_notice() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        Task task = driver.tasks(instance, "nominateTask").stream().filter(t -> t.getAssignee().equals("liuyang"))
                .findFirst().orElseThrow();
        String headEmail = identity.createUserQuery().userId("liuyang").singleResult().getEmail();

        // Three days before the nomination deadline (2026-03-15 18:00) the heads who have not nominated are reminded.
        SelectionDriver.clockAt("2026-03-13T10:00");
        driver.runDueJobs(instance);
        String reminder = mailTo(headEmail, "【" + campaign.getName() + "】提醒:提名阶段");
        String taskLink = actionLink(reminder);
        assertThat(taskLink).isEqualTo("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        assertThat(reminder).contains("刘", "，您好：").contains("此邮件由 Laurel 评优系统自动发送");

        chromium = HeadlessChromium.start("--lang=zh-CN");
        ChromeDriver browser = chromium.driver();
        WebDriverWait wait = chromium.waitUpTo(Duration.ofSeconds(30));

        // Tasklist asks for a login first and then shows the task of the link.
        browser.get(taskLink);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("liuyang");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        try {
            // The task's form (form-js) opens in the detail pane: the link selected the task, not just the list.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "部门推荐提名"));
        } finally {
            screenshot(browser, "mail-link-tasklist-task");
        }
        assertThat(browser.getCurrentUrl()).contains("task=" + task.getId());

        // Later in the campaign: the public notice goes up and its mail links to the portal's notice page.
        driver.driveToTheNotice(campaign, instance);
        String hrEmail = identity.createUserQuery().userId("zhangmin").singleResult().getEmail();
        String published = mailTo(hrEmail, "【" + campaign.getName() + "】获奖名单已发布公示");
        String noticeLink = actionLink(published);
        assertThat(noticeLink).isEqualTo("http://localhost:" + port + "/campaigns/" + campaign.getId() + "/notice");

        browser.get(noticeLink);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "获奖名单公示"));
        assertThat(browser.getPageSource()).contains(campaign.getName());
        screenshot(browser, "mail-link-portal-notice");
    }

    @Test
    void escalation_to_staff_links_to_the_campaign_in_the_staff_console() throws Exception {
        String to = "hr.links" + System.nanoTime() + "@staff.laurel.local";
        tx.executeWithoutResult(s -> mail.queue(to, "review-late-members", Map.of("campaignName", "链接测试",
                "campaignId", 42L, "scoresIn", 3, "scoresAssigned", 9, "late", List.of("张三：2 项评审"))));
        String link = actionLink(mailTo(to, "【链接测试】复评截止:逾期评委名单"));
        assertThat(link).isEqualTo("http://localhost:" + port + "/staff/campaigns/42");

        // The console (/staff) is built separately; follow the link once it is there.
        int status = Http.to(port).get("/staff/campaigns/42").status();
        assumeTrue(status != 404, "no staff console at /staff yet");
        chromium = HeadlessChromium.start("--lang=zh-CN");
        chromium.driver().get(link);
        assertThat(chromium.driver().getCurrentUrl()).contains("/staff");
        screenshot(chromium.driver(), "mail-link-staff-console");
    }

    private String mailTo(String address, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        List<String> seen = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            seen.clear();
            for (MimeMessage message : mailServer.greenMail().getReceivedMessagesForDomain(address)) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address))) {
                    seen.add(message.getSubject());
                    if (message.getSubject().startsWith(subject)) {
                        return (String) message.getContent();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail '" + subject + "' to " + address + "; got " + seen);
    }

    private static String actionLink(String html) {
        Matcher m = ACTION.matcher(html);
        assertThat(m.find()).as("an action link in %s", html).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        Files.write(HeadlessChromium.SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
