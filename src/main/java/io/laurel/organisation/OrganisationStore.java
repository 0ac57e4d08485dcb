package io.laurel.organisation;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The campaign-scoped tables of V161: heads, committee, judges. Units live in {@code unit}'s member_unit. */
@Repository
class OrganisationStore {

    record Head(String department, String userId) {
    }

    record Member(String userId, CommitteeRole role, boolean chair) {
    }

    record Judge(String userId, JudgePanel panel, String unit) {
    }

    private final JdbcTemplate jdbc;

    OrganisationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Head> heads(long campaignId) {
        return jdbc.query("select department, user_id from org_department_head where campaign_id = ? order by department",
                (rs, i) -> new Head(rs.getString(1), rs.getString(2)), campaignId);
    }

    List<Member> committee(long campaignId) {
        return jdbc.query("select user_id, role, chair from org_committee_member where campaign_id = ? "
                + "order by role, user_id", (rs, i) -> new Member(rs.getString(1), CommitteeRole.valueOf(rs.getString(2)),
                        rs.getBoolean(3)), campaignId);
    }

    List<Judge> judges(long campaignId) {
        return jdbc.query("select user_id, panel, unit_name from org_judge where campaign_id = ? order by panel, user_id",
                (rs, i) -> new Judge(rs.getString(1), JudgePanel.byCode(rs.getString(2)).orElse(JudgePanel.EXPERT),
                        rs.getString(3)), campaignId);
    }

    void replaceHeads(long campaignId, List<Head> heads) {
        jdbc.update("delete from org_department_head where campaign_id = ?", campaignId);
        heads.forEach(h -> addHead(campaignId, h));
    }

    void addHead(long campaignId, Head head) {
        jdbc.update("insert into org_department_head (campaign_id, department, user_id) values (?, ?, ?)", campaignId,
                head.department(), head.userId());
    }

    void replaceCommittee(long campaignId, List<Member> members) {
        jdbc.update("delete from org_committee_member where campaign_id = ?", campaignId);
        members.forEach(m -> addMember(campaignId, m));
    }

    void addMember(long campaignId, Member member) {
        jdbc.update("insert into org_committee_member (campaign_id, user_id, role, chair) values (?, ?, ?, ?)",
                campaignId, member.userId(), member.role().name(), member.chair());
    }

    /** Makes one member the chair and every other member not; 0 when the user is not on the committee. */
    int setChair(long campaignId, String userId) {
        if (jdbc.queryForObject("select count(*) from org_committee_member where campaign_id = ? and user_id = ?",
                Integer.class, campaignId, userId) == 0) {
            return 0;
        }
        jdbc.update("update org_committee_member set chair = (user_id = ?) where campaign_id = ?", userId, campaignId);
        return 1;
    }

    void replaceJudges(long campaignId, List<Judge> judges) {
        jdbc.update("delete from org_judge where campaign_id = ?", campaignId);
        judges.forEach(j -> addJudge(campaignId, j));
    }

    void addJudge(long campaignId, Judge judge) {
        jdbc.update("insert into org_judge (campaign_id, user_id, panel, unit_name) values (?, ?, ?, ?)", campaignId,
                judge.userId(), judge.panel().code(), judge.unit());
    }

    int remove(long campaignId, OrgRow.Kind kind, String key) {
        return switch (kind) {
            case HEAD -> jdbc.update("delete from org_department_head where campaign_id = ? and department = ?",
                    campaignId, key);
            case COMMITTEE -> jdbc.update("delete from org_committee_member where campaign_id = ? and user_id = ?",
                    campaignId, key);
            case JUDGE -> jdbc.update("delete from org_judge where campaign_id = ? and user_id = ?", campaignId, key);
            case UNIT -> 0;
        };
    }
}
