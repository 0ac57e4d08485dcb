package io.laurel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.support.LaurelTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Camunda web apps' own login, as the browser does it (session cookie + XSRF token). */
@LaurelTest
class TasklistLoginTest {

    @LocalServerPort
    int port;

    @Test
    void hr_officer_logs_into_tasklist() throws Exception {
        HttpResponse<String> login = login("zhangmin", "demo", "tasklist");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"zhangmin\"").contains("tasklist");
    }

    @Test
    void committee_member_gets_no_cockpit() throws Exception {
        assertThat(login("majun", "demo", "cockpit").statusCode()).isEqualTo(403);
    }

    @Test
    void wrong_password_is_refused() throws Exception {
        // A user no other test logs in as: Camunda delays the next login after a failed one.
        assertThat(login("liqing", "nope", "tasklist").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> login(String user, String password, String app) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
