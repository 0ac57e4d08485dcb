package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.intake.IntakeApplicant;
import io.laurel.intake.IntakeApplicantRepository;
import io.laurel.intake.IntakePackage;
import io.laurel.intake.IntakePackageRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An association campaign (cs-essay-2018 moved to 2026) with entries as package intake registers them: a unit,
 * a package (with the problems intake recorded), an applicant and its nomination (channel UNIT, SUBMITTED).
 */
@Component
class AssociationFixture {

    /** The preset moved so the intake deadline is 2026-11-10 00:00 Asia/Shanghai. */
    static final LocalDate STARTS_ON = LocalDate.of(2026, 9, 1);

    /** Units of the demo judges (DemoUsers.JUDGE_UNITS) and one without a judge. */
    static final List<String> UNITS = List.of("华信银行信用卡中心", "东方航空客服中心", "远景通信客户服务部", "星河电商客服中心");

    private final CampaignService campaigns;
    private final UnitRepository units;
    private final NominationRepository nominations;
    private final IntakePackageRepository packages;
    private final IntakeApplicantRepository applicants;
    private final TransactionTemplate tx;

    AssociationFixture(CampaignService campaigns, UnitRepository units, NominationRepository nominations,
            IntakePackageRepository packages, IntakeApplicantRepository applicants, TransactionTemplate tx) {
        this.campaigns = campaigns;
        this.units = units;
        this.nominations = nominations;
        this.packages = packages;
        this.applicants = applicants;
        this.tx = tx;
    }

    Campaign essayCampaign() {
        return campaigns.createFromPreset("cs-essay-2018", STARTS_ON, "test");
    }

    /**
     * {@code perUnit} entries for each unit; {@code problems} maps an applicant name to the problem lines intake
     * recorded in its package (as PackageInspector words them).
     */
    List<Nomination> entries(Campaign campaign, int perUnit, Map<String, List<String>> problems) {
        return entries(campaign, perUnit, problems, "entry");
    }

    Campaign campaign(String presetKey, LocalDate startsOn) {
        return campaigns.createFromPreset(presetKey, startsOn, "test");
    }

    /** As {@link #entries(Campaign, int, Map)}, for an award of the preset (most-beautiful-cs-2019's awards). */
    List<Nomination> entries(Campaign campaign, int perUnit, Map<String, List<String>> problems, String awardCode) {
        return tx.execute(s -> {
            List<Nomination> entries = new ArrayList<>();
            Instant at = Instant.parse("2026-11-01T02:00:00Z");
            for (String unitName : UNITS) {
                Unit unit = units.save(new Unit(campaign.getId(), unitName, "联系人", "010-1234567",
                        "contact@" + Math.abs(unitName.hashCode()) + ".example.com"));
                IntakePackage pkg = new IntakePackage(campaign.getId(), unit.getContactEmail(), at);
                pkg.identifyUnit(unitName, unit.getId());
                StringBuilder lines = new StringBuilder();
                List<String[]> people = new ArrayList<>();
                for (int i = 1; i <= perUnit; i++) {
                    String name = unitName.substring(0, 2) + "作者" + i;
                    people.add(new String[] {name, "作品" + i});
                    problems.getOrDefault(name, List.of()).forEach(p -> lines.append("申报人 ").append(name)
                            .append("：").append(p).append('\n'));
                }
                pkg.recordProblems(lines.isEmpty() ? null : lines.toString());
                pkg = packages.save(pkg);
                int position = 0;
                for (String[] person : people) {
                    Nomination n = new Nomination(campaign.getId(), awardCode, person[0], NominationChannel.UNIT,
                            unitName, unit.getContactEmail(), null, at.plusSeconds(entries.size()));
                    n.fromUnit(unit.getId());
                    n.changeStatus(NominationStatus.SUBMITTED);
                    n = nominations.save(n);
                    applicants.save(new IntakeApplicant(pkg.getId(), campaign.getId(), unit.getId(), n.getId(),
                            ++position, person[0], "客服代表", null, null, awardCode, "参赛作品《" + person[1] + "》"));
                    entries.add(n);
                }
            }
            return entries;
        });
    }
}
