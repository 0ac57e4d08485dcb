package io.laurel.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.AwardSubject;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;

@DataJpaTest
@Import(RosterImporter.class)
class RosterImporterTest {

    private static final String REQUIRED = "工号,姓名,部门,岗位组,入职日期,用工性质";
    /** Written out rather than taken from RosterColumn, so a change of the documented column spec fails here. */
    private static final List<String> ALL_COLUMNS = List.of("工号", "姓名", "部门", "岗位组", "入职日期", "用工性质",
            "满意度", "重大投诉(近12个月)", "违规违纪", "邮箱", "手机", "服务量", "解决率", "平均响应时长(分钟)", "技能测试成绩",
            "历史获奖");

    @Autowired
    private RosterImporter importer;

    @Autowired
    private EmployeeRepository employees;

    @Autowired
    private CampaignRepository campaigns;

    @Autowired
    private TestEntityManager entityManager;

    private Long campaignId;

    @BeforeEach
    void createCampaign() {
        Campaign campaign = new Campaign("service-star-2025", "2025 优秀服务之星", CampaignKind.COMPANY,
                "Asia/Shanghai", LocalDate.of(2025, 1, 31), null, "{}", Instant.now(), "test");
        campaign.addAward("service-star", "年度服务之星", AwardSubject.INDIVIDUAL, null, null);
        campaign.addAward("innovation", "“服务创新”奖", AwardSubject.INDIVIDUAL, null, null);
        campaignId = campaigns.save(campaign).getId();
    }

    @Test
    void importsGbkCsvWithChineseHeaders() {
        byte[] gbk = String.join("\r\n",
                "工号,姓名,部门,岗位组,入职日期,用工性质,满意度,重大投诉(近12个月),违规违纪",
                "E0001,张三,客服中心,一线客服,2020-03-15,正式,95.5,0,0",
                "E0002,李四,售后服务部,一线客服,2024/9/1,试用期,88,,1").getBytes(Charset.forName("GBK"));

        RosterImportReport report = importer.importRoster(campaignId, "花名册.csv", gbk);

        assertThat(report.fatal()).isNull();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.imported()).isEqualTo(2);
        Map<String, Employee> stored = reload();
        Employee zhang = stored.get("E0001");
        assertThat(zhang.getName()).isEqualTo("张三");
        assertThat(zhang.getDepartment()).isEqualTo("客服中心");
        assertThat(zhang.getHireDate()).isEqualTo(LocalDate.of(2020, 3, 15));
        assertThat(zhang.getEmploymentType()).isEqualTo(EmploymentType.FORMAL);
        assertThat(zhang.getSatisfactionScore()).isEqualByComparingTo("95.5");
        Employee li = stored.get("E0002");
        assertThat(li.getDepartment()).isEqualTo("售后服务部");
        assertThat(li.getHireDate()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(li.getEmploymentType()).isEqualTo(EmploymentType.PROBATION);
        assertThat(li.getMajorComplaints12m()).isZero();
        assertThat(li.getViolations()).isEqualTo(1);
    }

    @Test
    void importsUtf8CsvWithBomEnglishHeadersInAnyOrder() {
        byte[] utf8 = ("\uFEFF" + String.join("\n",
                "name,employeeNumber,hireDate,department,employmentType,positionGroup,email,mobile,satisfactionScore",
                "王五,E1001,2019-05-20,技术支持部,FORMAL,技术支持,wangwu@staff.laurel.local,13800138000,97.25",
                "\"欧阳, 晓\",E1002,2023/1/5,国际业务部,probation,一线客服,,,"))
                .getBytes(StandardCharsets.UTF_8);

        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8);

