package io.laurel.intake;

import io.laurel.campaign.AwardQuotas;
import io.laurel.campaign.Campaign;
import io.laurel.intake.validation.Assessment;
import io.laurel.intake.validation.Finding;
import io.laurel.intake.validation.PackageInspector;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.UnitEntries;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers what a checked package holds: the unit (contact from the summary table), its applicants or entries
 * as nominations through the nomination feature, their files as materials, and the nonconformities an entry is
 * registered with. A team registration is handed to the campaign's {@link IntakeChannel}.
 */
@Service
public class PackageRegistration {

    private final IntakePackageRepository packages;
    private final IntakeApplicantRepository applicants;
    private final IntakeCampaigns campaigns;
    private final PackageChecks checks;
    private final UnitRepository units;
    private final UnitEntries entries;
    private final AwardQuotas quotas;
    private final Clock clock;

    PackageRegistration(IntakePackageRepository packages, IntakeApplicantRepository applicants,
            IntakeCampaigns campaigns, PackageChecks checks, UnitRepository units, UnitEntries entries,
            AwardQuotas quotas, Clock clock) {
        this.packages = packages;
        this.applicants = applicants;
        this.campaigns = campaigns;
        this.checks = checks;
        this.units = units;
        this.entries = entries;
        this.quotas = quotas;
        this.clock = clock;
    }

