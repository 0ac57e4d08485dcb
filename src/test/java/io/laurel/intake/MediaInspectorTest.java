package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.intake.validation.FileKind;
import io.laurel.intake.validation.MediaInspector;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The media checks read the container, not the file name. */
class MediaInspectorTest {

    final MediaInspector media = new MediaInspector();

    @Test
    void reads_duration_and_resolution_from_a_generated_mp4() throws Exception {
        byte[] video = TestMedia.mp4(1920, 1080, 125, 2048);
        assertThat(media.detect(new ByteArrayInputStream(video), "mp4")).isEqualTo(FileKind.MP4);
        MediaInspector.VideoInfo info = media.mp4(new ByteArrayInputStream(video));
        assertThat(info.width()).isEqualTo(1920);
        assertThat(info.height()).isEqualTo(1080);
        assertThat(info.durationSeconds()).isEqualTo(125.0);
    }

    @Test
    void a_renamed_file_is_not_a_video_and_a_jpeg_is_an_image() throws Exception {
        assertThat(media.detect(new ByteArrayInputStream("just text, renamed".getBytes()), "mp4"))
                .isEqualTo(FileKind.UNKNOWN);
        assertThat(media.detect(new ByteArrayInputStream(TestMedia.jpeg(4096)), "mp4")).isEqualTo(FileKind.JPEG);
        assertThat(media.detect(new ByteArrayInputStream(TestMedia.pdf()), "pdf")).isEqualTo(FileKind.PDF);
        assertThat(media.detect(new ByteArrayInputStream(TestMedia.docx("正文")), "docx")).isEqualTo(FileKind.DOCX);
    }

    @Test
    void counts_article_characters_without_white_space() throws Exception {
        byte[] docx = TestMedia.docx("客服 人员\n真诚服务");
        assertThat(media.textLength(new ByteArrayInputStream(docx), FileKind.DOCX)).isEqualTo(8);
    }
}
