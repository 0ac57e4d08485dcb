package io.laurel.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's and the staff console's pages are framed by their layout (portal/layout.html, staff/layout.html),
 * both built on the fragments of common.html: each page has the skip link, its site's title, brand and footer, and
 * the staff pages their stylesheet and, once signed in, the navigation.
 */
@LaurelTest
class SiteLayoutTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void a_portal_page_has_the_portal_frame() {
        Http.Answer page = Http.to(port).get("/campaigns");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .containsPattern("<title>[^<]+ - Laurel 评优评选</title>")
                .contains("href=\"/portal/portal.css\"").doesNotContain("console.css")
                .contains("<a class=\"skip\" href=\"#main\">跳到正文</a>")
                .contains("<a class=\"brand\" href=\"/campaigns\">Laurel 评优评选</a>")
                .contains("评选工作组联系方式:人力资源部 / 协会秘书处。")
                .doesNotContain("th:replace", "th:fragment", "主导航");
    }

    @Test
    void a_staff_page_has_the_console_frame_and_the_navigation_once_signed_in() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
        String login = get(client, "/staff/login");
        assertThat(login).containsPattern("<title>[^<]+ - Laurel 工作台</title>")
                .contains("href=\"/portal/portal.css\"", "href=\"/staff/assets/console.css\"")
                .contains("<a class=\"brand\" href=\"/staff\">Laurel 工作台</a>")
                .contains("工作台面向人力资源部、协会秘书处和系统管理员")
                .doesNotContain("主导航");

        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String form = "username=chenjing&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String home = get(client, "/staff");
        assertThat(home).contains("<nav aria-label=\"主导航\">", "<span id=\"current-user\" title=\"chenjing\">陈静 协会秘书处秘书</span>", "退出登录")
                .contains("href=\"/camunda/app/tasklist/\"")
                .contains("<a class=\"skip\" href=\"#main\">跳到正文</a>")
                .doesNotContain("th:replace", "th:fragment");
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
