package io.laurel.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.laurel.support.HeadlessChromium;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13's acceptance walk: a company runs a whole campaign on a fresh install, in a browser only. Laurel runs as a
 * process of its own under the {@code mysql} profile (no demo data, no demo users: only the bootstrap admin of
 * {@code laurel.admin-user}) on a MariaDB database made for this test and dropped after it, with mail to a GreenMail
 * server in this JVM. The admin invites HR; HR sets a password through the mailed link, creates the campaign, uploads
 * the organisation file and the roster in the console and launches; every head sets a password, nominates in
 * Tasklist and attaches a PDF in the console; HR ends the nomination phase, reviews and confirms the initial list in
 * Tasklist; every committee member signs, scores (one opens a material from the score form) and votes; an objection
 * comes in through the public notice page; the chair finds the investigation in Tasklist and completes it; HR ends the
 * notice early from the console with a reason; results and exports are downloaded from the console. The test reads
 * the database only to assert and to wait for the job executor. Skipped without MariaDB (LAUREL_TEST_DB_URL, see
 * {@code .ci/run}) or Chromium. Screenshots: {@code target/screenshots/acceptance-*.png}.
 */
class CompanyCampaignAcceptanceBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration START_LIMIT = Duration.ofMinutes(4);
    static final Charset GBK = Charset.forName("GBK");
    static final String DATABASE = "laurel_acceptance";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Admin-Secret-2026";
    static final String PASSWORD = "Laurel-Accept-2026";
    static final String HR = "hr.chen";
    static final String CHAIR = "exec.huang";
    static final String MAIL_DOMAIN = "@acme.example.com";

    /** Heads: user, name, department. */
    static final String[][] HEADS = {{"kf.wang", "王磊", "客服中心"}, {"sh.liu", "刘洋", "售后服务部"}};

    /** The committee of seed 002: user, name, role (HR is invited by the admin and only named). */
    static final String[][] COMMITTEE = {
            {CHAIR, "黄建国", "高管"}, {"exec.lin", "林峰", "高管"}, {"exec.he", "何云", "高管"},
            {"kf.wang", "王磊", "部门主管"}, {"sh.liu", "刘洋", "部门主管"}, {"js.zhao", "赵强", "部门主管"},
            {"xs.sun", "孙丽", "部门主管"}, {"qt.zhou", "周杰", "部门主管"},
            {HR, "陈静", "人力资源部代表"}, {"hr.guo", "郭燕", "人力资源部代表"},
            {"pw.zhang", "张明", "往届获奖者"}, {"pw.li", "李红", "往届获奖者"},
            {"cu.ma", "马军", "客户代表"}, {"cu.xu", "徐丽", "客户代表"}, {"cu.tang", "唐宁", "客户代表"}};

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});

    Process laurel;
    Path dir;
    String jdbcUrl;
    String dbUser;
    String dbPassword;
    String serverUrl;
    int port;
    HeadlessChromium chromium;
    ChromeDriver browser;
    WebDriverWait wait;
    Path files;
    long startedAt;

    @AfterEach
    void stopEverything() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (laurel != null) {
            laurel.destroy();
            if (!laurel.waitFor(30, TimeUnit.SECONDS)) {
                laurel.destroyForcibly().waitFor();
            }
        }
        if (serverUrl != null) {
            try (Connection db = DriverManager.getConnection(serverUrl, dbUser, dbPassword);
                    var s = db.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            }
        }
    }

    @Test
    void a_company_runs_a_whole_campaign_from_a_fresh_install_in_the_browser() throws Exception {
        String testDb = System.getenv("LAUREL_TEST_DB_URL");
        assumeTrue(testDb != null && !testDb.isBlank(), "LAUREL_TEST_DB_URL is not set (no MariaDB, see .ci/run)");
        chromium = HeadlessChromium.start("--lang=zh-CN", "--accept-lang=zh-CN,zh");
        browser = chromium.driver();
        wait = chromium.waitUpTo(WAIT);
        startedAt = System.nanoTime();
        startLaurel(testDb);
        files = Files.createTempDirectory("acceptance-upload-");
        try {
            walk();
        } catch (Throwable failure) {
            evidence("acceptance-failure");
            throw failure;
        }
    }

    private void walk() throws Exception {
        // A fresh install: nobody but the bootstrap admin, no campaign.
        assertThat(count("select count(*) from ACT_ID_USER")).isEqualTo(1);
        assertThat(count("select count(*) from campaign")).isZero();

        // The admin invites HR; HR sets a password through the one-time link.
        login(ADMIN, ADMIN_PASSWORD);
        open("/staff/users");
        type("userId", HR);
        type("name", "陈静");
        type("email", HR + MAIL_DOMAIN);
        new Select(browser.findElement(By.id("group"))).selectByValue("hr");
        browser.findElement(By.id("invite")).click();
        assertThat(text(By.id("info"))).contains("邀请邮件已发送");
        shoot("acceptance-01-admin-invites-hr");
        logout();
        acceptInvitation(HR);
        progress("HR invited");

        // HR creates the campaign from the preset: nomination open since yesterday, its deadline in two weeks.
        login(HR, PASSWORD);
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(30);
        new Select(browser.findElement(By.id("preset"))).selectByValue("service-star-2025");
        browser.executeScript("document.getElementById('startsOn').value = arguments[0];", start.toString());
        browser.findElement(By.id("preview-button")).click();
        assertThat(text(By.id("preview"))).contains(start.toString());
        browser.findElement(By.id("create-button")).click();
        wait.until(ExpectedConditions.urlMatches("/staff/campaigns/\\d+"));
        long campaignId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/staff/campaigns/(\\d+).*", "$1"));
        assertThat(text(By.id("launch-problems"))).contains("花名册");

        // The roster: two departments of four (the best of each is in its department's top 30 % of satisfaction).
        Path roster = files.resolve("花名册.csv");
        Files.writeString(roster, rosterCsv(), StandardCharsets.UTF_8);
        upload("roster-file", roster, "roster-upload");
        assertThat(text(By.id("upload-report"))).contains("新增");
        assertThat(count("select count(*) from employee where campaign_id = " + campaignId)).isEqualTo(8);

        // The organisation file as Excel on Chinese Windows saves it (GBK): 2 heads, the committee of 15.
        Path organisation = files.resolve("组织机构.csv");
        Files.write(organisation, organisationCsv().getBytes(GBK));
        upload("organisation-file", organisation, "organisation-upload");
        assertThat(text(By.id("upload-report"))).contains("全部导入");
        assertThat(text(By.id("org-summary"))).contains("部门主管 2 人").contains("评选委员 15 人");
        shoot("acceptance-02-organisation-imported");

        // Launch: each head gets a nomination task.
        assertThat(browser.findElements(By.id("launch-problems"))).isEmpty();
        browser.findElement(By.id("launch-button")).click();
        assertThat(text(By.id("info"))).contains("活动已启动");
        assertThat(strings("select ASSIGNEE_ from ACT_RU_TASK where TASK_DEF_KEY_ = 'nominateTask'"))
                .containsExactlyInAnyOrder(HEADS[0][0], HEADS[1][0]);
        shoot("acceptance-03-launched");
        logout();
        progress("launched");

        // Everyone the organisation file created sets a password through the mailed link.
        for (String[] member : COMMITTEE) {
            if (!member[0].equals(HR)) {
                acceptInvitation(member[0]);
            }
        }
        progress("invitations accepted");

        // Every head nominates the best of their department in Tasklist and attaches a PDF in the console.
        for (int h = 0; h < HEADS.length; h++) {
            String head = HEADS[h][0];
            String department = HEADS[h][2];
            String nominee = employeeNumber(department, 1);
            tasklistLogin(head);
            openTask("我的待办", "部门推荐提名");
            wait.until(d -> department.equals(field("nomination-department-department-1").getDomProperty("value")));
            field("nomination-department-nominee1-3").sendKeys(nominee);
            pick(nominee + " ");
            field("nomination-department-award1-4").click();
            pick("年度服务之星");
            field("nomination-department-reason1-5").sendKeys("全年零投诉,客户表扬信 12 封,带教新人 3 名");
            if (h == 0) {
                shoot("acceptance-04-nomination-form");
            }
            complete();
            long nominationId = count("select id from nomination where campaign_id = " + campaignId
                    + " and candidate_name = '" + employeeName(department, 1) + "'");
            open("/staff/nominations");
            Path pdf = files.resolve(department + "-" + employeeName(department, 1) + "-年度服务之星.pdf");
            Files.write(pdf, pdf());
            new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kind-" + nominationId))))
                    .selectByValue("main-document");
            browser.findElement(By.id("file-" + nominationId)).sendKeys(pdf.toAbsolutePath().toString());
            browser.findElement(By.id("upload-" + nominationId)).click();
            assertThat(text(By.id("info"))).contains(pdf.getFileName().toString());
            if (h == 0) {
                shoot("acceptance-05-head-attaches-pdf");
            }
            logout();
        }
        assertThat(count("select count(*) from nomination where campaign_id = " + campaignId)).isEqualTo(2);
        progress("nominated");

        // HR ends the nomination phase early from the console, then reviews both nominations in Tasklist.
        login(HR, PASSWORD);
        open("/staff/campaigns/" + campaignId);
        endPhase("提名截止", "两个部门均已提名,提前进入资格审核");
        awaitCount("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'reviewEligibility'", 2);
        tasklist();
        for (int i = 0; i < 2; i++) {
            openTask("我的小组任务", "资格审核");
            claim();
            wait.until(d -> !field("eligibility-review-ruleVerdict-2").getDomProperty("value").isBlank());
            assertThat(browser.findElement(By.cssSelector(".fjs-container a[href*='/staff/tasks/']")).getText())
                    .endsWith(".pdf");
            // What is missing, in the seed's words (no material type codes).
            assertThat(field("eligibility-review-materialsChecklist-5").getDomProperty("value"))
                    .contains("客户好评证明(至少 5 份,已收到 0 份,还差 5 份)").doesNotContain("customer-praise");
            check("eligibility-review-hrEligible-3");
            check("eligibility-review-materialsConfirmedComplete-6");
            if (i == 0) {
                shoot("acceptance-06-eligibility-review");
            }
            complete();
        }
        awaitCount("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'confirmInitialList'", 1);
        openTask("我的小组任务", "确认初评名单");
        claim();
        check("initial-list-confirmation-listConfirmed-2");
        shoot("acceptance-07-initial-list");
        complete();
        logout();
        awaitCount("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'signDeclaration'", COMMITTEE.length);
        progress("eligibility and initial list");

        // Every member signs and scores; the first opens the candidate's PDF from the score form.
        boolean materialOpened = false;
        for (String[] member : COMMITTEE) {
            tasklistLogin(member[0]);
            openTask("我的待办", "签署保密协议");
            check("committee-declaration-confidentialityAgreed-1");
            if (!materialOpened) {
                shoot("acceptance-08-declaration");
            }
            complete();
            awaitCount("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'signDeclaration' and ASSIGNEE_ = '"
                    + member[0] + "'", 0);
            while (count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'scoreCandidates' and ASSIGNEE_ = '"
                    + member[0] + "'") > 0) {
                openTask("我的待办", "复评打分");
                if (!materialOpened) {
                    String href = browser.findElement(By.cssSelector(".fjs-container a[href*='/staff/tasks/']"))
                            .getAttribute("href");
                    assertThat(fetch(href)).startsWith("200 application/pdf");
                    materialOpened = true;
                    shoot("acceptance-09-score-form");
                }
                field("re-review-score-interviewScore-3").sendKeys("92");
                field("re-review-score-caseScore-4").sendKeys("90");
                click(By.cssSelector(".fjs-container input[id$='-re-review-score-casesAuthentic-5-0']"));
                complete();
            }
            logout();
        }
        assertThat(materialOpened).as("a score form with a material link").isTrue();
        awaitCount("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'castBallot'", COMMITTEE.length);
        progress("re-review");

        // Every member votes for every finalist.
        boolean first = true;
        for (String[] member : COMMITTEE) {
            tasklistLogin(member[0]);
            openTask("我的待办", "无记名投票");
            By boxes = By.cssSelector(".fjs-container input[type='checkbox']");
            int finalists = browser.findElements(boxes).size();
            for (int i = 0; i < finalists; i++) {
                int index = i;
                click(d -> d.findElements(boxes).get(index));
                wait.until(d -> d.findElements(boxes).get(index).isSelected());
            }
            if (first) {
                shoot("acceptance-10-ballot");
                first = false;
            }
            complete();
            logout();
        }
        awaitCount("select count(*) from ACT_RU_JOB j join ACT_RU_EXECUTION e on e.ID_ = j.EXECUTION_ID_"
                + " where e.ACT_ID_ = 'noticePeriod'", 1);
        progress("ballot");

        // The public notice: someone objects, without an account.
        open("/campaigns/" + campaignId + "/notice");
        assertThat(text(By.id("winners"))).contains("年度服务之星");
        new Select(browser.findElement(By.id("nominationId"))).selectByIndex(1);
        type("objectorName", "匿名同事");
        type("objectorContact", "13800000000");
        type("reason", "该获奖者的客户表扬信中有两封日期早于其入职日期,请核实。");
        shoot("acceptance-11-objection");
        browser.findElement(By.id("submit")).click();
        awaitCount("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'investigateObjection'", 1);

        // The chair finds the investigation among the tasks they may claim, and completes it.
        tasklistLogin(CHAIR);
        openTask("我的小组任务", "调查异议");
        claim();
        assertThat(field("objection-investigation-objectionSummary-1").getDomProperty("value"))
                .contains("入职日期");
        field("objection-investigation-decisionReason-3").sendKeys("经核实,两封表扬信日期为笔误,客户已书面确认,异议不成立。");
        shoot("acceptance-12-investigation");
        complete();
        logout();
        assertThat(count("select count(*) from ACT_HI_TASKINST where TASK_DEF_KEY_ = 'investigateObjection'"
                + " and ASSIGNEE_ = '" + CHAIR + "' and END_TIME_ is not null")).isEqualTo(1);
        progress("objection");

        // HR ends the notice early from the console with a reason; results and exports are downloaded there.
        login(HR, PASSWORD);
        open("/staff/campaigns/" + campaignId);
        endPhase("公示", "公示期内异议已调查完毕,经评委会同意提前结束公示");
        awaitCount("select count(*) from ACT_RU_JOB j join ACT_RU_EXECUTION e on e.ID_ = j.EXECUTION_ID_"
                + " where e.ACT_ID_ = 'noticePeriod'", 0);
        open("/staff/campaigns/" + campaignId);
        // Where the process is: waiting for the ceremony.
        assertThat(text(By.id("process-steps"))).isEqualTo("表彰大会日期");
        assertThat(text(By.id("history"))).contains(HR).contains("提前结束").contains("提前结束公示");
        assertThat(text(By.id("results"))).contains("年度服务之星").contains("当选");
        String summary = fetch(browser.findElement(By.id("export-summary")).getAttribute("href"));
        assertThat(summary).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml");
        String results = fetch(browser.findElement(By.id("export-results")).getAttribute("href"));
        assertThat(results).startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml");
        shoot("acceptance-13-results");
        assertThat(count("select count(*) from operator_action where campaign_id = " + campaignId)).isEqualTo(2);
        progress("done");
    }

    // ------------------------------------------------------------------------------------------ the files

    static final String[][] STAFF = {
            {"KF001", "张伟", "客服中心", "97.5"}, {"KF002", "李娜", "客服中心", "91.0"},
            {"KF003", "王芳", "客服中心", "88.2"}, {"KF004", "刘强", "客服中心", "85.0"},
            {"SH001", "陈晨", "售后服务部", "96.8"}, {"SH002", "杨洋", "售后服务部", "90.1"},
            {"SH003", "赵敏", "售后服务部", "87.4"}, {"SH004", "黄磊", "售后服务部", "83.9"}};

    static String rosterCsv() {
        StringBuilder csv = new StringBuilder("工号,姓名,部门,岗位组,入职日期,用工性质,满意度,重大投诉(近12个月),违规违纪,"
                + "邮箱,手机,服务量,解决率,平均响应时长(分钟),技能测试成绩,历史获奖\r\n");
        int i = 0;
        for (String[] e : STAFF) {
            i++;
            csv.append(String.join(",", e[0], e[1], e[2], "一线客服", "2020-03-0" + (i % 9 + 1), "正式", e[3], "0", "0",
                    e[0].toLowerCase() + MAIL_DOMAIN, "1390000000" + i, Integer.toString(3000 + i * 100),
                    Double.toString(90 + i * 0.5), "3.5", Integer.toString(80 + i), "")).append("\r\n");
        }
        return csv.toString();
    }

    static String organisationCsv() {
        List<String> lines = new ArrayList<>(List.of("类别,用户名,姓名,邮箱,联系电话,部门,委员角色,评审组,单位,委员会主任"));
        for (String[] h : HEADS) {
            lines.add(String.join(",", "部门主管", h[0], h[1], h[0] + MAIL_DOMAIN, "", h[2], "", "", "", ""));
        }
        for (String[] m : COMMITTEE) {
            boolean known = m[0].equals(HR);
            lines.add(String.join(",", "评选委员", m[0], known ? "" : m[1], known ? "" : m[0] + MAIL_DOMAIN, "", "", m[2],
                    "", "", m[0].equals(CHAIR) ? "是" : ""));
        }
        return String.join("\r\n", lines);
    }

    static String employeeNumber(String department, int rank) {
        return Arrays.stream(STAFF).filter(e -> e[2].equals(department)).toList().get(rank - 1)[0];
    }

    static String employeeName(String department, int rank) {
        return Arrays.stream(STAFF).filter(e -> e[2].equals(department)).toList().get(rank - 1)[1];
    }

    static byte[] pdf() throws IOException {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    // ------------------------------------------------------------------------------------------ Laurel

    private void startLaurel(String testDb) throws Exception {
        dbUser = System.getenv().getOrDefault("LAUREL_TEST_DB_USER", "root");
        dbPassword = System.getenv().getOrDefault("LAUREL_TEST_DB_PASSWORD", "");
        int slash = testDb.indexOf('/', testDb.indexOf("//") + 2);
        int query = testDb.indexOf('?', slash);
        String options = query < 0 ? "" : testDb.substring(query);
        serverUrl = testDb.substring(0, slash + 1) + options;
        jdbcUrl = testDb.substring(0, slash + 1) + DATABASE + options;
        try (Connection db = DriverManager.getConnection(serverUrl, dbUser, dbPassword); var s = db.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            s.execute("CREATE DATABASE `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        dir = Path.of("target", "acceptance").toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> classPath = new ArrayList<>();
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Arrays.stream(path.split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.contains("surefire")).forEach(classPath::add);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx768m", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC",
                "-cp", String.join(File.pathSeparator, classPath), "io.laurel.LaurelApplication",
                "--spring.profiles.active=mysql", "--spring.datasource.password=" + dbPassword,
                "--server.port=" + port,
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--laurel.mail.imap.port=" + mail.getImap().getPort(),
                // the job executor looks for due jobs every second, not every minute
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAUREL_DB_URL", jdbcUrl);
        env.put("LAUREL_DB_USER", dbUser);
        env.put("LAUREL_DB_PASSWORD", dbPassword.isEmpty() ? "see --spring.datasource.password" : dbPassword);
        env.put("LAUREL_PUBLIC_BASE_URL", "http://localhost:" + port);
        env.put("LAUREL_ADMIN_USER", ADMIN);
        env.put("LAUREL_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("LAUREL_SMTP_HOST", "127.0.0.1");
        env.put("LAUREL_SMTP_AUTH", "false");
        env.put("LAUREL_SMTP_STARTTLS", "false");
        env.put("LAUREL_MAIL_FROM", "Laurel 评优系统 <awards@acme.example.com>");
        env.put("LAUREL_IMAP_HOST", "127.0.0.1");
        env.put("LAUREL_IMAP_USER", "awards@acme.example.com");
        env.put("LAUREL_IMAP_PASSWORD", "unused");
        env.put("LAUREL_IMAP_SSL", "false");
        env.put("LAUREL_DATA_DIR", dir.resolve("data").toString());
        env.put("LAUREL_BALLOT_KEY_DIR", dir.resolve("ballot-keys").toString());
        Path log = dir.resolve("laurel.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        laurel = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!laurel.isAlive()) {
                throw new AssertionError("Laurel stopped during start-up, see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    progress("Laurel started");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Laurel not ready within " + START_LIMIT + ", see " + log);
    }

    private void progress(String step) {
        System.out.printf("Acceptance walk: %s after %.1f s%n", step, (System.nanoTime() - startedAt) / 1e9);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var all = Files.walk(path)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ asserts

    private long count(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                PreparedStatement s = db.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private List<String> strings(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                PreparedStatement s = db.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        }
    }

    /** Waits for Laurel's job executor (asynchronous steps, timers ended early) to bring a count to a value. */
    private void awaitCount(String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            last = count(sql);
            if (last == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + expected + " but was " + last + ": " + sql);
    }

    // ------------------------------------------------------------------------------------------ the browser

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void login(String user, String password) {
        open("/staff/login");
        type("username", user);
        type("password", password);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/staff/login")));
    }

    /** Logging out of the console ends the Tasklist session too (one login). */
    private void logout() {
        browser.get("about:blank");
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    private void acceptInvitation(String user) throws Exception {
        browser.get(invitationLink(user + MAIL_DOMAIN));
        assertThat(text(By.id("invited-user"))).isEqualTo(user);
        type("password", PASSWORD);
        type("repeated", PASSWORD);
        browser.findElement(By.id("set-password")).click();
        assertThat(text(By.id("info"))).contains("密码已设置");
    }

    /** The one-time link of the newest invitation mail to {@code to}. */
    private String invitationLink(String to) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        Pattern link = Pattern.compile("(https?://[^\\s\"<]+/staff/invitation\\?token=[0-9a-f]+)");
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] messages = mail.getReceivedMessagesForDomain(to);
            for (int i = messages.length - 1; i >= 0; i--) {
                Matcher m = link.matcher(content(messages[i]));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no invitation mail for " + to);
    }

    private static String content(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(content(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return content instanceof String s ? s : "";
    }

    private void type(String id, String value) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
    }

    private String text(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
    }

    private void upload(String input, Path file, String button) {
        browser.findElement(By.id(input)).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id(button)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-report")));
    }

    private void endPhase(String name, String reason) throws IOException {
        var rows = wait.until(d -> {
            var found = d.findElements(By.cssSelector("#timers tbody tr"));
            return found.isEmpty() ? null : found;
        });
        int row = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(name)) {
                row = i;
            }
        }
        assertThat(row).as("a waiting phase " + name + " in " + text(By.id("timers"))).isNotNegative();
        browser.findElement(By.id("end-button-" + row)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("end-reason-" + row))).sendKeys(reason);
        browser.findElement(By.id("end-confirm-" + row)).click();
        // The page answers with #info or, if ending failed, with #error whose reason the assertion then shows.
        WebElement answer = wait.until(d -> d.findElements(By.cssSelector("#info, #error")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(answer.getAttribute("id") + ": " + answer.getText()).startsWith("info: ").contains("已提前结束");
    }

    /** Status, content type and length of a GET in the browser's session. */
    private String fetch(String url) {
        return (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                + " + r.headers.get('content-type') + ' ' + b.byteLength)));", url);
    }

    /** Through Tasklist's own login form (the console accepts that login too: one session). */
    private void tasklistLogin(String user) {
        open("/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(filterLink("我的待办")));
    }

    private void tasklist() {
        open("/camunda/app/tasklist/");
        wait.until(d -> !d.findElements(filterLink("我的待办")).isEmpty()
                || d.findElements(By.cssSelector(".alert-danger")).stream().anyMatch(WebElement::isDisplayed));
        if (browser.findElements(filterLink("我的待办")).isEmpty()) {
            String filters = fetch("/camunda/api/engine/engine/default/filter?resourceType=Task");
            String cookies = browser.manage().getCookies().toString();
            evidence("acceptance-filter-error-" + System.nanoTime());
            System.out.println("Acceptance walk: Tasklist could not load its filters; now " + filters + ", cookies "
                    + cookies);
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(filterLink("我的待办")));
        }
    }

    private By filterLink(String filter) {
        return By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[contains(.,'" + filter
                + "')]");
    }

    private static final By TASK_LINKS = By.cssSelector("ol.tasks-list li.task h4.task a");

    /** Selects the filter, opens the first task of that name and waits for its Camunda Form. */
    private void openTask(String filter, String name) {
        click(filterLink(filter));
        click(d -> d.findElements(TASK_LINKS).stream().filter(a -> a.getText().startsWith(name)).findFirst()
                .orElse(null));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    }

    private void claim() {
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }

    /** form-js prefixes every field id with a per-render form id; the component id is the stable tail. */
    private WebElement field(String componentId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-container [id$='-" + componentId + "']")));
    }

    private void check(String componentId) {
        if (!field(componentId).isSelected()) {
            click(d -> field(componentId));
        }
        wait.until(d -> field(componentId).isSelected());
    }

    private static final By DROPDOWN_ITEMS = By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item");

    private void pick(String labelStart) {
        click(d -> d.findElements(DROPDOWN_ITEMS).stream()
                .filter(i -> i.getDomProperty("textContent").trim().startsWith(labelStart))
                .findFirst().orElse(null));
        wait.until(ExpectedConditions.numberOfElementsToBe(DROPDOWN_ITEMS, 0));
    }

    /** Completes the open task; Tasklist then shows no task, or an error that fails the test. */
    private void complete() {
        // Tasklist's notices ("You are assigned to the following tasks ...") cover the button: close them first.
        browser.executeScript("document.querySelectorAll('.page-notifications .close').forEach(b => b.click())");
        click(By.cssSelector(".form-actions button.btn-primary[ng-click='complete()']"));
        wait.until(d -> {
            failOnErrorNotification(d);
            return d.findElements(By.cssSelector(".no-task")).stream().anyMatch(WebElement::isDisplayed);
        });
    }

    private static void failOnErrorNotification(WebDriver driver) {
        driver.findElements(By.cssSelector(".alert-danger")).stream().filter(WebElement::isDisplayed)
                .map(alert -> alert.getText().replace("×", "").strip()).filter(t -> !t.isBlank())
                .findFirst().ifPresent(t -> {
                    throw new AssertionError("Tasklist reports an error: " + t);
                });
    }

    /** Scrolls the element to the middle first: Tasklist's fixed footer covers the bottom of the form. */
    private void click(WebElement element) {
        click(d -> element);
    }

    private void click(By locator) {
        click(d -> d.findElements(locator).stream().findFirst().orElse(null));
    }

    /**
     * Finds, scrolls to and clicks in one wait, finding again on each try: AngularJS re-renders Tasklist's lists and
     * forms after a filter or a claim, so an element found a moment earlier can be stale or covered when clicked.
     */
    private void click(Function<WebDriver, WebElement> find) {
        wait.until(d -> {
            WebElement element = find.apply(d);
            if (element == null || !element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
                return true;
            } catch (ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    /** The whole page for console and portal pages (Tasklist scrolls inside its own panes). */
    private void shoot(String name) throws IOException {
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        boolean tasklist = browser.getCurrentUrl().contains("/camunda/");
        if (!tasklist) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280,
                    "height", (int) Math.min(Math.max(height, 600), 5000), "deviceScaleFactor", 1, "mobile", false));
        }
        Files.write(HeadlessChromium.SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        if (!tasklist) {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void evidence(String name) {
        try {
            shoot(name);
            Files.writeString(HeadlessChromium.SCREENSHOTS.resolve(name + ".html"), browser.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (Exception e) {
            // keep the original failure
        }
    }
}
