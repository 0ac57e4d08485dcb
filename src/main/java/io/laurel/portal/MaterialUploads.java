package io.laurel.portal;

import io.laurel.campaign.Preset;
import io.laurel.nomination.MaterialInspection;
import io.laurel.nomination.NominationService;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Materials uploaded on the nomination page (and by department heads in the staff console): PDF, JPEG/PNG images and MP4 videos. Every file of the form is
 * checked by the same {@link MaterialInspection} as the API's uploads (content by its first bytes, name,
 * size, formats, video length, PDF scripts) before anything is stored; {@link NominationService#attach}
 * then stores the originals.
 */
@Component
public class MaterialUploads {

    /** The portal takes PDFs, JPEG/PNG photos and MP4 videos; sizes and the rest as for the API. */
    static final MaterialInspection.Accepted PORTAL_FORMATS = new MaterialInspection.Accepted(
            Set.of("pdf", "jpg", "jpeg", "png", "mp4"), "PDF、JPG/PNG 图片或 MP4 视频");

    /** One uploaded file for one material of the preset. */
    public record Upload(Preset.MaterialRule rule, MultipartFile file) {
    }

    private final MaterialInspection inspection;
    private final NominationService nominations;

    MaterialUploads(MaterialInspection inspection, NominationService nominations) {
        this.inspection = inspection;
        this.nominations = nominations;
    }

    /** Refuses the first file that is not acceptable, naming it; stores nothing. */
    public void check(List<Upload> uploads) {
        for (Upload upload : uploads) {
            check(upload.rule(), upload.file());
        }
    }

    /** Stores every file as a material of the nomination (in the caller's transaction). */
    public void attach(Long nominationId, List<Upload> uploads) {
        for (Upload upload : uploads) {
            nominations.attach(nominationId, upload.rule().code(), upload.file());
        }
    }

    private void check(Preset.MaterialRule rule, MultipartFile file) {
        inspection.check(rule, file, "materials", PORTAL_FORMATS);
    }

}
