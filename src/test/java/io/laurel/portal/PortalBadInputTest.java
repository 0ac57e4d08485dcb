package io.laurel.portal;

import static io.laurel.selection.SelectionDriver.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.laurel.campaign.Campaign;
import io.laurel.intake.TestMedia;
import io.laurel.nomination.Nomination;
import io.laurel.roster.Employee;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every bad input of the public pages answers with its status and a Chinese message on the page, and
 * stores nothing: no nomination, no material, no pending recommendation, no vote, no objection. MockMvc
 * on the shared application context (Spring Security's filters applied, CSRF token added unless a test
 * leaves it out on purpose); each test uses its own client address so the per-IP limits do not mix.
 */
@LaurelTest
class PortalBadInputTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    WebApplicationContext context;

    @Autowired
    PortalFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    MockMvc mvc;
    String ip;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ip = "198.51.100." + ADDRESS.incrementAndGet();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------ self / peer nomination

    @Test
    void self_nomination_refuses_missing_fields_wrong_codes_and_bad_files_and_stores_nothing() throws Exception {
        PortalFixture.Launched launched = fixture.serviceStar();
        Campaign campaign = launched.campaign();
        Employee me = fixture.driver.eligibleStaff(campaign.getId(), "客服中心").get(0);
        String base = "/campaigns/" + campaign.getId() + "/nominate/self";

        // Code request: missing and unknown employee number.
        expect(send(post(base + "/code")), 400, "必填 (您的工号)");
        expect(send(post(base + "/code").param("employeeNumber", "X9999")), 400, "花名册中没有工号 X9999");
        assertThat(codes(campaign)).isZero();

        // No code requested yet; then a wrong code; a missing code.
        expect(send(nominate(base, me, "123456", "服务标杆")), 400, "验证码无效:请先获取验证码");
        String code = requestCode(base, me);
        expect(send(nominate(base, me, wrong(code), "服务标杆")), 400, "验证码错误");
        expect(send(nominate(base, me, "", "服务标杆")), 400, "验证码: 必填");

        // Missing reason and award, with a right code: refused by NominationService's own checks; the code stays usable.
        expect(send(nominate(base, me, code, "")), 400, "必填 (推荐理由)").andExpect(content().string(containsString(
                "<textarea id=\"reason\" name=\"reason\" maxlength=\"2000\" required aria-invalid=\"true\" "
                + "aria-describedby=\"error\">")));
        expect(send(multipart(base).param("employeeNumber", me.getEmployeeNumber()).param("code", code)
                .param("reason", "服务标杆")), 400, "必填 (奖项代码)");

        // Files: oversized, not a PDF at all, a PNG named .pdf, a video where only PDF is taken, a video too long.
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        byte[] header = "%PDF-1.4\n".getBytes();
        System.arraycopy(header, 0, big, 0, header.length);
        expect(send(nominate(base, me, code, "服务标杆").file(file("main-document", "客服中心-张三-服务之星.pdf", big))),
                413, "不能超过 20 MB");
        expect(send(nominate(base, me, code, "服务标杆").file(file("main-document", "材料.pdf",
                "这不是PDF".getBytes()))), 415, "文件内容不是 PDF、JPG/PNG 图片或 MP4 视频");
        expect(send(nominate(base, me, code, "服务标杆").file(file("main-document", "材料.pdf",
                PortalFixture.png("张", java.awt.Color.RED)))), 415, "与扩展名 .pdf 不符");
        byte[] video = TestMedia.mp4(1280, 720, 60, 1024);
        expect(send(nominate(base, me, code, "服务标杆").file(file("main-document", "视频.mp4", video))),
                415, "本材料只接受 pdf 格式");
        expect(send(nominate(base, me, code, "服务标杆").file(file("video", "视频.mp4",
                TestMedia.mp4(1280, 720, 301, 1024)))), 400, "视频时长 301 秒,超过上限 300 秒");
        // A PDF that runs a script when opened (issue 15.10): the API's check, refused here too.
        expect(send(nominate(base, me, code, "服务标杆").file(file("main-document", "主体.pdf",
                io.laurel.web.ApiBadInputTest.pdfWithOpenActionScript()))), 415, "PDF 含有脚本或自动执行的动作");
        // A good PDF with a bad second file: the whole nomination is refused, the good file not kept either.
        expect(send(nominate(base, me, code, "服务标杆").file(file("main-document", "主体.pdf", PortalFixture.pdf()))
                .file(file("service-data", "数据.pdf", "假的".getBytes()))), 415, "「服务数据统计」数据.pdf");
        assertNothingStored(campaign);
        // 服务事迹陈述 is at most 800 字 (seed 002): a story of 900 characters is refused, nothing is kept.
        expect(send(nominate(base, me, code, "服务标杆").file(file("main-document", "主体.pdf", PortalFixture.pdf()))
                .file(file("service-story", "事迹.pdf", storyPdf(900)))), 400,
                "「服务事迹陈述」共 900 字,应控制在 800 字以内");
        assertNothingStored(campaign);

        // CSRF token missing: refused before the controller, with the page saying why.
        mvc.perform(nominate(base, me, code, "服务标杆").with(remote())).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("表单已失效(缺少或过期的安全令牌)")));
        assertNothingStored(campaign);

        // A body over the server's multipart limits: Tomcat gives up reading it (so the token is missing too)
        // and marks the request; the page names the real cause. (Checked by hand with curl and a 70 MB file;
        // here the mark Tomcat sets is set on the mock request.)
        mvc.perform(multipart(base).requestAttr(PortalSecurityConfiguration.PARSE_FAILED, Boolean.TRUE)
                .with(remote())).andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("上传内容过大(每个文件不超过 60 MB")));
        assertNothingStored(campaign);

        // The code expires after 30 minutes.
        clockAt("2026-03-02T10:31");
        expect(send(nominate(base, me, code, "服务标杆")), 400, "验证码已过期");
        assertNothingStored(campaign);

        // Five wrong guesses kill a code.
        clockAt("2026-03-02T11:00");
        String fresh = requestCode(base, me);
        for (int i = 0; i < OneTimeCodes.MAX_ATTEMPTS; i++) {
            expect(send(nominate(base, me, wrong(fresh), "服务标杆")), 400, "验证码错误");
        }
        expect(send(nominate(base, me, fresh, "服务标杆")), 429, "验证码错误次数过多");
        assertNothingStored(campaign);

        // A code fetched before the deadline does not stretch it; after it, no code is sent either.
        clockAt("2026-03-15T17:50");
        String late = requestCode(base, me);
        clockAt("2026-03-15T18:01");
        expect(send(nominate(base, me, late, "服务标杆").file(file("main-document", "主体.pdf", PortalFixture.pdf()))),
                409, "提名已截止:截止时间为 2026-03-15 18:00");
        expect(send(post(base + "/code").param("employeeNumber", me.getEmployeeNumber())), 409, "提名已截止");
        assertNothingStored(campaign);
        fixture.runtime.deleteProcessInstance(launched.instance().getId(), "test finished");
    }

    @Test
    void peer_nomination_cannot_name_oneself_spends_its_code_once_and_code_requests_are_limited_per_address() throws Exception {
        PortalFixture.Launched launched = fixture.serviceStar();
        Campaign campaign = launched.campaign();
        Employee me = fixture.driver.eligibleStaff(campaign.getId(), "客服中心").get(0);
        String base = "/campaigns/" + campaign.getId() + "/nominate/peer";
        String code = requestCode(base, me);
        expect(send(nominate(base, me, code, "好同事")), 400, "必填 (被提名同事的工号)");
        expect(send(nominate(base, me, code, "好同事").param("nomineeNumber", me.getEmployeeNumber())), 400,
                "同事提名不能提名自己");
        expect(send(nominate(base, me, code, "好同事").param("nomineeNumber", "X0000")), 400, "花名册中没有工号 X0000");
        assertNothingStored(campaign);

        // The same code then registers a correct peer nomination (the refusals above did not spend it).
        Employee colleague = fixture.driver.eligibleStaff(campaign.getId(), "客服中心").get(1);
        send(nominate(base, me, code, "好同事").param("nomineeNumber", colleague.getEmployeeNumber()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("您对 " + colleague.getName()
                        + " 的提名已提交")));
        assertThat(fixture.nominations.findByCampaignIdOrderById(campaign.getId())).singleElement().satisfies(n -> {
            assertThat(n.getChannel().name()).isEqualTo("PEER");
            assertThat(n.getEmployeeId()).isEqualTo(colleague.getId());
            assertThat(n.getNominator()).isEqualTo(me.getName() + "(工号 " + me.getEmployeeNumber() + ")");
        });
        expect(send(nominate(base, me, code, "好同事").param("nomineeNumber", colleague.getEmployeeNumber())), 400,
                "验证码无效");

        for (int i = 1; i < PortalLimitSettings.MAIL_REQUESTS_PER_IP; i++) {
            send(post(base + "/code").param("employeeNumber", me.getEmployeeNumber())).andExpect(status().isOk());
        }
        expect(send(post(base + "/code").param("employeeNumber", me.getEmployeeNumber())), 429, "验证码请求过于频繁");
        assertThat(codes(campaign)).isEqualTo(PortalLimitSettings.MAIL_REQUESTS_PER_IP);
        expect(send(get("/campaigns/" + campaign.getId() + "/nominate/friend")), 404, "没有这种提名方式");
        fixture.runtime.deleteProcessInstance(launched.instance().getId(), "test finished");
    }

    // ------------------------------------------------------------------------------ customer recommendation

    @Test
    void customer_recommendation_refuses_bad_input_and_expired_or_unknown_links() throws Exception {
        PortalFixture.Launched launched = fixture.serviceStar();
        Campaign campaign = launched.campaign();
        Employee staff = fixture.driver.eligibleStaff(campaign.getId(), "售后服务部").get(0);
        String path = "/campaigns/" + campaign.getId() + "/recommend";

        expect(send(recommend(path, staff, "", "customerName", "")), 400, "必填 (您的姓名)");
        expect(send(recommend(path, staff, "", "customerEmail", "不是邮箱")), 400, "您的邮箱格式不正确");
        expect(send(recommend(path, staff, "")), 400, "必填 (服务案例)");
        expect(send(recommend(path, staff, "修好了宽带", "employeeName", "不存在的人")), 400,
                "没有名为「不存在的人」的员工");
        expect(send(recommend(path, staff, "修好了宽带", "awardCode", "excellent-team")), 400,
                "「优秀服务团队」不是个人奖项");
        assertThat(pendingRecommendations(campaign)).isZero();
        expect(send(get("/campaigns/" + campaign.getId() + "/recommendations/confirm").param("token", "nope")), 404,
                "确认链接无效");

        // A good recommendation waits for its link; after 48 hours the link has expired and nothing is registered.
        String email = "kehu" + System.nanoTime() + "@customer.example.com";
        int before = fixture.received(email);
        send(recommend(path, staff, "修好了宽带", "customerEmail", email)).andExpect(status().isOk())
                .andExpect(content().string(containsString("请查收确认邮件")));
        String link = PortalFixture.link(fixture.nextMail(email, before));
        String token = link.substring(link.indexOf("token=") + 6);
        clockAt("2026-03-04T10:01");
        expect(send(post("/campaigns/" + campaign.getId() + "/recommendations/confirm").param("token", token)), 410,
                "确认链接已过期");
        assertNothingStored(campaign);

        // A confirmed link cannot be confirmed twice, and the same employee cannot be recommended again for the award.
        clockAt("2026-03-05T09:00");
        before = fixture.received(email);
        send(recommend(path, staff, "修好了宽带", "customerEmail", email)).andExpect(status().isOk());
        String second = PortalFixture.link(fixture.nextMail(email, before));
        String secondToken = second.substring(second.indexOf("token=") + 6);
        String confirm = "/campaigns/" + campaign.getId() + "/recommendations/confirm";
        send(post(confirm).param("token", secondToken)).andExpect(status().isOk())
                .andExpect(content().string(containsString("推荐已确认")));
        expect(send(post(confirm).param("token", secondToken)), 409, "该推荐已于之前确认");
        expect(send(recommend(path, staff, "又一次", "customerEmail", email)), 409,
                staff.getName() + " 已被提名参评「年度服务之星」");
        assertThat(fixture.nominations.findByCampaignIdOrderById(campaign.getId())).singleElement()
                .satisfies(n -> assertThat(n.getChannel().name()).isEqualTo("CUSTOMER"));
        assertThat(pendingRecommendations(campaign)).isEqualTo(2);

        // Outside the window the recommendation itself is refused.
        clockAt("2026-03-16T09:00");
        expect(send(recommend(path, staff, "修好了宽带")), 409, "提名已截止");
        assertThat(pendingRecommendations(campaign)).isEqualTo(2);
        fixture.runtime.deleteProcessInstance(launched.instance().getId(), "test finished");
    }

    // ------------------------------------------------------------------------------ online vote

    @Test
    void vote_refuses_outside_the_window_unverified_voters_wrong_codes_and_unknown_entries() throws Exception {
        List<Nomination> entries = PortalFixture.list();
        Campaign campaign = fixture.essayInVoteWindow(entries);
        String base = "/campaigns/" + campaign.getId() + "/vote";
        String email = "voter" + System.nanoTime() + "@example.com";

        expect(send(post(base + "/code").param("email", "坏邮箱")), 400, "邮箱格式不正确");
        expect(send(post(base + "/" + entries.get(0).getId())), 401, "请先验证邮箱");
        int before = fixture.received(email);
        send(post(base + "/code").param("email", email)).andExpect(status().isOk());
        String code = PortalFixture.code(fixture.nextMail(email, before));
        expect(send(post(base + "/verify").param("email", email).param("code", wrong(code))), 400, "验证码错误");
        expect(send(post(base + "/verify").param("email", "other" + email).param("code", code)), 400, "验证码无效");
        assertThat(votes(campaign)).isZero();
        mvc.perform(get(base)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(" 票</p>"))));

        // Counts are not public while the vote runs (no count on the page either, see above).
        clockAt("2026-10-19T23:59");
        expect(send(post(base + "/code").param("email", email)), 409, "投票尚未开始");
        clockAt("2026-10-27T00:00");
        expect(send(post(base + "/code").param("email", email)), 409, "投票已结束");
        expect(send(post(base + "/verify").param("email", email).param("code", code)), 409, "投票已结束");
        assertThat(votes(campaign)).isZero();

        // The association campaign takes nominations by unit packages only.
        expect(send(get("/campaigns/" + campaign.getId() + "/nominate/self")), 404, "不接受自荐");
        expect(send(get("/campaigns/" + campaign.getId() + "/recommend")), 404, "不接受客户推荐");

        // A campaign without an online vote has no vote page.
        PortalFixture.Launched serviceStar = fixture.serviceStar();
        expect(send(get("/campaigns/" + serviceStar.campaign().getId() + "/vote")), 404, "没有网络投票");
        fixture.runtime.deleteProcessInstance(serviceStar.instance().getId(), "test finished");
    }

    @Test
    void fraud_signals_are_for_campaign_staff_only() {
        List<Nomination> entries = PortalFixture.list();
        Campaign campaign = fixture.essayInVoteWindow(entries);
        String path = "/api/campaigns/" + campaign.getId() + "/votes/signals";
        assertThat(Http.to(port).get(path).status()).isEqualTo(401);
        assertThat(Http.to(port).as("wanglei", "demo").get(path).status()).isEqualTo(403);
        Http.Answer staff = Http.to(port).as("chenjing", "demo").get(path);
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body()).isEqualTo("[]");
    }

    // ------------------------------------------------------------------------------ notice

    @Test
    void objections_need_the_notice_window_and_every_field() throws Exception {
        PortalFixture.Launched launched = fixture.serviceStar();
        Campaign campaign = launched.campaign();
        String path = "/campaigns/" + campaign.getId() + "/notice/objections";
        expect(send(post(path).param("objectorName", "王某").param("objectorContact", "13900000000")
                .param("nominationId", "1").param("reason", "有疑问")), 409, "当前不在公示期");
        mvc.perform(get("/campaigns/" + campaign.getId() + "/notice")).andExpect(status().isOk())
                .andExpect(content().string(containsString("获奖名单尚未公示")));

        List<Nomination> all = fixture.driveToTheNotice(launched);
        Long winner = all.stream().filter(n -> n.getStatus().name().equals("WINNER")).findFirst().orElseThrow().getId();
        expect(send(post(path).param("objectorName", "王某").param("nominationId", winner.toString())
                .param("reason", "有疑问")), 400, "必填 (联系方式)");
        expect(send(post(path).param("objectorContact", "13900000000").param("nominationId", winner.toString())
                .param("reason", "有疑问")), 400, "必填 (异议人姓名)");
        expect(send(post(path).param("objectorName", "王某").param("objectorContact", "13900000000")
                .param("nominationId", winner.toString())), 400, "必填 (异议理由)");
        expect(send(post(path).param("objectorName", "王某").param("objectorContact", "13900000000")
                .param("reason", "有疑问")), 400, "nominationId: 必填");
        expect(send(post(path).param("objectorName", "王某").param("objectorContact", "13900000000")
                .param("nominationId", "abc").param("reason", "有疑问")), 400, "格式不正确");
        mvc.perform(post(path).with(remote()).param("objectorName", "王某").param("objectorContact", "13900000000")
                .param("nominationId", winner.toString()).param("reason", "有疑问")).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from objection where campaign_id = ?", Integer.class,
                campaign.getId())).isZero();
        assertThat(fixture.driver.tasks(launched.instance(), "investigateObjection")).isEmpty();
        fixture.runtime.deleteProcessInstance(launched.instance().getId(), "test finished");
    }

    // ------------------------------------------------------------------------------ helpers

    private ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(remote()));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor remote() {
        return r -> {
            r.setRemoteAddr(ip);
            return r;
        };
    }

    /** The status and the message, shown on the page. */
    private static ResultActions expect(ResultActions answer, int status, String message) throws Exception {
        return answer.andExpect(status().is(status)).andExpect(content().string(containsString(message)));
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder nominate(String base,
            Employee me, String code, String reason) {
        return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart(base)
                .param("employeeNumber", me.getEmployeeNumber()).param("code", code)
                .param("awardCode", "service-star").param("reason", reason);
    }

    /** A recommendation form; {@code changes} are name/value pairs replacing the defaults. */
    private MockHttpServletRequestBuilder recommend(String path, Employee staff, String serviceCase, String... changes) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("customerName", "刘先生");
        form.put("customerEmail", "liu@customer.example.com");
        form.put("department", staff.getDepartment());
        form.put("employeeName", staff.getName());
        form.put("awardCode", "service-star");
        form.put("serviceCase", serviceCase);
        form.put("reason", "耐心专业");
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path);
        form.forEach(request::param);
        return request;
    }

    private String requestCode(String base, Employee me) throws Exception {
        int before = fixture.received(me.getEmail());
        send(post(base + "/code").param("employeeNumber", me.getEmployeeNumber())).andExpect(status().isOk())
                .andExpect(content().string(containsString("验证码已发送到 ")));
        return PortalFixture.code(fixture.nextMail(me.getEmail(), before));
    }

    private static MockMultipartFile file(String material, String name, byte[] content) {
        return new MockMultipartFile(NominationPageController.MATERIAL_PREFIX + material, name, null, content);
    }

    private static String wrong(String code) {
        char[] digits = code.toCharArray();
        digits[0] = digits[0] == '9' ? '0' : (char) (digits[0] + 1);
        return new String(digits);
    }

    /** A PDF holding {@code chars} letters in lines of 30 (no white space counted). */
    static byte[] storyPdf(int chars) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream text =
                    new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 10);
                text.newLineAtOffset(40, 750);
                for (int left = chars; left > 0; left -= 30) {
                    text.showText("a".repeat(Math.min(30, left)));
                    text.newLineAtOffset(0, -12);
                }
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void assertNothingStored(Campaign campaign) {
        assertThat(fixture.nominations.findByCampaignIdOrderById(campaign.getId()))
                .filteredOn(n -> !n.getChannel().name().equals("DEPARTMENT")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from material where campaign_id = ?", Integer.class,
                campaign.getId())).isZero();
    }

    private int codes(Campaign campaign) {
        return jdbc.queryForObject("select count(*) from portal_code where campaign_id = ?", Integer.class,
                campaign.getId());
    }

    private int pendingRecommendations(Campaign campaign) {
        return jdbc.queryForObject("select count(*) from portal_recommendation where campaign_id = ?", Integer.class,
                campaign.getId());
    }

    private int votes(Campaign campaign) {
        return jdbc.queryForObject("select count(*) from portal_vote where campaign_id = ?", Integer.class,
                campaign.getId());
    }
}
