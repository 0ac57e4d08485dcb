package io.laurel.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds unit packages as ZIPs the way Windows (GBK names, no UTF-8 flag) or modern tools (UTF-8 flag) write them. */
final class PackageZip {

    static final String UNIT = "广州云趣信息科技有限公司";
    static final String ARCHIVE = UNIT + "+2019年度最美客服人申报资料";

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private boolean gbk;
    private String unit = UNIT;

    /** The package of another unit (a unit may register 3 applicants per award across all its mails). */
    PackageZip forUnit(String unitName) {
        this.unit = unitName;
        return this;
    }

    /** The archive's folder and file name: {@code 单位名称+2019年度最美客服人申报资料}. */
    String archive() {
        return unit + "+2019年度最美客服人申报资料";
    }

    static PackageZip gbk() {
        PackageZip zip = new PackageZip();
        zip.gbk = true;
        return zip;
    }

    static PackageZip utf8() {
        return new PackageZip();
    }

    PackageZip put(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** A complete applicant folder for most-beautiful-cs-2019 (1080p 2-minute MP4, 3 MB photo, PDF and Word form). */
    PackageZip applicant(String award, String name) {
        String folder = archive() + "/2019年度" + award + "+" + unit + "+" + name + "/";
        put(folder + name + "参选视频.mp4", TestMedia.mp4(1920, 1080, 120, 4096));
        put(folder + name + "职业照.jpg", TestMedia.jpeg(3 * 1024 * 1024));
        put(folder + "活动申报表（盖章）.pdf", TestMedia.pdf());
        put(folder + "活动申报表.docx", TestMedia.docx("申报表 " + name));
        return this;
    }

    PackageZip unitFiles(String[][] rows) {
        put(archive() + "/推荐单位资料汇总表.xlsx",
                TestMedia.summaryXlsx(unit, "李星云", "020-62902129", "contact@yunqu.example", rows));
        put(archive() + "/营业执照.jpg", TestMedia.jpeg(200 * 1024));
        return this;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            if (gbk) {
                zip.setEncoding("GBK");
                zip.setUseLanguageEncodingFlag(false);
            } else {
                zip.setEncoding(StandardCharsets.UTF_8.name());
                zip.setUseLanguageEncodingFlag(true);
            }
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.getKey());
                zip.putArchiveEntry(entry);
                zip.write(file.getValue());
                zip.closeArchiveEntry();
            }
            zip.finish();
            zip.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
