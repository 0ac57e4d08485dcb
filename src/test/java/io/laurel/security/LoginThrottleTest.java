package io.laurel.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15.6 and 15.5 over real HTTP: a stranger's wrong passwords from one client (a socket bound to
 * 127.0.0.2) get that client refused, never the account locked; the member logs in from another client.
 */
@LaurelTest
class LoginThrottleTest {

    private static final String ATTACKER = "127.0.0.2";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void a_stranger_with_280_wrong_passwords_is_throttled_and_the_member_still_gets_in() throws Exception {
        int refusedAsWrong = 0;
        int throttled = 0;
        String lastThrottleBody = null;
        for (int i = 0; i < 280; i++) {
            String path = i % 2 == 0 ? "/api/campaigns" : "/engine-rest/task";
            Raw answer = get(ATTACKER, path, "xuli", "guess" + i);
            if (answer.status() == 401) {
                refusedAsWrong++;
            } else if (answer.status() == 429) {
                throttled++;
                lastThrottleBody = answer.body();
            } else {
                throw new AssertionError("unexpected " + answer.status() + " " + answer.body());
            }
        }
        // The default limit: 20 failures within 15 minutes, the rest refused without a password check.
        assertThat(refusedAsWrong).isEqualTo(20);
        assertThat(throttled).isEqualTo(260);
        JsonNode body = json.readTree(lastThrottleBody);
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("message").asText()).contains("登录失败次数过多").contains("账户本身未被锁定");

        // The throttled client is refused even with the right password (no oracle) ...
        assertThat(get(ATTACKER, "/api/campaigns", "xuli", "demo").status()).isEqualTo(429);
        // ... while the member, from their own client, gets in at once: on the API, the engine REST API, Tasklist.
        assertThat(Http.to(port).as("xuli", "demo").get("/api/campaigns").status()).isEqualTo(200);
        assertThat(Http.to(port).as("xuli", "demo").get("/engine-rest/task").status()).isEqualTo(200);
        // Camunda counted no failed attempt against the account beyond the 20, and locked nothing.
        assertThat(get("127.0.0.3", "/api/campaigns", "xuli", "demo").status()).isEqualTo(200);
    }

    @Test
    void the_engine_list_needs_a_login_like_every_other_engine_path() {
        Http.Answer stranger = Http.to(port).get("/engine-rest/engine");
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.body()).doesNotContain("default");
        assertThat(Http.to(port).as("demo", "demo").get("/engine-rest/engine").status()).isEqualTo(200);
    }

    private Raw get(String fromAddress, String path, String user, String password) throws IOException {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + token
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            String body = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
            // Chunked answers: keep the JSON object between the first '{' and the last '}'.
            int open = body.indexOf('{');
            int close = body.lastIndexOf('}');
            return new Raw(status, open >= 0 && close > open ? body.substring(open, close + 1) : body);
        }
    }

    private record Raw(int status, String body) {
    }
}
