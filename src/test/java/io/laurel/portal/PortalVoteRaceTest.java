package io.laurel.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.zaxxer.hikari.HikariDataSource;
import io.laurel.campaign.Campaign;
import io.laurel.roster.Employee;
import io.laurel.nomination.Nomination;
import io.laurel.onlinevote.OnlineVoteCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 15 points 8 and 9, issue 16 item 1 and 3: races on the online vote and on the portal's limits, on
 * the test database (H2; MariaDB in {@link PortalVoteRaceMySqlTest}). Every answer is a 201 or an intended
 * 4xx with a Chinese reason, never a 500; the stored counts equal the vote rows; a limit holds for parallel
 * requests and for two limiters (two "nodes") on one database.
 */
@io.laurel.support.LaurelTest
class PortalVoteRaceTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    PortalFixture fixture;
    @Autowired
    OnlineVoteCounts counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PortalTime time;
    @Autowired
    PortalLimitSettings settings;

    MockMvc mvc;
    final long run = System.nanoTime();
    final AtomicInteger ips = new AtomicInteger();

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void twenty_parallel_votes_by_one_mailbox_under_tag_and_dot_variants_count_once_and_the_rest_answer_409()
            throws Exception {
        List<Nomination> entries = PortalFixture.list();
        Campaign campaign = fixture.essayInVoteWindow(entries);
        String local = "li.na" + run;
        // Three spellings of one Gmail mailbox (Gmail ignores dots and +tags; googlemail.com is gmail.com).
        MockHttpSession[] sessions = {verified(campaign, local + "+vote@gmail.com"),
                verified(campaign, local.replace(".", "") + "@googlemail.com"),
                verified(campaign, "l.i." + local.substring(3) + "+x+y@gmail.com")};
        Long entry = entries.get(0).getId();

        List<MockHttpServletResponse> answers = parallel(20, i -> vote(campaign, entry, sessions[i % 3], nextIp()));

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.getStatus() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatus() == 409).hasSize(19)
                .allSatisfy(a -> assertThat(a.getContentAsString()).contains("每个邮箱每天只能为同一作品投一票"));
        assertThat(jdbc.queryForList("select email from portal_vote where campaign_id = ?", String.class,
                campaign.getId())).containsExactly(local.replace(".", "") + "@gmail.com");
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.PORTAL)).containsExactly(Map.entry(entry, 1L));
    }

    @Test
    void a_burst_of_concurrent_voters_is_counted_exactly() throws Exception {
        List<Nomination> entries = PortalFixture.list();
        Campaign campaign = fixture.essayInVoteWindow(entries);
        int voters = 12;
        List<MockHttpSession> sessions = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            sessions.add(verified(campaign, "burst" + v + "-" + run + "@example.com"));
        }
        // Every voter votes for every entry twice, all at once: 36 votes count, 36 repeats answer 409.
        int perRound = voters * entries.size();
        List<MockHttpServletResponse> answers = parallel(2 * perRound, i -> vote(campaign,
                entries.get(i / voters % entries.size()).getId(), sessions.get(i % voters), nextIp()));

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.getStatus() == 201).hasSize(perRound);
        Map<Long, Long> rows = new HashMap<>();
        jdbc.query("select nomination_id, count(*) from portal_vote where campaign_id = ? group by nomination_id",
                rs -> {
                    rows.put(rs.getLong(1), rs.getLong(2));
                }, campaign.getId());
        assertThat(rows).hasSize(entries.size()).allSatisfy((id, n) -> assertThat(n).isEqualTo((long) voters));
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.PORTAL)).isEqualTo(rows);
        assertThat(counts.totals(campaign.getId())).isEqualTo(rows);
    }

    @Test
    void parallel_guesses_of_a_code_check_at_most_five() throws Exception {
        List<Nomination> entries = PortalFixture.list();
        Campaign campaign = fixture.essayInVoteWindow(entries);
        String email = "guess" + run + "@example.com";
        String base = "/campaigns/" + campaign.getId() + "/vote";
        MockHttpSession session = new MockHttpSession();
        int before = fixture.received(email);
        assertThat(send(post(base + "/code").param("email", email), session, nextIp()).getStatus()).isEqualTo(200);
        String code = PortalFixture.code(fixture.nextMail(email, before));
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        List<MockHttpServletResponse> answers = parallel(10, i -> send(post(base + "/verify").param("email", email)
                .param("code", wrong), new MockHttpSession(), nextIp()));

        assertThat(answers).filteredOn(a -> a.getStatus() == 400).hasSize(OneTimeCodes.MAX_ATTEMPTS)
                .allSatisfy(a -> assertThat(a.getContentAsString()).contains("验证码错误"));
        assertThat(answers).filteredOn(a -> a.getStatus() == 429).hasSize(10 - OneTimeCodes.MAX_ATTEMPTS)
                .allSatisfy(a -> assertThat(a.getContentAsString()).contains("验证码错误次数过多"));
        // The right code after five wrong guesses is refused too: the code is dead.
        assertThat(send(post(base + "/verify").param("email", email).param("code", code), session, nextIp())
                .getStatus()).isEqualTo(429);
    }

    @Test
    void the_recommendation_form_cannot_flood_one_mailbox() throws Exception {
        PortalFixture.Launched launched = fixture.serviceStar();
        Campaign campaign = launched.campaign();
        List<Employee> staff = fixture.driver.eligibleStaff(campaign.getId(), "售后服务部");
        String victim = "victim" + run + "@customer.example.com";
        int before = fixture.received(victim);
        List<Integer> statuses = new ArrayList<>();
        String refusal = null;
        // Seven recommendations to one mailbox, each from another client address (a botnet, or several nodes).
        for (int i = 0; i < 7; i++) {
            Employee employee = staff.get(i % staff.size());
            MockHttpServletRequestBuilder form = post("/campaigns/" + campaign.getId() + "/recommend")
                    .param("customerName", "刘先生").param("customerEmail", victim)
                    .param("department", employee.getDepartment()).param("employeeName", employee.getName())
                    .param("awardCode", "service-star").param("serviceCase", "修好了宽带 " + i).param("reason", "耐心专业");
            MockHttpServletResponse answer = send(form, new MockHttpSession(), nextIp());
            statuses.add(answer.getStatus());
            if (answer.getStatus() == 429) {
                refusal = answer.getContentAsString();
            }
        }
        int limit = settings.mailsPerAddress().count();
        assertThat(statuses.subList(0, limit)).containsOnly(200);
        assertThat(statuses.subList(limit, 7)).containsOnly(429);
        assertThat(refusal).contains("该邮箱收到的邮件过多:同一邮箱 1 小时内最多收到 " + limit + " 封验证邮件");
        fixture.nextMail(victim, before + limit - 1);
        Thread.sleep(500);
        assertThat(fixture.received(victim) - before).isEqualTo(limit);
        assertThat(jdbc.queryForObject("select count(*) from portal_recommendation where campaign_id = ?",
                Integer.class, campaign.getId())).isEqualTo(limit);
        fixture.runtime.deleteProcessInstance(launched.instance().getId(), "test finished");
    }

    @Test
    void two_nodes_on_one_database_share_one_vote_limit_under_parallel_requests() throws Exception {
        // A second node: its own connection pool and its own limiter, only the database in common.
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (HikariDataSource other = new HikariDataSource()) {
            other.setJdbcUrl(pool.getJdbcUrl());
            other.setUsername(pool.getUsername());
            other.setPassword(pool.getPassword());
            other.setTransactionIsolation(pool.getTransactionIsolation());
            other.setMaximumPoolSize(4);
            PortalLimits nodeA = context.getBean(PortalLimits.class);
            PortalLimits nodeB = new PortalLimits(new PortalLimitStore(other, new JdbcTemplate(other), time), settings);
            long campaignId = -run; // buckets are keyed by campaign; no real campaign needed
            String ip = "198.51.100.7";
            int limit = settings.votesPerIp().count();
            List<String> outcomes = parallel(limit + 20, i -> {
                try {
                    (i % 2 == 0 ? nodeA : nodeB).vote(campaignId, ip);
                    return "allowed";
                } catch (io.laurel.web.ApiException e) {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.getMessage()).contains("投票过于频繁");
                    return "refused";
                }
            });
            assertThat(outcomes).filteredOn("allowed"::equals).hasSize(limit);
            assertThat(outcomes).filteredOn("refused"::equals).hasSize(20);
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private String nextIp() {
        int n = ips.incrementAndGet();
        return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    /** A session whose voter proved {@code email} with the mailed code. */
    private MockHttpSession verified(Campaign campaign, String email) throws Exception {
        String base = "/campaigns/" + campaign.getId() + "/vote";
        MockHttpSession session = new MockHttpSession();
        String mailbox = email.toLowerCase();
        int before = fixture.received(mailbox);
        assertThat(send(post(base + "/code").param("email", email), session, nextIp()).getStatus()).isEqualTo(200);
        String code = PortalFixture.code(fixture.nextMail(mailbox, before));
        MockHttpServletResponse answer = send(post(base + "/verify").param("email", email).param("code", code),
                session, nextIp());
        assertThat(answer.getContentAsString()).contains("邮箱已验证");
        return session;
    }

    private MockHttpServletResponse vote(Campaign campaign, Long entry, MockHttpSession session, String ip)
            throws Exception {
        return send(post("/campaigns/" + campaign.getId() + "/vote/" + entry).accept(MediaType.APPLICATION_JSON),
                session, ip);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, MockHttpSession session, String ip)
            throws Exception {
        return mvc.perform(request.session(session).with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andReturn().getResponse();
    }

    private interface Task<T> {
        T run(int i) throws Exception;
    }

    /** Runs n tasks at once (all threads released together) and answers their results in task order. */
    private static <T> List<T> parallel(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
