package io.laurel.demo;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import io.laurel.identity.LaurelGroups;
import io.laurel.judging.JudgingRecords;
import io.laurel.review.CommitteeRecords;
import io.laurel.selection.CampaignLauncher;
import io.laurel.roster.DemoRosterGenerator;
import io.laurel.roster.DepartmentHead;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.roster.EmployeeRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a fresh demo database: the demo users, and one {@code service-star-2025} campaign whose
 * nomination window is open today, with a generated roster. Runs on every start of the demo profile
 * and adds only what is missing, so a restart keeps what the visitor did.
 */
@Component
@ConditionalOnProperty(name = "laurel.demo.enabled", havingValue = "true")
@Order(10)
class DemoData implements ApplicationRunner {

    static final String DEMO_PRESET = "service-star-2025";
    static final String DEMO_PASSWORD = "demo";
    /** The demo campaign's nomination window opened this many days before the first start. */
    static final int NOMINATION_OPEN_SINCE_DAYS = 3;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identity;
    private final DepartmentHeadRepository departmentHeads;
    private final CampaignRepository campaigns;
    private final CampaignService campaignService;
    private final PresetCatalog presets;
    private final DemoRosterGenerator rosterGenerator;
    private final EmployeeRepository employees;
    private final TransactionTemplate tx;
    private final CommitteeRecords committeeRecords;
    private final JudgingRecords judgingRecords;
    private final Clock clock;
    private final CampaignLauncher launcher;
    private final boolean launchCampaign;

    DemoData(IdentityService identity, DepartmentHeadRepository departmentHeads, CampaignRepository campaigns,
            CampaignService campaignService, PresetCatalog presets, DemoRosterGenerator rosterGenerator,
            EmployeeRepository employees, TransactionTemplate tx, CommitteeRecords committeeRecords,
            JudgingRecords judgingRecords, Clock clock,
            CampaignLauncher launcher, @Value("${laurel.demo.launch-campaign:true}") boolean launchCampaign) {
        this.identity = identity;
        this.departmentHeads = departmentHeads;
        this.campaigns = campaigns;
        this.campaignService = campaignService;
        this.presets = presets;
        this.rosterGenerator = rosterGenerator;
        this.employees = employees;
        this.tx = tx;
        this.committeeRecords = committeeRecords;
        this.judgingRecords = judgingRecords;
        this.clock = clock;
        this.launcher = launcher;
        this.launchCampaign = launchCampaign;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoUsers.ALL.forEach(this::ensureUser);
        tx.executeWithoutResult(s -> DemoUsers.ALL.stream().filter(u -> u.department() != null)
                .filter(u -> u.groups().contains(LaurelGroups.DEPARTMENT_HEADS))
                .filter(u -> !departmentHeads.existsById(u.department()))
                .forEach(u -> departmentHeads.save(new DepartmentHead(u.department(), u.id()))));
        // Members' own departments: a committee member never reviews a candidate of their department.
        DemoUsers.ALL.stream().filter(u -> u.department() != null)
                .forEach(u -> committeeRecords.recordDepartmentIfAbsent(u.id(), u.department()));
        // Judges' units: a judge never scores an entry of their own unit.
        DemoUsers.JUDGE_UNITS.forEach(judgingRecords::recordUnitIfAbsent);
        if (campaigns.findByPresetKey(DEMO_PRESET).isEmpty()) {
            Long campaignId = tx.execute(s -> createDemoCampaign());
            if (launchCampaign) {
                // Launched at once, so a newcomer finds live 提名 tasks in Tasklist.
                launcher.launch(campaignId);
            }
        }
    }

    private void ensureUser(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.name());
            user.setLastName(demo.title());
            user.setEmail(demo.email());
            user.setPassword(DEMO_PASSWORD);
            identity.saveUser(user);
        }
        for (String group : demo.groups()) {
            if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                identity.createMembership(demo.id(), group);
            }
        }
    }

    private Long createDemoCampaign() {
        Preset preset = presets.find(DEMO_PRESET).orElseThrow();
        Campaign campaign = campaignService.createFromPreset(DEMO_PRESET, startsOnForOpenNomination(preset), "demo");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(preset.timeZone())));
        employees.saveAll(rosterGenerator.generate(campaign.getId(), today));
        log.info("Demo campaign {} '{}' created with {} employees; nomination is open", campaign.getId(),
                campaign.getName(), employees.countByCampaignId(campaign.getId()));
        return campaign.getId();
    }

    /** The start date that puts today a few days into the preset's nomination window. */
    LocalDate startsOnForOpenNomination(Preset preset) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(preset.timeZone())));
        LocalDate first = preset.firstDate();
        LocalDate nominationOpens = preset.timeline().stream().filter(p -> p.code().equals("nomination"))
                .findFirst().orElseThrow(() -> new IllegalStateException(DEMO_PRESET + " has no nomination phase"))
                .startsAt().toLocalDate();
        return today.minusDays(NOMINATION_OPEN_SINCE_DAYS).minusDays(ChronoUnit.DAYS.between(first, nominationOpens));
    }
}
