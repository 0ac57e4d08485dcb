package io.laurel.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.support.LaurelTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The image's health check (docker/healthcheck.sh) against a running Laurel, with an empty PATH: it succeeds on
 * a healthy application using bash alone, and fails where nothing answers.
 */
@LaurelTest
class HealthCheckScriptTest {

    @LocalServerPort
    int port;

    @Test
    void healthy_application_passes_with_bash_alone() throws Exception {
        assertThat(run(port)).isZero();
    }

    @Test
    void nothing_listening_fails() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(run(closed)).isNotZero();
    }

    @Test
    void an_application_that_is_down_fails() throws Exception {
        // Spring Boot answers 503 with status DOWN when a health indicator fails.
        HttpServer down = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        down.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"DOWN\"}".getBytes();
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        down.start();
        try {
            assertThat(run(down.getAddress().getPort())).isNotZero();
        } finally {
            down.stop(0);
        }
    }

    private static int run(int port) throws IOException, InterruptedException {
        Path script = Path.of("docker/healthcheck.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/nonexistent");
        builder.environment().put("LAUREL_HEALTH_PORT", String.valueOf(port));
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(output).as("no command missing").doesNotContain("command not found");
        return process.exitValue();
    }
}
