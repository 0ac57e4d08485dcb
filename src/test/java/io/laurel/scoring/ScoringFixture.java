package io.laurel.scoring;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.onlinevote.OnlineVoteCounts;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds scored association campaigns in the shared test context: units and nominations as intake registers them,
 * judge_score and entry_conformity rows as the judging process writes them, votes as the import stores them.
 */
@Component
class ScoringFixture {

    final CampaignService campaigns;
    final UnitRepository units;
    final NominationRepository nominations;
    final OnlineVoteCounts votes;
    final JdbcTemplate jdbc;

    ScoringFixture(CampaignService campaigns, UnitRepository units, NominationRepository nominations,
            OnlineVoteCounts votes, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.units = units;
        this.nominations = nominations;
        this.votes = votes;
        this.jdbc = jdbc;
    }

    /** A cs-essay-2018 campaign. */
    Campaign campaign(String preset) {
        return campaigns.createFromPreset(preset, LocalDate.of(2018, 9, 1), "test");
    }

    Unit unit(Campaign campaign, String name) {
        return units.save(new Unit(campaign.getId(), name, "联系人", "020-1234567", "unit@example.com"));
    }

    Nomination entry(Campaign campaign, String awardCode, String name, Unit unit, Instant submittedAt) {
        Nomination n = new Nomination(campaign.getId(), awardCode, name, NominationChannel.UNIT,
                unit == null ? "个人" : unit.getName(), null, null, submittedAt);
        if (unit != null) {
            n.fromUnit(unit.getId());
        }
        n.changeStatus(NominationStatus.ELIGIBLE);
        return nominations.save(n);
    }

    void score(Campaign campaign, long nominationId, String judge, String panel, Map<String, ? extends Number> points) {
        points.forEach((criterion, p) -> jdbc.update("insert into judge_score (campaign_id, nomination_id, judge_id, "
                + "panel, criterion, points, scored_at) values (?, ?, ?, ?, ?, ?, ?)", campaign.getId(), nominationId,
                judge, panel, criterion, new BigDecimal(p.toString()), Timestamp.from(Instant.now())));
    }

    void conformity(Campaign campaign, long nominationId, int nonconformities) {
        jdbc.update("insert into entry_conformity (nomination_id, campaign_id, nonconformities, nonconformity_count, "
                + "points, confirmed_by, confirmed_at) values (?, ?, ?, ?, ?, ?, ?)", nominationId, campaign.getId(),
                nonconformities == 0 ? "" : "视频时长不符", nonconformities, Math.max(0, 10 - nonconformities), "chenjing",
                Timestamp.from(Instant.now()));
    }

    /**
     * The 12 × 5 table of {@link ScoreBlendTest} as a cs-essay-2018 campaign: entries 1..12 from 4 units
     * (entry i from unit i mod 4), submitted one second apart. Returns the nomination ids in table order.
     */
    List<Long> essayTable(Campaign campaign) {
        List<Unit> unitList = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            unitList.add(unit(campaign, "单位" + (char) ('甲' + u)));
        }
        List<Long> ids = new ArrayList<>();
        Map<Long, Long> voteCounts = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            Nomination n = entry(campaign, "entry", "作品" + (i + 1), unitList.get(i % 4),
                    Instant.parse("2018-11-01T00:00:00Z").plusSeconds(i));
            ids.add(n.getId());
            conformity(campaign, n.getId(), 10 - ScoreBlendTest.CONFORMITY[i]);
            if (ScoreBlendTest.VOTES[i] > 0) {
                voteCounts.put(n.getId(), ScoreBlendTest.VOTES[i]);
            }
        }
        for (String[] judge : ScoreBlendTest.MARKS) {
            for (int i = 0; i < 12; i++) {
                String[] p = judge[i + 2].split("/");
                score(campaign, ids.get(i), judge[0], judge[1], Map.of("content", Integer.parseInt(p[0]),
                        "thought", Integer.parseInt(p[1]), "innovation", Integer.parseInt(p[2])));
            }
        }
        votes.replace(campaign.getId(), OnlineVoteCounts.IMPORT, voteCounts);
        return ids;
    }
}
