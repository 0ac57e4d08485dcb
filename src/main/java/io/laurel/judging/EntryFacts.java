package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.intake.IntakeApplicant;
import io.laurel.intake.IntakeApplicantRepository;
import io.laurel.intake.IntakePackage;
import io.laurel.intake.IntakePackageRepository;
import io.laurel.nomination.Material;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What staff and judges are shown about an entry, and what intake found wrong with it. */
@Component
class EntryFacts {

    private final NominationRepository nominations;
    private final UnitRepository units;
    private final MaterialRepository materials;
    private final IntakeApplicantRepository applicants;
    private final IntakePackageRepository packages;

    EntryFacts(NominationRepository nominations, UnitRepository units, MaterialRepository materials,
            IntakeApplicantRepository applicants, IntakePackageRepository packages) {
        this.nominations = nominations;
        this.units = units;
        this.materials = materials;
        this.applicants = applicants;
        this.packages = packages;
    }

    Nomination nomination(long nominationId) {
        return nominations.findById(nominationId).orElseThrow(() ->
                new IllegalStateException("Nomination " + nominationId + " does not exist"));
    }

    /** The entry's unit name: the registered unit, else the nominating unit's name. */
    String unitName(Nomination nomination) {
        return Optional.ofNullable(nomination.getUnitId()).flatMap(units::findById).map(Unit::getName)
                .orElse(nomination.getNominator());
    }

    String label(Campaign campaign, Nomination nomination) {
        String award = campaign.award(nomination.getAwardCode()).map(a -> a.getName())
                .or(() -> applicant(nomination).map(IntakeApplicant::getAwardName)).orElse(nomination.getAwardCode());
        return "【" + award + "】" + nomination.getCandidateName() + "(" + unitName(nomination) + ")";
    }

    /** Label and the materials registered for the entry, one per line. */
    String summary(Campaign campaign, Nomination nomination) {
        StringBuilder text = new StringBuilder(label(campaign, nomination)).append("\n编号:").append(nomination.getId())
                .append("\n已登记材料:");
        List<Material> files = materials.findByNominationIdOrderById(nomination.getId());
        if (files.isEmpty()) {
            text.append("无");
        }
        files.forEach(m -> text.append("\n- ").append(m.getOriginalFileName()).append("(").append(m.getKind())
                .append(",").append(m.getSizeBytes() / 1024).append(" KB)"));
        return text.toString();
    }

    /**
     * The nonconformities intake recorded for this applicant: those it was registered with (seed 001 deducts
     * instead of refusing), then the lines of its package's problem list about “申报人 name”, without the advice in
     * brackets (the unit was told how to fix them; staff need the fault).
     */
    List<String> intakeFindings(Nomination nomination) {
        Optional<IntakeApplicant> applicant = applicant(nomination);
        if (applicant.isEmpty()) {
            return List.of();
        }
        List<String> flagged = applicant.get().getNonconformities() == null ? List.of()
                : applicant.get().getNonconformities().lines().filter(l -> !l.isBlank()).toList();
        String problems = packages.findById(applicant.get().getPackageId()).map(IntakePackage::getProblems).orElse(null);
        if (problems == null) {
            return flagged;
        }
        String prefix = "申报人 " + applicant.get().getName() + "：";
        return java.util.stream.Stream.concat(flagged.stream(), problems.lines().filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).replaceFirst("（[^（]*）$", "").strip())
                .filter(l -> !l.isEmpty())).distinct().toList();
    }

    private Optional<IntakeApplicant> applicant(Nomination nomination) {
        return applicants.findByCampaignIdOrderByUnitIdAscPositionNoAsc(nomination.getCampaignId()).stream()
                .filter(a -> a.getNominationId().equals(nomination.getId())).findFirst();
    }
}
