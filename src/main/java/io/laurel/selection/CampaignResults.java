package io.laurel.selection;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outcome of a campaign's final vote and notice, per award: who won, who fell short and why. */
@Service
public class CampaignResults {

    private final CampaignService campaigns;
    private final JdbcTemplate jdbc;

    CampaignResults(CampaignService campaigns, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    public record Entry(Long nominationId, String candidateName, String department, String status, int approvals,
            int entitledVoters, BigDecimal reReviewScore, String note) {
    }

    public record AwardResult(String awardCode, String awardName, Integer winnersQuota, int winners,
            boolean shortOfQuota, List<Entry> entries) {
    }

    public record Results(Long campaignId, String campaignName, String campaignStatus, List<AwardResult> awards) {
    }

    @Transactional(readOnly = true)
    public Results of(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Map<String, List<Entry>> entries = jdbc.query("""
                select r.award_code, r.nomination_id, n.candidate_name, e.department, r.status, r.approvals,
                       r.entitled_voters, n.re_review_score, r.note
                from award_result r join nomination n on n.id = r.nomination_id
                left join employee e on e.id = n.employee_id
                where r.campaign_id = ? order by r.award_code, n.re_review_score desc, r.nomination_id""",
                (rs, i) -> Map.entry(rs.getString(1), new Entry(rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8), rs.getString(9))),
                campaignId).stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, Map<String, Object>> outcomes = jdbc.queryForList(
                "select award_code, winners_quota, winners, short_of_quota from award_outcome where campaign_id = ?",
                campaignId).stream().collect(Collectors.toMap(row -> (String) value(row, "award_code"), row -> row));
        List<AwardResult> awards = campaign.getAwards().stream().filter(a -> outcomes.containsKey(a.getCode()))
                .map(a -> {
                    Map<String, Object> outcome = outcomes.get(a.getCode());
                    Object quota = value(outcome, "winners_quota");
                    return new AwardResult(a.getCode(), a.getName(), quota == null ? null : ((Number) quota).intValue(),
                            ((Number) value(outcome, "winners")).intValue(),
                            Boolean.TRUE.equals(value(outcome, "short_of_quota")),
                            entries.getOrDefault(a.getCode(), List.of()));
                }).toList();
        return new Results(campaignId, campaign.getName(), campaign.getStatus().name(), awards);
    }

    /** Column names come back upper-case from H2 and lower-case from MySQL. */
    private static Object value(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value != null ? value : row.get(column.toUpperCase());
    }
}
