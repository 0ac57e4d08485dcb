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
import io.laurel.selection.SelectionDriver;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
    private final SelectionDriver driver;
    private final TaskService tasks;

    AssociationFixture(CampaignService campaigns, UnitRepository units, NominationRepository nominations,
            IntakePackageRepository packages, IntakeApplicantRepository applicants, TransactionTemplate tx,
            SelectionDriver driver, TaskService tasks) {
        this.campaigns = campaigns;
        this.units = units;
        this.nominations = nominations;
        this.packages = packages;
        this.applicants = applicants;
        this.tx = tx;
        this.driver = driver;
        this.tasks = tasks;
    }

    /** An essay campaign at the scoring stage: one entry a unit, 规范性 confirmed, the judge's scoring task open. */
    record ScoringStage(Campaign campaign, ProcessInstance instance, Task task, long entry) {
    }

    /**
     * Launches an essay campaign with one entry a unit, lets intake close, confirms every entry's 规范性 without
     * deductions (as 陈静), signs {@code judge}'s declaration and returns the judge's first scoring task. The engine
     * clock is back at the system time.
     */
    ScoringStage atScoring(String judge) {
        SelectionDriver.clockAt("2026-10-01T10:00");
        Campaign campaign = essayCampaign();
        entries(campaign, 1, Map.of());
        ProcessInstance instance = driver.launch(campaign);
        SelectionDriver.clockAt("2026-11-10T09:00");
        driver.runDueJobs(instance);
        for (Task task : driver.tasks(instance, "reviewConformity")) {
            tasks.claim(task.getId(), "chenjing");
            driver.complete(task, SelectionDriver.vars("nonconformities", ""));
        }
        driver.runDueJobs(instance);
        driver.tasks(instance, "signJudgeDeclaration").stream().filter(t -> t.getAssignee().equals(judge)).findFirst()
                .ifPresent(t -> driver.complete(t, SelectionDriver.vars("confidentialityAgreed", true)));
        ClockUtil.reset();
        Task task = driver.tasks(instance, "scoreEntries").stream().filter(t -> t.getAssignee().equals(judge))
                .findFirst().orElseThrow();
        long entry = ((Number) tasks.getVariable(task.getId(), "judgeEntryId")).longValue();
        return new ScoringStage(campaign, instance, task, entry);
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