    /**
     * Registers the unit and its valid applicants (channel UNIT, status SUBMITTED) with their materials. With
     * {@code staffApproved} the applicants held only for a staff decision count as valid and per-unit limits are
     * waived (the exception was granted); otherwise applicants over a limit — counting what the unit registered
     * from earlier mails — are cut in package order. Applicants this unit already registered are not registered
     * twice.
     */
    @Transactional
    public List<IntakeApplicant> register(Long packageId, boolean staffApproved) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        Campaign campaign = campaigns.get(pkg.getCampaignId());
        IntakeMessage message = checks.latestMessage(pkg);
        Assessment a = checks.assess(pkg).orElse(null);
        if (a == null) {
            return List.of();
        }
        Instant now = clock.instant();
        String unitName = a.unitName() != null ? a.unitName() : pkg.getSender();
        String contact = a.summary() != null ? a.summary().contactName() : null;
        String phone = a.summary() != null ? a.summary().phone() : null;
        String email = a.summary() != null && a.summary().email() != null ? a.summary().email() : message.getSender();
        Unit unit = units.findByCampaignIdAndName(campaign.getId(), unitName).orElse(null);
        if (unit == null) {
            unit = units.save(new Unit(campaign.getId(), unitName, contact, phone, email));
        } else {
            unit.updateContact(contact != null ? contact : unit.getContactName(),
                    phone != null ? phone : unit.getContactPhone(), email);
        }
        pkg.identifyUnit(unitName, unit.getId());
        Optional<IntakeChannel> channel = campaigns.channel(campaign);
        if (channel.isPresent()) {
            channel.get().register(campaign.getId(), pkg.getId(), email, a);
            if (a.problems().isEmpty()) {
                keepPackageFiles(campaign, a, channel.get()::materialKind, message);
            }
            return List.of();
        }
        Long unitId = unit.getId();
        List<IntakeApplicant> existing = applicants.findByCampaignIdOrderByUnitIdAscPositionNoAsc(campaign.getId())
                .stream().filter(x -> x.getUnitId().equals(unitId)).toList();
        List<Assessment.Applicant> chosen = new ArrayList<>(a.applicants().stream()
                .filter(x -> x.awardCode() != null && x.name() != null)
                .filter(x -> x.valid() || (staffApproved && onlyDecisionsAgainst(a, x)))
                .filter(x -> existing.stream().noneMatch(e -> same(e, x))).toList());
        if (!staffApproved) {
            chosen = withinLimits(campaign.getPresetKey(), existing, chosen);
        }
        int position = existing.size();
        List<IntakeApplicant> registered = new ArrayList<>();
        for (Assessment.Applicant applicant : chosen) {
            Nomination nomination = entries.register(campaign.getId(), applicant.awardCode(), applicant.name(),
                    unitId, unitName, email, now);
            for (Assessment.ClassifiedFile file : applicant.files()) {
                entries.attach(campaign.getId(), nomination.getId(), stored(file.materialCode() != null
                        ? file.materialCode() : materialKind(file), file),
                        message.getReceivedAt());
            }
            var row = applicant.row();
            IntakeApplicant kept = new IntakeApplicant(pkg.getId(), campaign.getId(), unitId, nomination.getId(),
                    ++position, applicant.name(), row == null ? null : row.position(), row == null ? null : row.mobile(),
                    row == null ? null : row.email(), applicant.awardCode(), applicant.awardName());
            kept.flagNonconformities(applicant.nonconformities().stream().map(Finding::problem)
                    .collect(Collectors.joining("\n")));
            registered.add(applicants.save(kept));
        }
        keepPackageFiles(campaign, a, f -> f.fileName().contains("汇总") ? "unit-summary"
                : f.kind().isImage() || f.kind().name().equals("PDF") ? "business-licence" : "unit-other", message);
        return registered;
    }

    /** The package's own files (unit level, or the whole team package) as campaign materials. */
    private void keepPackageFiles(Campaign campaign, Assessment a,
            java.util.function.Function<Assessment.ClassifiedFile, String> kind, IntakeMessage message) {
        for (Assessment.ClassifiedFile file : a.unitFiles()) {
            entries.attach(campaign.getId(), null, stored(kind.apply(file), file), message.getReceivedAt());
        }
    }

    private static UnitEntries.StoredFile stored(String kind, Assessment.ClassifiedFile file) {
        return new UnitEntries.StoredFile(kind, file.fileName(), file.sizeBytes(), file.entry().sha256(),
                file.entry().location());
    }

    /** The same applicant and award (for an essay, the same author and work) registered before. */
    static boolean same(IntakeApplicant registered, Assessment.Applicant applicant) {
        return registered.getName().equals(applicant.name())
                && registered.getAwardCode().equals(applicant.awardCode())
                && (registered.getAwardName() == null || registered.getAwardName().equals(applicant.awardName()));
    }

    private static boolean onlyDecisionsAgainst(Assessment a, Assessment.Applicant applicant) {
        String subject = "申报人 " + applicant.name();
        return a.problems().stream().noneMatch(f -> f.subject().equals(subject));
    }

    /** Keeps applicants in package order while the unit stays within its limits, counting its earlier ones. */
    private List<Assessment.Applicant> withinLimits(String presetKey, List<IntakeApplicant> existing,
            List<Assessment.Applicant> chosen) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        existing.forEach(x -> taken.merge(x.getAwardCode(), 1, Integer::sum));
        Integer total = quotas.of(presetKey, PackageInspector.ENTRY_CODE).perUnitLimit();
        int count = existing.size();
        List<Assessment.Applicant> kept = new ArrayList<>();
        for (Assessment.Applicant applicant : chosen) {
            Integer limit = applicant.awardCode().equals(PackageInspector.ENTRY_CODE) ? null
                    : quotas.of(presetKey, applicant.awardCode()).perUnitLimit();
            int forAward = taken.getOrDefault(applicant.awardCode(), 0);
            if ((limit != null && forAward >= limit) || (total != null && count >= total)) {
                continue;
            }
            taken.put(applicant.awardCode(), forAward + 1);
            count++;
            kept.add(applicant);
        }
        return kept;
    }

    private static String materialKind(Assessment.ClassifiedFile file) {
        return switch (file.kind()) {
            case MP4, QUICKTIME, AVI, FLV, SWF -> "video";
            case JPEG, PNG, OTHER_IMAGE -> "photo";
            case PDF -> "application-form-pdf";
            case DOC, DOCX -> "application-form-word";
            default -> "other";
        };
    }
}
