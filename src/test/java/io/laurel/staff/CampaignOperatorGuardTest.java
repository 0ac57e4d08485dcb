package io.laurel.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * HR and association staff share the console and the API's write access; each works only on the campaigns of
 * its own kind: the console lists, opens and acts on those alone, and the API refuses changes to the others.
 */
@LaurelTest
class CampaignOperatorGuardTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    SelectionDriver driver;

    @Autowired
    CampaignService campaigns;

    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void each_kind_of_staff_opens_and_changes_only_its_own_kind_of_campaign() throws Exception {
        Campaign company = driver.campaignWithRoster();
        Campaign essay = campaigns.createFromPreset("cs-essay-2018", SelectionDriver.STARTS_ON, "test");
        HttpClient hr = signedIn("zhangmin");
        HttpClient staff = signedIn("chenjing");

        // The console: one's own campaign opens; the other kind's is listed nowhere and refused with a reason.
        assertThat(page(hr, "/staff").body()).contains(company.getName()).doesNotContain(essay.getName());
        assertThat(page(staff, "/staff").body()).contains(essay.getName()).doesNotContain(company.getName());
        assertThat(page(hr, "/staff/campaigns/" + company.getId()).statusCode()).isEqualTo(200);
        assertThat(page(staff, "/staff/campaigns/" + essay.getId()).statusCode()).isEqualTo(200);
        for (String path : new String[] {"", "/organisation", "/stats.json", "/exports/summary.xlsx"}) {
            HttpResponse<String> refused = page(staff, "/staff/campaigns/" + company.getId() + path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("由人力资源部负责", company.getName());
        }
        HttpResponse<String> refused = page(hr, "/staff/campaigns/" + essay.getId() + "/organisation");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("由协会秘书处负责");
        // Nor can a campaign of the other kind be created from the console.
        assertThat(page(hr, "/staff").body()).contains("service-star-2025").doesNotContain("cs-essay-2018");

        // The API: changes to the other kind's campaign are refused before anything happens.
        Http.Answer launch = Http.to(port).as("chenjing", "demo").request(HttpMethod.POST,
                "/api/campaigns/" + company.getId() + "/launch");
        assertThat(launch.status()).as(launch.body()).isEqualTo(403);
        assertThat(launch.body()).contains("无权访问", "由人力资源部负责");
        Http.Answer essayLaunch = Http.to(port).as("zhangmin", "demo").request(HttpMethod.POST,
                "/api/campaigns/" + essay.getId() + "/launch");
        assertThat(essayLaunch.status()).as(essayLaunch.body()).isEqualTo(403);
        assertThat(essayLaunch.body()).contains("由协会秘书处负责");
        assertThat(campaigns.get(company.getId()).getStatus()).hasToString("DRAFT");
        assertThat(campaigns.get(essay.getId()).getStatus()).hasToString("DRAFT");
        // Nor created by the other kind's staff through the API.
        Http.Answer created = Http.to(port).as("zhangmin", "demo").postJson("/api/campaigns",
                "{\"preset\":\"cs-essay-2018\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(403);
        assertThat(created.body()).contains("由协会秘书处创建和负责");
        assertThat(Http.to(port).as("chenjing", "demo").postJson("/api/campaigns", "{\"preset\":\"service-star-2025\"}")
                .status()).isEqualTo(403);
        assertThat(Http.to(port).as("chenjing", "demo").postJson("/api/campaigns", "{\"preset\":\"cs-essay-2018\"}")
                .status()).isEqualTo(201);
        // The mailbox is the associations': mails set aside by intake are theirs to read, not HR's.
        Http.Answer setAside = Http.to(port).as("zhangmin", "demo").get("/api/intake/set-aside");
        assertThat(setAside.status()).isEqualTo(403);
        assertThat(setAside.body()).contains("无权");
        assertThat(Http.to(port).as("chenjing", "demo").get("/api/intake/set-aside").status()).isEqualTo(200);
        // The campaign's own operators and the admin get through (the launch itself answers as it would).
        assertThat(Http.to(port).as("demo", "demo").request(HttpMethod.POST, "/api/campaigns/" + essay.getId()
                + "/launch").status()).isNotEqualTo(403);
        assertThat(Http.to(port).as("zhangmin", "demo").request(HttpMethod.POST, "/api/campaigns/" + company.getId()
                + "/launch").status()).isNotEqualTo(403);
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
        Matcher csrf = CSRF.matcher(page(client, "/staff/login").body());
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1),
                StandardCharsets.UTF_8);
        HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/staff/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.body()).as(user + " signed in").contains("退出登录");
        return client;
    }

    private HttpResponse<String> page(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
