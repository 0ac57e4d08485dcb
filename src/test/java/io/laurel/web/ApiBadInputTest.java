package io.laurel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.files.FileStoreProperties;
import io.laurel.nomination.MaterialRepository;
import io.laurel.roster.Employee;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15.10 through the API: each bad input is a 4xx with a Chinese reason in the app's error schema,
 * and nothing is stored — no campaign, nomination or material row, no file in the file store.
 */
@LaurelTest
public class ApiBadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SelectionDriver driver;

    @Autowired
    MaterialRepository materials;

    @Autowired
    FileStoreProperties fileStore;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void campaign_dates_outside_2000_to_2099_are_refused() throws Exception {
        long before = count("campaign");
        for (String date : new String[] {"1000-01-01", "+99999-01-01", "1999-12-31", "2100-01-01"}) {
            JsonNode error = refused(hr().postJson("/api/campaigns",
                    "{\"preset\":\"service-star-2025\",\"startsOn\":\"" + date + "\"}"), 400, "startsOn");
            assertThat(error.get("message").asText()).contains("须在 2000-01-01 至 2099-12-31 之间");
        }
        assertThat(count("campaign")).isEqualTo(before);
    }

    @Test
    void overlong_or_disguised_nominator_texts_are_400_and_nothing_is_stored() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        driver.launch(campaign);
        Employee candidate = driver.eligibleStaff(campaign.getId(), "技术支持部").get(0);
        String path = "/api/campaigns/" + campaign.getId() + "/nominations";
        long before = count("nomination");

        JsonNode longName = refused(hr().postJson(path, nomination(candidate, "甲".repeat(100_000), "13900000000")),
                400, "nominatorName");
        assertThat(longName.get("message").asText()).contains("最多 200 个字符,收到 100000 个");
        JsonNode longContact = refused(hr().postJson(path, nomination(candidate, "同事甲", "1".repeat(5_000))), 400,
                "nominatorContact");
        assertThat(longContact.get("message").asText()).contains("最多 200 个字符");
        JsonNode bidi = refused(hr().postJson(path, nomination(candidate, "同事\u202E甲乙", "13900000000")), 400,
                "nominatorName");
        assertThat(bidi.get("message").asText()).contains("文字方向控制字符 U+202E");
        JsonNode isolate = refused(hr().postJson(path, nomination(candidate, "同事\u2066甲\u2069", "13900000000")),
                400, "nominatorName");
        assertThat(isolate.get("message").asText()).contains("U+2066");
        assertThat(count("nomination")).isEqualTo(before);
    }

    @Test
    void materials_are_judged_by_content_and_refused_ones_leave_no_row_and_no_file() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        driver.launch(campaign);
        Employee candidate = driver.eligibleStaff(campaign.getId(), "售后服务部").get(0);
        Http.Answer created = hr().postJson("/api/campaigns/" + campaign.getId() + "/nominations",
                nomination(candidate, "同事甲", "13900000000"));
        long nominationId = json.readTree(created.body()).get("id").asLong();
        String path = "/api/nominations/" + nominationId + "/materials?kind=main-document";
        long files = filesInStore();

        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(refused(hr().upload(path, "主体材料.pdf", exe), 415, "file").get("message").asText())
                .contains("文件内容不是");
        assertThat(refused(hr().upload(path, "主体材料.pdf", pdfWithOpenActionScript()), 415, "file")
                .get("message").asText()).contains("PDF 含有脚本或自动执行的动作");
        String escaped = "%PDF-1.4\n1 0 obj << /Type /Catalog /Names << /J#61vaScript 2 0 R >> >> endobj\n%%EOF\n";
        assertThat(refused(hr().upload(path, "主体材料.pdf", escaped.getBytes(StandardCharsets.ISO_8859_1)), 415,
                "file").get("message").asText()).contains("/JavaScript");
        String launch = "%PDF-1.4\n1 0 obj << /S /Launch /F (calc.exe) >> endobj\n%%EOF\n";
        assertThat(refused(hr().upload(path, "主体材料.pdf", launch.getBytes(StandardCharsets.ISO_8859_1)), 415,
                "file").get("message").asText()).contains("/Launch");
        assertThat(refused(hr().upload(path, "照片\u202Efdp.exe", plainPdf()), 400, "file").get("message").asText())
                .contains("文字方向控制字符 U+202E");

        assertThat(materials.findByNominationIdOrderById(nominationId)).isEmpty();
        assertThat(filesInStore()).isEqualTo(files);
        // The same upload without the script is taken.
        assertThat(hr().upload(path, "售后服务部-" + candidate.getName() + "-服务之星.pdf", plainPdf()).status())
                .isEqualTo(201);
        assertThat(materials.findByNominationIdOrderById(nominationId)).hasSize(1);
    }

    @Test
    void wrong_content_types_and_oversized_uploads_answer_in_chinese_json() throws Exception {
        HttpResponse<String> text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/campaigns"))
                .header("Authorization", basic("zhangmin"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("preset=service-star-2025")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        JsonNode unsupported = json.readTree(text.body());
        assertThat(unsupported.get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(unsupported.get("message").asText()).contains("不支持的请求内容类型");
        assertThat(text.body()).doesNotContain("Unsupported Media Type", "timestamp");

        Http.Answer tooLarge = hr().upload("/api/nominations/1/materials?kind=main-document", "大文件.pdf",
                new byte[61 * 1024 * 1024]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).as("413 headers " + tooLarge.headers()).isNotBlank();
        JsonNode large = json.readTree(tooLarge.body());
        assertThat(large.get("error").asText()).isEqualTo("payload_too_large");
        assertThat(large.get("message").asText()).contains("上传内容过大");
        assertThat(tooLarge.body()).doesNotContain("Payload Too Large", "timestamp");

        Http.Answer nowhere = hr().get("/api/no-such-thing");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.body()).contains("请求的地址不存在").doesNotContain("Not Found", "timestamp");
    }

    private JsonNode refused(Http.Answer answer, int status, String field) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).containsPattern("\\p{IsHan}");
        return error;
    }

    private String nomination(Employee candidate, String nominator, String contact) throws Exception {
        return json.writeValueAsString(java.util.Map.of("channel", "PEER", "awardCode", "service-star",
                "employeeNumber", candidate.getEmployeeNumber(), "nominatorName", nominator,
                "nominatorContact", contact, "reason", "服务标杆"));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private long filesInStore() throws IOException {
        Path root = fileStore.root();
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    private Http hr() {
        return Http.to(port).as("zhangmin", "demo");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static byte[] plainPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Saved by PDFBox 3 with compressed object streams: the script is not visible in the raw bytes. */
    public static byte[] pdfWithOpenActionScript() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
            doc.save(out);
            return out.toByteArray();
        }
    }
}
