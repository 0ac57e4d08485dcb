package io.laurel.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.mail.EmbeddedMailServer;
import io.laurel.roster.DemoRosterGenerator;
import io.laurel.roster.RosterCsv;
import io.laurel.support.HeadlessChromium;
import io.laurel.support.LaurelTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff console in a real browser, as the people it is for use it: an admin invites an HR officer, who sets a
 * password through the mailed link, creates a company campaign from the preset (previewing its dates), uploads a
 * bad organisation file (per-row Chinese reasons, nothing stored), the roster and a good organisation file (a new
 * head is created and invited), launches, sees the dashboard, ends the nomination phase early with a reason
 * (recorded in the history) and downloads the exports. Then: one login for the console and Tasklist both ways,
 * and a department head gets the 403 page. Pages are photographed at 1280 and 375 px
 * ({@code target/screenshots/console-*.png}) and checked for labelled fields and no sideways scrolling.
 */
@LaurelTest
class ConsoleBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Charset GBK = Charset.forName("GBK");

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<EmbeddedMailServer> mail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    DemoRosterGenerator rosterGenerator;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Autowired
    org.camunda.bpm.engine.FormService forms;

    String materialUrl;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;
    Path files;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=zh-CN");
        browser = chromium.driver();
        wait = chromium.waitUpTo(WAIT);
        files = Files.createTempDirectory("console-upload-");
    }

    @AfterEach
    void closeBrowser() throws IOException {
        // The context is shared: people this test invited leave their groups (hr, department-heads) again, so the
        // group mails of other tests' campaigns (e.g. HR's reminders) reach the demo users only.
        identity.createUserQuery().list().stream()
                .filter(u -> u.getEmail() != null && u.getEmail().endsWith("@corp.example.com"))
                .forEach(u -> identity.deleteUser(u.getId()));
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void hr_sets_up_launches_and_steers_a_campaign_without_the_api() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String hr = "hr.wang" + suffix;
        String hrMail = hr + "@corp.example.com";

        // A stranger gets the login page.
        open("/staff");
        wait.until(ExpectedConditions.urlContains("/staff/login"));
        shoot("console-login");

        // The admin invites HR; HR sets a password through the one-time link and logs in.
        login("demo", "demo");
        open("/staff/users");
        type("userId", hr);
        type("name", "王芳");
        type("email", hrMail);
        new Select(browser.findElement(By.id("group"))).selectByValue("hr");
        shoot("console-users");
        browser.findElement(By.id("invite")).click();
        assertThat(text(By.id("info"))).contains("邀请邮件已发送");
        logout();
        String link = invitationLink(hrMail);
        browser.get(link);
        assertThat(text(By.id("invited-user"))).isEqualTo(hr);
        type("password", "Sehr-geheim-2026");
        type("repeated", "Sehr-geheim-2026");
        shoot("console-invitation");
        browser.findElement(By.id("set-password")).click();
        assertThat(text(By.id("info"))).contains("密码已设置");
        browser.get(link);
        assertThat(text(By.id("error"))).as("a used link").contains("已使用");
        login(hr, "Sehr-geheim-2026");
        assertThat(text(By.id("current-user"))).as("greeted by name, not by account").isEqualTo("王芳");

        // Create the campaign from the preset, previewing the shifted dates first.
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(30);
        new Select(browser.findElement(By.id("preset"))).selectByValue("service-star-2025");
        setDate("startsOn", start);
        browser.findElement(By.id("preview-button")).click();
        String preview = text(By.id("preview"));
        assertThat(preview).contains("平移").contains(start.toString());
        shoot("console-home");
        browser.findElement(By.id("create-button")).click();
        wait.until(ExpectedConditions.urlMatches("/staff/campaigns/\\d+"));
        long campaignId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/staff/campaigns/(\\d+).*", "$1"));
        assertThat(text(By.id("launch-problems"))).contains("尚未导入花名册");

        // A bad organisation file, GBK as Excel on Chinese Windows writes it: each bad row named, nothing stored.
        Path bad = files.resolve("组织机构-错误.csv");
        Files.write(bad, String.join("\r\n",
                "类别,用户名,姓名,邮箱,联系电话,部门,委员角色,评审组,单位",
                "部门主管,wanglei,,,,客服中心,,,",
                "部门主管,nobody" + suffix + ",,,,售后服务部,,,",
                "部门主管,liuyang,,,,,,,",
                "部门主管,zhaoqiang,,,,客服中心,,,",
                "评选委员,linfeng,,,,,董事长,,",
                "评选委员,heyun,何云,,,,高管,,").getBytes(GBK));
        upload("organisation-file", bad, "organisation-upload");
        String report = text(By.id("upload-report"));
        assertThat(report).contains("整个文件未导入")
                .contains("用户「nobody" + suffix + "」不存在")
                .contains("部门主管必须填写所负责的部门")
                .contains("部门「客服中心」重复")
                .contains("委员角色「董事长」不是评选委员会的角色");
        assertThat(browser.findElements(By.cssSelector("#report-rows tbody tr"))).hasSize(4);
        shoot("console-organisation-errors");
        assertThat(jdbc.queryForObject("select count(*) from org_department_head where campaign_id = ?", Long.class,
                campaignId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from org_committee_member where campaign_id = ?", Long.class,
                campaignId)).isZero();
        // Without its own lists the campaign would launch with the installation's (the demo heads and committee
        // group): the pages say so instead of showing empty lists.
        assertThat(text(By.id("org-installation"))).contains("部门主管和评选委员为系统默认名单");
        open("/staff/campaigns/" + campaignId + "/organisation");
        assertThat(text(By.id("installation-HEAD"))).contains("系统默认名单");
        assertThat(text(By.id("list-HEAD"))).contains("wanglei").contains("客服中心").contains("系统默认");
        assertThat(browser.findElements(By.cssSelector("#list-COMMITTEE button"))).as("nothing to edit there").isEmpty();
        open("/staff/campaigns/" + campaignId);

        // The roster, then the good organisation file (a new head for 国际业务部 is created and invited).
        Path roster = files.resolve("花名册.csv");
        Files.writeString(roster, RosterCsv.toCsv(rosterGenerator.generate(campaignId, start)), StandardCharsets.UTF_8);
        upload("roster-file", roster, "roster-upload");
        assertThat(text(By.id("upload-report"))).contains("新增");
        String newHead = "intl.zhou" + suffix;
        Path good = files.resolve("组织机构.csv");
        List<String> lines = new ArrayList<>(List.of("类别,用户名,姓名,邮箱,联系电话,部门,委员角色,评审组,单位",
                "部门主管,wanglei,,,,客服中心,,,", "部门主管,liuyang,,,,售后服务部,,,", "部门主管,zhaoqiang,,,,技术支持部,,,",
                "部门主管,sunli,,,,销售顾问部,,,", "部门主管,zhoujie,,,,前台接待部,,,",
                "部门主管," + newHead + ",周海,zhouhai" + suffix + "@corp.example.com,,国际业务部,,,"));
        for (String[] m : new String[][] {{"huangjianguo", "高管"}, {"linfeng", "高管"}, {"heyun", "高管"},
                {"wanglei", "部门主管"}, {"liuyang", "部门主管"}, {"zhaoqiang", "部门主管"}, {"sunli", "部门主管"},
                {"zhoujie", "部门主管"}, {"liqing", "人力资源部代表"}, {"guoyan", "人力资源部代表"},
                {"zhangming", "往届获奖者"}, {"lihong", "往届获奖者"}, {"majun", "客户代表"}, {"xuli", "客户代表"},
                {"tangning", "客户代表"}}) {
            lines.add("评选委员," + m[0] + ",,,,," + m[1] + ",,");
        }
        Files.write(good, String.join("\r\n", lines).getBytes(GBK));
        upload("organisation-file", good, "organisation-upload");
        assertThat(text(By.id("upload-report"))).contains("全部导入").contains(newHead);
        assertThat(invitationLink("zhouhai" + suffix + "@corp.example.com")).contains("/staff/invitation?token=");
        assertThat(jdbc.queryForObject("select count(*) from org_department_head where campaign_id = ?", Long.class,
                campaignId)).isEqualTo(6);
        assertThat(text(By.id("org-summary"))).contains("部门主管 6 人").contains("评选委员 15 人");
        open("/staff/campaigns/" + campaignId + "/organisation");
        assertThat(text(By.id("list-COMMITTEE"))).contains("高管").contains("客户代表");
        // The chair, who investigates objections with HR, is chosen per campaign.
        browser.findElement(By.id("chair-heyun")).click();
        assertThat(text(By.id("info"))).contains("已设 heyun 为评选委员会主任");
        assertThat(text(By.id("list-COMMITTEE"))).contains("高管 · 委员会主任");
        assertThat(browser.findElements(By.id("chair-heyun"))).isEmpty();
        shoot("console-organisation");

        // Launch: every head, the new one too, gets a nomination task.
        open("/staff/campaigns/" + campaignId);
        assertThat(browser.findElements(By.id("launch-problems"))).isEmpty();
        browser.findElement(By.id("launch-button")).click();
        assertThat(text(By.id("info"))).contains("活动已启动");
        assertThat(text(By.id("status"))).isEqualTo("进行中");
        assertThat(chairOfTheProcess(campaignId)).as("the campaign's chair, not the demo setting").isEqualTo("heyun");
        // Chosen again after launch: the running process follows (objections raised from now on go to linfeng).
        open("/staff/campaigns/" + campaignId + "/organisation");
        browser.findElement(By.id("chair-linfeng")).click();
        assertThat(text(By.id("info"))).contains("已设 linfeng 为评选委员会主任");
        assertThat(chairOfTheProcess(campaignId)).isEqualTo("linfeng");
        open("/staff/campaigns/" + campaignId);
        // Where the lifecycle waits, beside the calendar's phase (ending phases early moves it ahead of the dates).
        assertThat(text(By.id("process-steps"))).contains("部门推荐提名");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(campaignId))
                .taskDefinitionKey("nominateTask").list()).extracting(t -> t.getAssignee())
                .containsExactlyInAnyOrder("wanglei", "liuyang", "zhaoqiang", "sunli", "zhoujie", newHead);

        // The head of 客服中心 nominates two of their staff in Tasklist (done here through the engine: Tasklist's
        // nomination form has its own browser test) and attaches a PDF to one of them in the console.
        List<String> staff = jdbc.queryForList("select employee_number from employee where campaign_id = ? "
                + "and department = '客服中心' order by employee_number", String.class, campaignId);
        var nominate = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(campaignId))
                .taskDefinitionKey("nominateTask").taskAssignee("wanglei").singleResult();
        forms.submitTaskForm(nominate.getId(), Map.of("nominee1", staff.get(0), "award1", "service-star",
                "reason1", "全年零投诉,客户表扬信 12 封", "nominee2", staff.get(1), "award2", "innovation",
                "reason2", "牵头上线智能知识库"));
        logout();
        login("wanglei", "demo");
        open("/staff/nominations");
        long nominationId = jdbc.queryForObject("select min(id) from nomination where campaign_id = ?", Long.class,
                campaignId);
        Path pdf = files.resolve("客服中心-推荐材料.pdf");
        Files.write(pdf, pdf());
        new Select(browser.findElement(By.id("kind-" + nominationId))).selectByIndex(0);
        browser.findElement(By.id("file-" + nominationId)).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("upload-" + nominationId)).click();
        assertThat(text(By.id("info"))).contains("已为").contains("客服中心-推荐材料.pdf");
        Path fake = files.resolve("伪装.pdf");
        Files.writeString(fake, "this is not a PDF");
        browser.findElement(By.id("file-" + nominationId)).sendKeys(fake.toAbsolutePath().toString());
        browser.findElement(By.id("upload-" + nominationId)).click();
        assertThat(text(By.id("error"))).contains("伪装.pdf").contains("不是 PDF");
        shoot("console-nominees");
        logout();
        login(hr, "Sehr-geheim-2026");
        open("/staff/campaigns/" + campaignId);
        wait.until(d -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-charts-ready")));
        assertThat(browser.findElements(By.cssSelector("[data-chart='byAward'] canvas"))).isNotEmpty();
        assertThat(text(By.id("status-table"))).contains("待审核");
        shoot("console-dashboard");

        // End the nomination phase early: the dialog asks for a reason, the history says who, when and why.
        int row = timerRow("提名截止");
        browser.findElement(By.id("end-button-" + row)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("end-reason-" + row)));
        shoot("console-end-phase-dialog");
        browser.findElement(By.id("end-reason-" + row)).sendKeys("各部门均已提交,提前进入资格审核");
        browser.findElement(By.id("end-confirm-" + row)).click();
        assertThat(text(By.id("info"))).contains("提名截止").contains("已提前结束");
        assertThat(text(By.id("history"))).contains(hr).contains("提前结束").contains("各部门均已提交,提前进入资格审核");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(campaignId))
                .taskDefinitionKey("nominateTask").count()).isZero();
        assertThat(jdbc.queryForObject("select actor from operator_action where campaign_id = ?", String.class,
                campaignId)).isEqualTo(hr);

        // HR's eligibility review shows the PDF as a link that opens for HR (a candidate of the task).
        runJobs(campaignId);
        var review = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(campaignId))
                .taskDefinitionKey("reviewEligibility").list().stream()
                .filter(t -> Long.valueOf(nominationId).equals(((Number) tasks.getVariable(t.getId(), "nominationId"))
                        .longValue())).findFirst().orElseThrow();
        String links = (String) tasks.getVariable(review.getId(), "materialLinks");
        Matcher materialHref = Pattern.compile("\\((/staff/tasks/[^)]+)\\)").matcher(links);
        assertThat(materialHref.find()).as(links).isTrue();
        materialUrl = materialHref.group(1);
        assertThat(fetch(materialUrl)).startsWith("200 application/pdf");
        open("/staff/campaigns/" + campaignId);

        // Exports download in the console's session; the prize list is refused (409) before any re-review score exists.
        String summary = fetch(browser.findElement(By.id("export-summary")).getAttribute("href"));
        assertThat(summary).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml");
        assertThat(Long.parseLong(summary.substring(summary.lastIndexOf(' ') + 1))).isGreaterThan(1000);
        assertThat(fetch(browser.findElement(By.id("export-results")).getAttribute("href"))).startsWith("409 ");

        // One login: the console's session is also Tasklist's.
        String camundaUser = (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/camunda/api/admin/auth/user/default').then(r => r.text()).then(done);");
        assertThat(camundaUser).contains("\"userId\":\"" + hr + "\"");
        logout();

        // And a Tasklist login is the console's: a department head logs in there and gets the 403 page here.
        open("/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("wanglei");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        assertThat(fetch(materialUrl)).as("a head opening HR's task material").startsWith("403");
        open("/staff");
        assertThat(text(By.tagName("h1"))).isEqualTo("无权访问");
        shoot("console-forbidden");
    }

    /** Status, content type and length of a GET in the browser's session. */
    private String fetch(String url) {
        return (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                + " + r.headers.get('content-type') + ' ' + b.byteLength)));", url);
    }

    /** Runs the campaign's due jobs as the job executor would (it is off in tests). */
    private void runJobs(long campaignId) {
        for (int round = 0; round < 100; round++) {
            var due = management.createJobQuery().executable().list().stream()
                    .filter(j -> j.getProcessInstanceId() != null && Long.toString(campaignId).equals(runtime
                            .createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId()).singleResult()
                            .getBusinessKey())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
    }

    static byte[] pdf() throws IOException {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void login(String user, String password) {
        if (!browser.getCurrentUrl().contains("/staff/login")) {
            open("/staff/login");
        }
        type("username", user);
        type("password", password);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/staff/login")));
    }

    private void logout() {
        open("/staff");
        browser.findElement(By.cssSelector("header nav form button")).click();
        wait.until(ExpectedConditions.urlContains("/staff/login"));
    }

    private void type(String id, String value) {
        var field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
    }

    private void setDate(String id, LocalDate date) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }

    private void upload(String input, Path file, String button) {
        browser.findElement(By.id(input)).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id(button)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-report")));
    }

    private String text(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
    }

    private int timerRow(String name) {
        var rows = browser.findElements(By.cssSelector("#timers tbody tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(name)) {
                return i;
            }
        }
        throw new AssertionError("no waiting phase " + name + " in " + text(By.id("timers")));
    }

    /** The one-time link of the newest invitation mail to {@code to}. */
    private String invitationLink(String to) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] messages = mail.getObject().greenMail().getReceivedMessagesForDomain(to);
            for (int i = messages.length - 1; i >= 0; i--) {
                Matcher m = Pattern.compile("(https?://[^\\s\"<]+/staff/invitation\\?token=[0-9a-f]{48})")
                        .matcher(String.valueOf(messages[i].getContent()));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no invitation mail for " + to);
    }

    private void shoot(String name) throws IOException {
        List<?> unlabelled = (List<?>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(e => !(e.labels && e.labels.length)"
                + " && !e.getAttribute('aria-label') && e.offsetParent !== null).map(e => e.name || e.id)");
        assertThat(unlabelled).as("form fields without a label on " + name).isEmpty();
        for (int width : new int[] {1280, 375}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            browser.executeScript("window.dispatchEvent(new Event('resize'))");
            long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
            if (width < 600) {
                long scrollWidth = ((Number) browser.executeScript(
                        "return document.documentElement.scrollWidth")).longValue();
                assertThat(scrollWidth).as(name + " scrolls sideways at 375 px").isLessThanOrEqualTo(width);
            }
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                    "height", (int) Math.min(Math.max(height, 600), 6000), "deviceScaleFactor", 1, "mobile",
                    width < 600));
            Files.write(HeadlessChromium.SCREENSHOTS.resolve(name + "-" + width + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private String chairOfTheProcess(long campaignId) {
        return jdbc.queryForObject("select v.TEXT_ from ACT_RU_VARIABLE v join ACT_RU_EXECUTION e on e.ID_ = "
                + "v.EXECUTION_ID_ where v.NAME_ = 'committeeChair' and e.BUSINESS_KEY_ = ?", String.class,
                String.valueOf(campaignId));
    }
}
