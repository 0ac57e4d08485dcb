package io.laurel.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.onlinevote.OnlineVoteCounts;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * One address casting many votes with many verified emails (one of them from a throw-away domain): the
 * burst and the disposable domain are recorded for staff, the address is stopped at its limit, and the
 * portal's counts reach scoring through {@link OnlineVoteCounts}.
 */
@LaurelTest
class PortalVoteSignalsTest {

    static final String VOTER_IP = "203.0.113.77";

    @Autowired
    WebApplicationContext context;

    @Autowired
    PortalFixture fixture;

    @Autowired
    OnlineVoteCounts counts;

    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_burst_from_one_address_and_a_disposable_domain_are_recorded_and_the_address_is_stopped_at_its_limit()
            throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        List<Nomination> entries = PortalFixture.list();
        Campaign campaign = fixture.essayInVoteWindow(entries);
        String base = "/campaigns/" + campaign.getId() + "/vote";
        long run = System.nanoTime();

        int cast = 0;
        String refused = null;
        // 11 voters × 3 entries = 33 attempts from one address; the limit is 30 per 10 minutes.
        for (int voter = 0; voter < 11; voter++) {
            String email = voter == 0 ? "throwaway" + run + "@mailinator.com" : "v" + voter + "-" + run + "@example.com";
            MockHttpSession session = new MockHttpSession();
            // Codes are asked for from several addresses (5 per address), votes come from one.
            String codeIp = "203.0.113." + (100 + voter / 4);
            int before = fixture.received(email);
            mvc.perform(from(post(base + "/code").param("email", email), session, codeIp)).andExpect(status().isOk());
            String code = PortalFixture.code(fixture.nextMail(email, before));
            mvc.perform(from(post(base + "/verify").param("email", email).param("code", code), session, VOTER_IP))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("邮箱已验证")));
            for (Nomination entry : entries) {
                var answer = mvc.perform(from(post(base + "/" + entry.getId()), session, VOTER_IP)).andReturn();
                if (answer.getResponse().getStatus() == 302) {
                    cast++;
                } else {
                    assertThat(answer.getResponse().getStatus()).isEqualTo(429);
                    refused = answer.getResponse().getContentAsString();
                }
            }
        }
        assertThat(cast).isEqualTo(PortalLimitSettings.VOTES_PER_IP);
        assertThat(refused).contains("投票过于频繁:同一网络地址 10 分钟内最多 30 票");

        Http.Answer answer = Http.to(port).as("chenjing", "demo").get("/api/campaigns/" + campaign.getId()
                + "/votes/signals");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode signals = new ObjectMapper().readTree(answer.body());
        Map<String, List<JsonNode>> byKind = new ArrayList<JsonNode>() {
            {
                signals.forEach(this::add);
            }
        }.stream().collect(Collectors.groupingBy(s -> s.get("kind").asText()));
        assertThat(byKind.get("DISPOSABLE_EMAIL")).hasSize(3).allSatisfy(s -> {
            assertThat(s.get("email").asText()).endsWith("@mailinator.com");
            assertThat(s.get("detail").asText()).isEqualTo("一次性邮箱域名 mailinator.com");
        });
        assertThat(byKind.get("BURST")).as("one burst per address and window").singleElement().satisfies(s -> {
            assertThat(s.get("clientIp").asText()).isEqualTo(VOTER_IP);
            assertThat(s.get("detail").asText()).isEqualTo("10 分钟内同一地址投出 10 票(4 个邮箱)");
        });

        // Every counted vote is in the tally scoring reads: 10 per entry.
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.PORTAL)).isEqualTo(entries.stream()
                .collect(Collectors.toMap(Nomination::getId, n -> 10L)));
    }

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, MockHttpSession session,
            String ip) {
        return request.session(session).with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }
}
