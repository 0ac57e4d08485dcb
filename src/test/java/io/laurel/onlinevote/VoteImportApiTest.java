package io.laurel.onlinevote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.files.FileStore;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/campaigns/{id}/votes/import} over real HTTP: good rows, bad rows, bad files, who may call it. */
@LaurelTest
class VoteImportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UnitRepository units;
    @Autowired
    NominationRepository nominations;
    @Autowired
    OnlineVoteCounts counts;
    @Autowired
    FileStore files;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    Campaign campaign;
    Nomination zhang;
    Nomination li;
    Nomination wang;

    @BeforeEach
    void campaignWithEntries() {
        campaign = campaigns.createFromPreset("cs-essay-2018", LocalDate.of(2018, 9, 1), "test");
        Unit a = units.save(new Unit(campaign.getId(), "广州云趣信息科技有限公司", null, null, null));
        Unit b = units.save(new Unit(campaign.getId(), "中国电信广州分公司", null, null, null));
        zhang = entry("张三", a);
        li = entry("李四", a);
        wang = entry("王五", b);
        entry("陈晨", a);
        entry("陈晨", b);
    }

    private Nomination entry(String name, Unit unit) {
        Nomination n = new Nomination(campaign.getId(), "entry", name, NominationChannel.UNIT, unit.getName(), null,
                null, Instant.parse("2018-11-01T00:00:00Z"));
        n.fromUnit(unit.getId());
        n.changeStatus(NominationStatus.ELIGIBLE);
        return nominations.save(n);
    }

    private Http.Answer upload(String user, String fileName, byte[] content) {
        return Http.to(port).as(user, "demo").upload("/api/campaigns/" + campaign.getId() + "/votes/import", fileName,
                content);
    }

    @Test
    void goodRowsCountAndEveryBadRowIsRejectedWithItsRowNumberAndReason() throws Exception {
        String csv = """
                参赛人员,参赛单位,票数,备注
                张三,广州云趣信息科技有限公司,"1,234",
                李四,广州云趣信息科技有限公司,-5,
                赵六,广州云趣信息科技有限公司,10,
                陈晨,,20,
                王五,中国电信广州分公司,15.5,

                张三,广州云趣信息科技有限公司,99,
                """;

        Http.Answer answer = upload("chenjing", "投票结果.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = json.readTree(answer.body());
        assertThat(report.get("rowsRead").asInt()).isEqualTo(6);
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("ignoredColumns").toString()).contains("备注");
        Map<Integer, String> rejected = new java.util.TreeMap<>();
        report.get("rejected").forEach(r -> rejected.put(r.get("row").asInt(), r.get("reason").asText()));
        assertThat(rejected).containsOnlyKeys(3, 4, 5, 6, 8);
        assertThat(rejected.get(3)).contains("不是非负整数");
        assertThat(rejected.get(4)).contains("本活动没有参赛人员“赵六”");
        assertThat(rejected.get(5)).contains("对应多个参赛作品");
        assertThat(rejected.get(6)).contains("“15.5”不是非负整数");
        assertThat(rejected.get(8)).contains("与第 2 行是同一参赛作品");
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT)).containsExactly(
                Map.entry(zhang.getId(), 1234L));
    }

    @Test
    void gbkFileWithNominationIdsReplacesTheEarlierImport() throws Exception {
        upload("chenjing", "v1.csv", ("提名编号,票数\n" + zhang.getId() + ",7\n" + li.getId() + ",8\n")
                .getBytes(StandardCharsets.UTF_8));
        String csv = "提名编号,得票数\n" + wang.getId() + ",300\n" + li.getId() + ",12\n999999,4\n";

        Http.Answer answer = upload("chenjing", "v2.csv", csv.getBytes(Charset.forName("GBK")));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = json.readTree(answer.body());
        assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(report.get("rejected").get(0).get("reason").asText()).isEqualTo("提名编号 999999 不是本活动的参赛作品");
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT))
                .containsExactlyInAnyOrderEntriesOf(Map.of(wang.getId(), 300L, li.getId(), 12L));
    }

    @Test
    void aFileWithoutVotesColumnIsRefusedButItsOriginalIsKept() throws Exception {
        byte[] content = "参赛人员,参赛单位\n张三,广州云趣信息科技有限公司\n".getBytes(StandardCharsets.UTF_8);

        Http.Answer answer = upload("chenjing", "缺列.csv", content);

        assertThat(answer.status()).isEqualTo(422);
        JsonNode report = json.readTree(answer.body());
        assertThat(report.get("fatal").asText()).contains("缺少“票数”列");
        Map<String, Object> stored = jdbc.queryForMap("select * from vote_import where id = ?",
                report.get("importId").asLong());
        assertThat(value(stored, "fatal")).asString().contains("缺少“票数”列");
        assertThat(value(stored, "file_name")).isEqualTo("缺列.csv");
        assertThat(value(stored, "uploaded_by")).isEqualTo("chenjing");
        try (InputStream in = files.open((String) value(stored, "storage_location"))) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT)).isEmpty();
    }

    @Test
    void unreadableAndEmptyInputGetAChineseAnswer() throws Exception {
        Http.Answer binary = upload("chenjing", "votes.xlsx", new byte[] {(byte) 0x81, 0x30, (byte) 0xFF, 0, 0, 1});
        assertThat(binary.status()).isEqualTo(422);
        assertThat(json.readTree(binary.body()).get("fatal").asText()).containsAnyOf("编码", "格式");

        Http.Answer allBad = upload("chenjing", "v.csv", "提名编号,票数\nabc,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(allBad.status()).isEqualTo(422);
        assertThat(json.readTree(allBad.body()).get("fatal").asText()).contains("没有可导入的有效数据行");
        assertThat(json.readTree(allBad.body()).get("rejected").get(0).get("reason").asText())
                .isEqualTo("提名编号“abc”不是数字");

        Http.Answer noFile = Http.to(port).as("chenjing", "demo").upload(
                "/api/campaigns/" + campaign.getId() + "/votes/import", "other", "v.csv", new byte[] {1});
        assertThat(noFile.status()).isEqualTo(400);
        JsonNode error = json.readTree(noFile.body());
        assertThat(error.get("field").asText()).isEqualTo("file");
        assertThat(error.get("message").asText()).contains("缺少上传文件");

        Http.Answer unknown = Http.to(port).as("chenjing", "demo").upload("/api/campaigns/987654/votes/import",
                "v.csv", "票数\n1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("message").asText()).isEqualTo("活动不存在: 987654");
    }

    @Test
    void onlyStaffMayImportAndOnlyForAssociationCampaigns() throws Exception {
        byte[] csv = ("提名编号,票数\n" + zhang.getId() + ",1\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload("wanglei", "v.csv", csv).status()).isEqualTo(403);
        assertThat(Http.to(port).upload("/api/campaigns/" + campaign.getId() + "/votes/import", "v.csv", csv)
                .status()).isEqualTo(401);

        Campaign company = campaigns.createFromPreset("service-star-2025", LocalDate.of(2025, 1, 31), "test");
        Http.Answer answer = Http.to(port).as("zhangmin", "demo").upload(
                "/api/campaigns/" + company.getId() + "/votes/import", "v.csv", csv);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(json.readTree(answer.body()).get("message").asText()).contains("只有协会活动有网络投票");
    }

    static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }
}
