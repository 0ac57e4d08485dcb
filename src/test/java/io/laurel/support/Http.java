package io.laurel.support;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * A real HTTP client for tests against the running application (random port). Answers are returned,
 * never thrown, so tests can assert 4xx bodies.
 */
public final class Http {

    /**
     * Threads the JDK clients reuse: left to its defaults, Spring's request factory starts a thread to write
     * each request body, and on 2 cores the client's async steps get a new thread each too (a JFR recording
     * of the P2 benchmark counted ~800 threads started per 500 requests).
     */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-http-client");
        thread.setDaemon(true);
        return thread;
    });

    private final RestClient client;
    private final String authorization;

    private Http(RestClient client, String authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    public static Http to(int port) {
        return new Http(RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(client(), THREADS)).build(), null);
    }

    /** HTTP/1.1: the default, HTTP/2, asks every new plain-HTTP connection to upgrade to h2c first. */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(THREADS).build();
    }

    public Http as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http(client, "Basic " + token);
    }

    public Answer get(String path) {
        return exchange(client.get().uri(path));
    }

    public Answer postJson(String path, String json) {
        return exchange(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json));
    }

    public Answer upload(String path, String fileName, byte[] content) {
        return upload(path, "file", fileName, content);
    }

    /** A multipart upload with one file in the part {@code partName}. */
    public Answer upload(String path, String partName, String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add(partName, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return exchange(client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts));
    }

    public Answer putJson(String path, String json) {
        return exchange(client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json));
    }

    /** The body of a 2xx answer as bytes (spreadsheets); throws on any other status. */
    public byte[] download(String path) {
        var spec = client.get().uri(path);
        if (authorization != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return spec.retrieve().body(byte[].class);
    }

    public Answer request(HttpMethod method, String path) {
        return exchange(client.method(method).uri(path));
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> spec) {
        if (authorization != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return spec.exchange((request, response) -> new Answer(response.getStatusCode().value(),
                StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8), response.getHeaders()), true);
    }

    public record Answer(int status, String body, HttpHeaders headers) {
    }
}
