package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.files.FileStore;
import io.laurel.intake.validation.FileKind;
import io.laurel.intake.validation.MediaInspector;
import io.laurel.nomination.CampaignEntries;
import io.laurel.nomination.Material;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the vote page shows: the campaign's registered nominations (not ineligible, dropped, withdrawn or
 * revoked), each with its unit, award, a summary (the reason, or unit and award) and its {@code photo}
 * material when the stored bytes really are an image.
 */
@Component
class VoteEntries {

    static final int SUMMARY_CHARS = 120;
    private static final Set<NominationStatus> NOT_ENTRIES = Set.of(NominationStatus.INELIGIBLE,
            NominationStatus.DROPPED, NominationStatus.WITHDRAWN, NominationStatus.REVOKED);

    record Entry(Long nominationId, String candidateName, String unitName, String awardName, String summary,
            Long photoId) {
    }

    record Photo(Material material, FileKind kind) {
    }

    private final NominationRepository nominations;
    private final MaterialRepository materials;
    private final UnitRepository units;
    private final FileStore files;
    private final MediaInspector inspector;
    private final CampaignEntries entries;

    VoteEntries(NominationRepository nominations, MaterialRepository materials, UnitRepository units, FileStore files,
            MediaInspector inspector, CampaignEntries entries) {
        this.entries = entries;
        this.nominations = nominations;
        this.materials = materials;
        this.units = units;
        this.files = files;
        this.inspector = inspector;
    }

    @Transactional(readOnly = true)
    List<Entry> of(Campaign campaign) {
        Map<Long, String> unitNames = units.findByCampaignIdOrderByName(campaign.getId()).stream()
                .collect(Collectors.toMap(Unit::getId, Unit::getName));
        return nominations.findByCampaignIdOrderById(campaign.getId()).stream()
                .filter(n -> !NOT_ENTRIES.contains(n.getStatus()))
                .map(n -> {
                    String award = campaign.award(n.getAwardCode()).map(a -> a.getName()).orElse(n.getAwardCode());
                    String unit = n.getUnitId() == null ? null : unitNames.get(n.getUnitId());
                    return new Entry(n.getId(), n.getCandidateName(), unit, award, summary(n, unit, award),
                            photo(n).map(Material::getId).orElse(null));
                }).toList();
    }

    /**
     * One entry of the campaign by its nomination id, for a vote: one primary-key select through
     * {@link CampaignEntries#entry} (no entity, no transaction of its own, no photo, no summary), so the cost of a
     * vote does not grow with the number of entries.
     */
    Optional<Entry> entry(VotingCampaigns.VotingCampaign campaign, Long nominationId) {
        if (nominationId == null) {
            return Optional.empty();
        }
        return entries.entry(nominationId)
                .filter(n -> campaign.id().equals(n.campaignId()) && !NOT_ENTRIES.contains(n.status()))
                .map(n -> new Entry(nominationId, n.candidateName(), null, campaign.awardName(n.awardCode()), null,
                        null));
    }

    /** The photo of an entry of this campaign, if its bytes are an image; nothing else is ever served. */
    Optional<Photo> photo(Campaign campaign, Long materialId) {
        return materials.findById(materialId).filter(m -> m.getCampaignId().equals(campaign.getId()))
                .filter(m -> "photo".equals(m.getKind())).flatMap(m -> {
                    FileKind kind = kindOf(m);
                    return kind.isImage() ? Optional.of(new Photo(m, kind)) : Optional.empty();
                });
    }

    private Optional<Material> photo(Nomination n) {
        return materials.findByNominationIdOrderById(n.getId()).stream()
                .filter(m -> "photo".equals(m.getKind())).findFirst();
    }

    private FileKind kindOf(Material m) {
        try (InputStream in = files.open(m.getStorageLocation())) {
            return inspector.detect(in, "");
        } catch (IOException e) {
            return FileKind.UNKNOWN;
        }
    }

    private static String summary(Nomination n, String unit, String award) {
        String text = n.getReason() != null && !n.getReason().isBlank() ? n.getReason().strip()
                : (unit == null ? "" : unit + "推荐,") + "参评「" + award + "」";
        return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "…";
    }
}
