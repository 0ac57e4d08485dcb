package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import io.laurel.intake.archive.UnpackedEntry;
import io.laurel.intake.validation.Assessment;
import io.laurel.intake.validation.FileKind;
import io.laurel.intake.validation.Finding;
import io.laurel.intake.validation.MediaInspector;
import io.laurel.intake.validation.PackageInspector;
import io.laurel.support.LaurelTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The thresholds of the seeds, at and around their edges, on the real presets, DMN and file store: the
 * 2019 video (≥ 1280×720 on the long/short side, 1–3 min, ≤ 50 MB, landscape or portrait), the 3 MB
 * photo, and the 2018 article length (800–1200 characters, read from the Word and from the PDF).
 */
@LaurelTest
class MediaThresholdTest {

    static final int THREE_MB = 3 * 1024 * 1024; // 3,145,728 bytes
    static final int FIFTY_MB = 50 * 1024 * 1024; // 52,428,800 bytes
    static final String UNIT = PackageZip.UNIT;

    @Autowired
    PackageInspector inspector;
    @Autowired
    PresetCatalog presets;
    @Autowired
    FileStore files;

    final MediaInspector media = new MediaInspector();

    // ------------------------------------------------------------------ 2019 video

    @ParameterizedTest(name = "{0}×{1}, {2} s: accepted")
    @CsvSource({"1280, 720, 120", "720, 1280, 120", "1920, 1080, 120", "1080, 1920, 120", "1280, 720, 60",
            "1280, 720, 180", "3840, 2160, 90"})
    void videos_at_or_above_720p_of_one_to_three_minutes_pass(int width, int height, int seconds) {
        Assessment a = inspect2019(TestMedia.mp4(width, height, seconds, 4096), TestMedia.jpeg(THREE_MB));
        assertThat(a.problems()).isEmpty();
        assertThat(a.decisions()).isEmpty();
        assertThat(a.validApplicants()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}×{1}: refused")
    @CsvSource({"640, 360", "360, 640", "1279, 720", "720, 1279", "1280, 719", "719, 1280", "1024, 768"})
    void videos_below_720p_in_either_orientation_are_refused_with_their_resolution(int width, int height) {
        Assessment a = inspect2019(TestMedia.mp4(width, height, 120, 4096), TestMedia.jpeg(THREE_MB));
        assertThat(lines(a)).singleElement().asString().contains("申报人 张三：参选视频")
                .contains("分辨率为 " + width + "×" + height + "，要求 1280×720（720P）及以上（竖版 720×1280 及以上）");
        assertThat(a.validApplicants()).isEmpty();
    }

    @ParameterizedTest(name = "{0} s: refused")
    @CsvSource({"59, 0 分 59 秒", "181, 3 分 1 秒", "300, 5 分 0 秒"})
    void videos_shorter_than_one_or_longer_than_three_minutes_are_refused(int seconds, String shown) {
        Assessment a = inspect2019(TestMedia.mp4(1920, 1080, seconds, 4096), TestMedia.jpeg(THREE_MB));
        assertThat(lines(a)).singleElement().asString().contains("时长为 " + shown + "，要求 1–3 分钟");
    }

    @Test
    void a_video_of_exactly_50_mb_passes_and_one_byte_more_is_refused() {
        assertThat(inspect2019(mp4OfSize(FIFTY_MB), TestMedia.jpeg(THREE_MB)).problems()).isEmpty();

        Assessment over = inspect2019(mp4OfSize(FIFTY_MB + 1), TestMedia.jpeg(THREE_MB));
        assertThat(lines(over)).singleElement().asString().contains("超过 50 MB 的上限")
                // the size shown must differ from the limit the unit is told about
                .doesNotContain("大小为 50 MB");
    }

    // ------------------------------------------------------------------ photo

    @Test
    void a_photo_of_2_9_mb_or_one_byte_under_3_mb_is_refused_and_exactly_3_mb_passes() {
        assertThat(lines(inspect2019(goodVideo(), TestMedia.jpeg((int) (2.9 * 1024 * 1024))))).singleElement()
                .asString().contains("职业照“张三职业照.jpg”大小为 2.9 MB，要求不小于 3 MB");

        List<String> oneByteShort = lines(inspect2019(goodVideo(), TestMedia.jpeg(THREE_MB - 1)));
        assertThat(oneByteShort).singleElement().asString().contains("要求不小于 3 MB")
                .doesNotContain("大小为 3 MB").contains("3,145,727 字节");

        Assessment exactly = inspect2019(goodVideo(), TestMedia.jpeg(THREE_MB));
        assertThat(exactly.problems()).isEmpty();
        assertThat(exactly.validApplicants()).hasSize(1);
    }

    // ------------------------------------------------------------------ 2018 article

    @Test
    void the_generated_articles_read_back_to_their_exact_length() throws Exception {
        for (int n : new int[] {799, 800, 1200, 1201}) {
            assertThat(media.textLength(new ByteArrayInputStream(ChineseArticles.docx(n)), FileKind.DOCX)).isEqualTo(n);
            assertThat(media.textLength(new ByteArrayInputStream(ChineseArticles.pdf(n)), FileKind.PDF)).isEqualTo(n);
        }
    }

    @ParameterizedTest(name = "Word {0} / PDF {1} characters")
    @CsvSource({"800, 800", "1200, 1200", "1000, 1000"})
    void articles_of_800_to_1200_characters_pass(int wordChars, int pdfChars) {
        Assessment a = inspect2018(ChineseArticles.docx(wordChars), ChineseArticles.pdf(pdfChars));
        assertThat(a.problems()).isEmpty();
        assertThat(a.validApplicants()).hasSize(1);
    }

    @ParameterizedTest(name = "Word {0} / PDF {1} characters: {2}")
    @CsvSource({
            "799, 800, 文章（Word版）“文章.docx”共 799 字",
            "1201, 1200, 文章（Word版）“文章.docx”共 1201 字",
            "800, 799, 文章（PDF版）“文章.pdf”共 799 字",
            "1200, 1201, 文章（PDF版）“文章.pdf”共 1201 字"})
    void articles_of_799_or_1201_characters_are_registered_with_one_nonconformity_whichever_version_is_off(
            int wordChars, int pdfChars, String expected) {
        // Seed 001 规范性: a nonconformity costs 1 point; it does not refuse the entry
        Assessment a = inspect2018(ChineseArticles.docx(wordChars), ChineseArticles.pdf(pdfChars));
        assertThat(lines(a)).isEmpty();
        assertThat(a.validApplicants()).singleElement().satisfies(entry -> assertThat(entry.nonconformities())
                .singleElement().extracting(Finding::line).asString()
                .contains("申报人 王芳：" + expected + "，要求 800–1200 字"));
    }

    @Test
    void an_article_too_short_in_both_versions_is_one_nonconformity_naming_both() {
        Assessment a = inspect2018(ChineseArticles.docx(700), ChineseArticles.pdf(700));
        assertThat(lines(a)).isEmpty();
        assertThat(a.validApplicants().get(0).nonconformities()).singleElement().extracting(Finding::problem)
                .asString().contains("“文章.docx”共 700 字").contains("“文章.pdf”共 700 字");
    }

    // ------------------------------------------------------------------ packages

    /** A most-beautiful-cs-2019 package with one applicant whose video and photo are given. */
    private Assessment inspect2019(byte[] video, byte[] photo) {
        String root = UNIT + "+2019年度最美客服人申报资料/";
        String folder = root + "2019年度精英客服奖+" + UNIT + "+张三/";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(root + "推荐单位资料汇总表.xlsx", TestMedia.summaryXlsx(UNIT, "李星云", "020-62902129",
                "contact@yunqu.example", new String[][] {{"张三", "客服专员", "13800000001", "z@x.example",
                        "2019年度精英客服奖"}}));
        entries.put(root + "营业执照.jpg", TestMedia.jpeg(200 * 1024));
        entries.put(folder + "张三参选视频.mp4", video);
        entries.put(folder + "张三职业照.jpg", photo);
        entries.put(folder + "活动申报表（盖章）.pdf", TestMedia.pdf());
        entries.put(folder + "活动申报表.docx", TestMedia.docx("申报表"));
        return inspect("most-beautiful-cs-2019", root, entries);
    }

    /**
     * A cs-essay-2018 package: one entry (photo + article as Word and PDF) with its recommendation letter,
     * also a PDF, placed before the article as a Windows zip tool lists it.
     */
    private Assessment inspect2018(byte[] articleDocx, byte[] articlePdf) {
        String root = UNIT + "+2018年度最美客服人征文大赛申报资料/";
        String folder = root + "有你世界变更美+" + UNIT + "+王芳/";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(root + "推荐单位资料汇总表.xlsx", TestMedia.summaryXlsx(UNIT, "李星云", "020-62902129",
                "contact@yunqu.example", new String[][] {{"王芳", "客服专员", "13800000009", "w@x.example",
                        "有你世界变更美"}}));
        entries.put(folder + "单位推荐函.pdf", TestMedia.pdf());
        entries.put(folder + "单位推荐函.docx", TestMedia.docx("兹推荐王芳参加征文大赛。"));
        entries.put(folder + "工作照片.jpg", TestMedia.jpeg(THREE_MB));
        entries.put(folder + "文章.docx", articleDocx);
        entries.put(folder + "文章.pdf", articlePdf);
        return inspect("cs-essay-2018", root, entries);
    }

    private Assessment inspect(String presetKey, String root, Map<String, byte[]> content) {
        Preset preset = presets.find(presetKey).orElseThrow();
        List<UnpackedEntry> entries = new ArrayList<>();
        content.forEach((path, bytes) -> {
            StoredFile stored = files.store(bytes);
            entries.add(new UnpackedEntry(path, stored.sizeBytes(), stored.sha256(), stored.location()));
        });
        return inspector.inspect(preset, entries, root.substring(0, root.length() - 1) + ".zip", "请查收");
    }

    private static List<String> lines(Assessment a) {
        assertThat(a.decisions()).isEmpty();
        return a.problems().stream().map(Finding::line).toList();
    }

    private static byte[] goodVideo() {
        return TestMedia.mp4(1920, 1080, 120, 4096);
    }

    /** A 1080p, 2-minute MP4 of exactly {@code size} bytes. */
    private static byte[] mp4OfSize(int size) {
        int container = TestMedia.mp4(1920, 1080, 120, 0).length;
        byte[] video = TestMedia.mp4(1920, 1080, 120, size - container);
        assertThat(video).hasSize(size);
        return video;
    }
}