        assertThat(report.fatal()).isNull();
        assertThat(report.imported()).isEqualTo(2);
        Map<String, Employee> stored = reload();
        Employee wang = stored.get("E1001");
        assertThat(wang.getName()).isEqualTo("王五");
        assertThat(wang.getPositionGroup()).isEqualTo("技术支持");
        assertThat(wang.getEmail()).isEqualTo("wangwu@staff.laurel.local");
        assertThat(wang.getMobile()).isEqualTo("13800138000");
        assertThat(wang.getSatisfactionScore()).isEqualByComparingTo("97.25");
        Employee ouyang = stored.get("E1002");
        assertThat(ouyang.getName()).isEqualTo("欧阳, 晓");
        assertThat(ouyang.getEmploymentType()).isEqualTo(EmploymentType.PROBATION);
        assertThat(ouyang.getEmail()).isNull();
        assertThat(ouyang.getSatisfactionScore()).isNull();
    }

    @Test
    void importsExcelUnicodeTextExport() {
        // Excel's "Unicode text" is UTF-16LE with a BOM and tab-separated.
        byte[] utf16 = ("\uFEFF" + String.join("\r\n",
                "工号\t姓名\t部门\t岗位组\t入职日期\t用工性质",
                "E0001\t张三\t客服中心\t一线客服\t2020-03-15\t正式")).getBytes(StandardCharsets.UTF_16LE);

        RosterImportReport report = importer.importRoster(campaignId, "roster.txt", utf16);

        assertThat(report.fatal()).isNull();
        assertThat(reload().get("E0001").getName()).isEqualTo("张三");
    }

    @Test
    void importsXlsxWithDateNumberAndPercentCellsWhateverTheFileName() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("花名册");
            row(sheet, 0, "工号", "姓名", "部门", "岗位组", "入职日期", "用工性质", "满意度", "解决率", "手机");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14); // built-in m/d/yy: shown in the user's locale, stored as a serial number
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            Row first = row(sheet, 1, null, "赵六", "前台接待部", "前台接待", null, "正式");
            first.createCell(0).setCellValue(1001); // numeric employee number
            first.createCell(4).setCellValue(LocalDate.of(2018, 11, 5));
            first.getCell(4).setCellStyle(date);
            first.createCell(6).setCellValue(96.5);
            first.createCell(7).setCellValue(0.925);
            first.getCell(7).setCellStyle(percent);
            first.createCell(8).setCellValue(13800138000d);
            row(sheet, 2, "E1002", "钱七", "销售顾问部", "销售顾问", "2021/7/1", "试用");
            xlsx = bytes(workbook);
        }

        RosterImportReport report = importer.importRoster(campaignId, "花名册.csv", xlsx);

        assertThat(report.fatal()).isNull();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).isEqualTo(2);
        Map<String, Employee> stored = reload();
        Employee zhao = stored.get("1001");
        assertThat(zhao).isNotNull();
        assertThat(zhao.getName()).isEqualTo("赵六");
        assertThat(zhao.getHireDate()).isEqualTo(LocalDate.of(2018, 11, 5));
        assertThat(zhao.getSatisfactionScore()).isEqualByComparingTo("96.5");
        assertThat(zhao.getResolutionRate()).isEqualByComparingTo("92.5");
        assertThat(zhao.getMobile()).isEqualTo("13800138000");
        Employee qian = stored.get("E1002");
        assertThat(qian.getHireDate()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(qian.getEmploymentType()).isEqualTo(EmploymentType.PROBATION);
    }

    @Test
    void missingRequiredColumnIsFatalNamesTheColumnAndStoresNothing() {
        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8(
                "工号,姓名,部门,岗位组,用工性质",
                "E0001,张三,客服中心,一线客服,正式"));

        assertThat(report.fatal()).contains("入职日期");
        assertThat(report.imported()).isZero();
        assertThat(reload()).isEmpty();
    }

    @Test
    void badRowsAreRejectedWithRowNumberAndReasonWhileTheOthersAreImported() {
        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED + ",满意度,重大投诉(近12个月)",
                "E0001,张三,客服中心,一线客服,2020-03-15,正式,90,0",
                "E0002,李四,客服中心,一线客服,2023-02-30,正式,90,0",
                "E0003,王五,客服中心,一线客服,2020-03-15,实习,90,0",
                "E0004,赵六,客服中心,一线客服,2020-03-15,正式,120,0",
                "E0005,钱七,客服中心,一线客服,2020-03-15,正式,90,-1",
                "E0006,,客服中心,一线客服,2020-03-15,正式,90,0",
                "E0007,孙八,客服中心,一线客服,2020/3/15,正式,90,0"));

        assertThat(report.fatal()).isNull();
        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).extracting(RosterImportReport.Rejection::row).containsExactly(3, 4, 5, 6, 7);
        assertThat(report.rejected()).extracting(RosterImportReport.Rejection::employeeNumber)
                .containsExactly("E0002", "E0003", "E0004", "E0005", "E0006");
        assertThat(report.rejected().get(0).reason()).contains("入职日期", "2023-02-30");
        assertThat(report.rejected().get(1).reason()).contains("用工性质", "实习");
        assertThat(report.rejected().get(2).reason()).contains("满意度", "120");
        assertThat(report.rejected().get(3).reason()).contains("重大投诉", "负数");
        assertThat(report.rejected().get(4).reason()).contains("缺少姓名");
        assertThat(reload()).containsOnlyKeys("E0001", "E0007");
    }

    @Test
    void rowNumbersAreTheOnesExcelShowsEvenWithATitleRowAndBlankLines() {
        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8(
                "2025 年度员工花名册,,,,,",
                REQUIRED,
                "E0001,张三,客服中心,一线客服,2020-03-15,正式",
                "",
                "E0002,李四,客服中心,一线客服,2020-13-01,正式"));

        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.row()).isEqualTo(5));
    }

    @Test
    void duplicateEmployeeNumberInTheFileRejectsTheLaterRow() {
        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED,
                "E0001,张三,客服中心,一线客服,2020-03-15,正式",
                "E0002,李四,客服中心,一线客服,2020-03-15,正式",
                "e0001,张三丰,客服中心,一线客服,2020-03-15,正式"));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(4);
            assertThat(r.employeeNumber()).isEqualTo("e0001");
            assertThat(r.reason()).contains("第 2 行");
        });
        assertThat(reload().get("E0001").getName()).isEqualTo("张三");
    }

    @Test
    void fileWithoutImportableContentIsFatal() {
        assertThat(importer.importRoster(campaignId, "roster.csv", new byte[0]).fatal()).contains("文件为空");
        assertThat(importer.importRoster(campaignId, "roster.csv", utf8("", " , ,", "")).fatal()).contains("文件为空");
        assertThat(importer.importRoster(campaignId, "roster.csv", utf8(REQUIRED)).fatal()).contains("没有数据行");
        assertThat(importer.importRoster(campaignId, "roster.csv", utf8("a,b,c", "1,2,3")).fatal()).contains("表头");
        assertThat(importer.importRoster(campaignId, "roster.csv", utf8(REQUIRED + ",name",
                "E0001,张三,客服中心,一线客服,2020-03-15,正式,张三")).fatal()).contains("不止一次", "姓名");
        assertThat(reload()).isEmpty();
    }

    @Test
    void fileWhereEveryRowIsBadIsFatalAndStillExplainsTheRows() {
        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED,
                "E0001,张三,客服中心,一线客服,昨天,正式"));

        assertThat(report.fatal()).contains("没有可导入");
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("昨天"));
        assertThat(reload()).isEmpty();
    }

    @Test
    void unreadableFilesAreFatal() throws IOException {
        byte[] xls;
        try (Workbook workbook = new HSSFWorkbook()) {
            row(workbook.createSheet(), 0, "工号", "姓名");
            xls = bytes(workbook);
        }
        assertThat(importer.importRoster(campaignId, "roster.xls", xls).fatal()).contains(".xls");

        assertThat(importer.importRoster(campaignId, "roster.xlsx", passwordProtected()).fatal()).contains("密码");

        byte[] brokenZip = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(importer.importRoster(campaignId, "roster.xlsx", brokenZip).fatal()).contains("无法读取 Excel");

        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(importer.importRoster(campaignId, "roster.pdf", pdf).fatal()).contains("无法识别的文件格式");

        assertThat(importer.importRoster(campaignId, "roster.csv", utf8(REQUIRED, "E0001,\"张三,客服中心")).fatal())
                .contains("CSV 格式错误");
        assertThat(reload()).isEmpty();
    }

    @Test
    void moreRowsThanTheLimitIsFatalAndStoresNothing() {
        RosterImporter limited = new RosterImporter(employees, campaigns, 2);

        RosterImportReport report = limited.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED,
                "E0001,张三,客服中心,一线客服,2020-03-15,正式",
                "E0002,李四,客服中心,一线客服,2020-03-15,正式",
                "E0003,王五,客服中心,一线客服,2020-03-15,正式"));

        assertThat(report.fatal()).contains("上限", "2");
        assertThat(reload()).isEmpty();
    }

    @Test
    void reimportUpdatesByEmployeeNumberAddsNewOnesAndKeepsTheRest() {
        importer.importRoster(campaignId, "v1.csv", utf8(
                REQUIRED,
                "E0001,张三,客服中心,一线客服,2020-03-15,正式",
                "E0002,李四,客服中心,一线客服,2021-03-15,正式",
                "E0003,王五,客服中心,一线客服,2022-03-15,试用期"));
        reload();

        RosterImportReport report = importer.importRoster(campaignId, "v2.csv", utf8(
                REQUIRED,
                "E0001,张三,客服中心,一线客服,2020-03-15,正式",
                "E0002,李四,售后服务部,班组长,2021-03-15,正式",
                "E0004,赵六,技术支持部,技术支持,2024-03-15,正式"));

        assertThat(report.updated()).isEqualTo(2);
        assertThat(report.imported()).isEqualTo(1);
        Map<String, Employee> stored = reload();
        assertThat(stored).containsOnlyKeys("E0001", "E0002", "E0003", "E0004");
        assertThat(stored.get("E0002").getDepartment()).isEqualTo("售后服务部");
        assertThat(stored.get("E0002").getPositionGroup()).isEqualTo("班组长");
        assertThat(employees.countByCampaignId(campaignId)).isEqualTo(4);
    }

    @Test
    void pastWinsAreParsedStoredAndCountedAsConsecutiveWins() {
        importer.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED + ",历史获奖",
                "E0001,张三,客服中心,一线客服,2015-03-15,正式,service-star:2022；service-star:2023，service-star:2024",
                "E0002,李四,客服中心,一线客服,2015-03-15,正式,\"service-star:2024;Service-Star:2023, innovation:2022\"",
                "E0003,王五,客服中心,一线客服,2015-03-15,正式,"));

        Map<String, Employee> stored = reload();
        assertThat(stored.get("E0001").getPastWins()).hasSize(3);
        assertThat(stored.get("E0001").consecutiveWins("service-star", 2024)).isEqualTo(3);
        assertThat(stored.get("E0001").consecutiveWins("service-star", 2025)).isZero();
        assertThat(stored.get("E0002").consecutiveWins("service-star", 2024)).isEqualTo(2);
        assertThat(stored.get("E0002").getPastWins()).contains(new AwardWin("innovation", 2022));
        assertThat(stored.get("E0003").getPastWins()).isEmpty();

        // A re-import replaces the wins instead of adding to them.
        importer.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED + ",历史获奖",
                "E0001,张三,客服中心,一线客服,2015-03-15,正式,service-star:2024"));
        assertThat(reload().get("E0001").consecutiveWins("service-star", 2024)).isEqualTo(1);
    }

    @Test
    void pastWinsMayNameTheCampaignsAwardsInChinese() {
        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED + ",历史获奖",
                "E0001,张三,客服中心,一线客服,2015-03-15,正式,年度服务之星:2023；年度服务之星：2024",
                "E0002,李四,客服中心,一线客服,2015-03-15,正式,2024年度服务之星、2022年“服务创新”奖",
                "E0003,王五,客服中心,一线客服,2015-03-15,正式,\"服务创新奖:2024\"",
                "E0004,赵六,客服中心,一线客服,2015-03-15,正式,优秀员工:2024"));

        Map<String, Employee> stored = reload();
        assertThat(stored.get("E0001").getPastWins())
                .containsExactlyInAnyOrder(new AwardWin("service-star", 2023), new AwardWin("service-star", 2024));
        assertThat(stored.get("E0002").getPastWins())
                .containsExactlyInAnyOrder(new AwardWin("service-star", 2024), new AwardWin("innovation", 2022));
        // Quotes do not matter; a name that is not one of the campaign's awards is refused with the names that are.
        assertThat(stored.get("E0003").getPastWins()).containsExactly(new AwardWin("innovation", 2024));
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("历史获奖无法识别：优秀员工:2024", "年度服务之星、“服务创新”奖"));
    }

    @Test
    void badPastWinsRejectTheRow() {
        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED + ",历史获奖",
                "E0001,张三,客服中心,一线客服,2015-03-15,正式,service-star:2024",
                "E0002,李四,客服中心,一线客服,2015-03-15,正式,2023年服务之星"));

        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("历史获奖"));
    }

    @Test
    void unknownHeadersAreReportedAsIgnored() {
        RosterImportReport report = importer.importRoster(campaignId, "roster.csv", utf8(
                REQUIRED + ",满意度评分（%）,备注",
                "E0001,张三,客服中心,一线客服,2015-03-15,正式,98,优秀"));

        assertThat(report.ignoredColumns()).containsExactly("满意度评分（%）", "备注");
    }

    @Test
    void importsTenMegabyteCsv() {
        int rows = 90_000;
        StringBuilder csv = new StringBuilder(rows * 140);
        csv.append(String.join(",", ALL_COLUMNS)).append("\r\n");
        String[] departments = {"客服中心", "售后服务部", "技术支持部", "销售顾问部", "前台接待部", "国际业务部"};
        for (int i = 1; i <= rows; i++) {
            csv.append(String.format(
                    "E%06d,欧阳晓明%d,%s,一线客服,%d-%02d-%02d,%s,%d.%d,%d,0,e%06d@staff.laurel.local,138%08d,%d,95.20,3.50,88.0,%s\r\n",
                    i, i % 100, departments[i % departments.length], 2015 + i % 10, 1 + i % 12, 1 + i % 28,
                    i % 10 == 0 ? "试用期" : "正式", 70 + i % 30, i % 10, i % 50 == 0 ? 1 : 0, i, i, 1000 + i % 2000,
                    i % 97 == 0 ? "service-star:2023;service-star:2024" : ""));
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(content.length).isGreaterThanOrEqualTo(10 * 1024 * 1024);

        RosterImportReport report = importer.importRoster(campaignId, "big.csv", content);

        assertThat(report.fatal()).isNull();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).isEqualTo(rows);
        entityManager.flush();
        entityManager.clear();
        assertThat(employees.countByCampaignId(campaignId)).isEqualTo(rows);
        assertThat(employees.findByCampaignIdAndEmployeeNumber(campaignId, "E000097").orElseThrow()
                .consecutiveWins("service-star", 2024)).isEqualTo(2);
    }

    @Test
    void demoRosterRoundTripsThroughCsv() {
        List<Employee> demo = new DemoRosterGenerator().generate(campaignId, LocalDate.of(2025, 3, 1));
        String csv = RosterCsv.toCsv(demo);

        RosterImportReport report = importer.importRoster(campaignId, "demo.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.fatal()).isNull();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.ignoredColumns()).isEmpty();
        assertThat(report.imported()).isEqualTo(demo.size());
        reload();
        assertThat(RosterCsv.toCsv(employees.findByCampaignIdOrderByEmployeeNumber(campaignId))).isEqualTo(csv);
    }

    /** What Excel saves when the user sets an opening password: an OLE2 container, like an old .xls. */
    private static byte[] passwordProtected() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet(), 0, "工号", "姓名");
            xlsx = bytes(workbook);
        }
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(xlsx);
            }
            ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
            fs.writeFilesystem(encrypted);
            return encrypted.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flushes what the importer left for commit, then reads the roster back from the database. */
    private Map<String, Employee> reload() {
        entityManager.flush();
        entityManager.clear();
        return employees.findByCampaignIdOrderByEmployeeNumber(campaignId).stream()
                .collect(Collectors.toMap(Employee::getEmployeeNumber, Function.identity()));
    }

    private static byte[] utf8(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
