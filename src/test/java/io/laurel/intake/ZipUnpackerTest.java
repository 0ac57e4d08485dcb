package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.files.FileStore;
import io.laurel.files.FileStoreProperties;
import io.laurel.intake.archive.ArchiveLimits;
import io.laurel.intake.archive.UnpackResult;
import io.laurel.intake.archive.UnpackedEntry;
import io.laurel.intake.archive.ZipUnpacker;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archive safety: names in GBK and UTF-8, zip slip, zip bombs, encrypted and damaged archives. */
class ZipUnpackerTest {

    @TempDir
    Path root;
    ZipUnpacker unpacker;

    @BeforeEach
    void setUp() throws Exception {
        Constructor<FileStore> c = FileStore.class.getDeclaredConstructor(FileStoreProperties.class);
        c.setAccessible(true);
        unpacker = new ZipUnpacker(c.newInstance(new FileStoreProperties(root)));
    }

    UnpackResult unpack(byte[] zip) {
        return unpacker.unpack(new ByteArrayInputStream(zip), ArchiveLimits.defaults());
    }

    @Test
    void reads_gbk_names_without_the_utf8_flag_and_utf8_names_with_it() {
        for (PackageZip zip : new PackageZip[] {PackageZip.gbk(), PackageZip.utf8()}) {
            UnpackResult result = unpack(zip.put("单位+申报资料/精英客服奖+单位+张三/职业照.jpg", TestMedia.jpeg(1000)).bytes());
            assertThat(result).isInstanceOf(UnpackResult.Unpacked.class);
            assertThat(((UnpackResult.Unpacked) result).entries()).extracting(UnpackedEntry::path)
                    .containsExactly("单位+申报资料/精英客服奖+单位+张三/职业照.jpg");
        }
    }

    @Test
    void refuses_paths_that_leave_the_folder() {
        assertThat(refusal(PackageZip.utf8().put("../../etc/cron.d/evil", new byte[] {1}).bytes()))
                .isEqualTo(UnpackResult.Reason.ZIP_SLIP);
        assertThat(refusal(PackageZip.utf8().put("a/..\\..\\evil.txt", new byte[] {1}).bytes()))
                .isEqualTo(UnpackResult.Reason.ZIP_SLIP);
        assertThat(refusal(PackageZip.utf8().put("/abs/evil.txt", new byte[] {1}).bytes()))
                .isEqualTo(UnpackResult.Reason.ZIP_SLIP);
    }

    @Test
    void stops_a_zip_bomb_by_its_compression_ratio_before_unpacking_it() {
        byte[] zeros = new byte[200 * 1024 * 1024];
        byte[] bomb = PackageZip.utf8().put("zeros.bin", zeros).bytes();
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refusal(bomb)).isEqualTo(UnpackResult.Reason.ZIP_BOMB);
    }

    @Test
    void stops_too_many_entries() {
        PackageZip many = PackageZip.utf8();
        for (int i = 0; i < 2001; i++) {
            many.put("f" + i + ".txt", new byte[] {(byte) i});
        }
        assertThat(refusal(many.bytes())).isEqualTo(UnpackResult.Reason.ZIP_BOMB);
    }

    @Test
    void refuses_encrypted_entries() throws Exception {
        byte[] zip = PackageZip.utf8().put("secret.pdf", TestMedia.pdf()).bytes();
        // set the "encrypted" flag (general purpose bit 0) in the local and central headers, as WinZip and
        // 7-Zip do for password-protected entries (commons-compress cannot write encrypted entries itself)
        zip[6] |= 1;
        for (int i = 0; i < zip.length - 4; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 8] |= 1;
            }
        }
        assertThat(refusal(zip)).isEqualTo(UnpackResult.Reason.ENCRYPTED);
    }

    @Test
    void refuses_a_truncated_archive() {
        byte[] whole = PackageZip.utf8().put("video.mp4", TestMedia.mp4(1280, 720, 90, 200_000)).bytes();
        assertThat(refusal(Arrays.copyOf(whole, whole.length / 2))).isEqualTo(UnpackResult.Reason.CORRUPT);
    }

    @Test
    void knows_other_archive_types_by_their_first_bytes() {
        assertThat(ZipUnpacker.archiveType("Rar!\u001a\u0007".getBytes())).isEqualTo("rar");
        assertThat(ZipUnpacker.archiveType(new byte[] {'P', 'K', 3, 4})).isEqualTo("zip");
        assertThat(ZipUnpacker.archiveType("%PDF-1.4".getBytes())).isNull();
    }

    private UnpackResult.Reason refusal(byte[] zip) {
        UnpackResult result = unpack(zip);
        assertThat(result).isInstanceOf(UnpackResult.Refused.class);
        return ((UnpackResult.Refused) result).reason();
    }
}
