package io.laurel.nomination;

import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The members of team nominations (优秀服务团队, table team_member). A team nomination names its team in
 * {@code candidate_name} with its members ("金牌服务组（成员：张三、李四）") so every list, notice and ceremony
 * mail that names the candidate names the team and its members; its {@code employee_id} is the first member
 * listed (the team's contact), and the members themselves are here.
 */
@Component
public class TeamMembers {

    private final JdbcTemplate jdbc;
    private final EmployeeRepository employees;

    TeamMembers(JdbcTemplate jdbc, EmployeeRepository employees) {
        this.jdbc = jdbc;
        this.employees = employees;
    }

    /** The display name of a team: its name and members. */
    public static String displayName(String teamName, List<Employee> members) {
        return teamName.strip() + "（成员：" + String.join("、", members.stream().map(Employee::getName).toList()) + "）";
    }

    void register(long campaignId, long nominationId, List<Employee> members) {
        for (int i = 0; i < members.size(); i++) {
            jdbc.update("insert into team_member (campaign_id, nomination_id, employee_id, position_no) "
                    + "values (?, ?, ?, ?)", campaignId, nominationId, members.get(i).getId(), i + 1);
        }
    }

    /** The members of a team nomination in the head's order; empty for a nomination of one person. */
    public List<Employee> of(long nominationId) {
        List<Long> ids = jdbc.queryForList("select employee_id from team_member where nomination_id = ? "
                + "order by position_no", Long.class, nominationId);
        return ids.stream().map(id -> employees.findById(id).orElseThrow()).toList();
    }

    /** The members among {@code employeeIds} already in a team nominated for {@code awardCode} in the campaign. */
    List<Long> alreadyInATeam(long campaignId, String awardCode, List<Long> employeeIds) {
        return jdbc.queryForList("select t.employee_id from team_member t join nomination n on n.id = t.nomination_id "
                + "where t.campaign_id = ? and n.award_code = ?", Long.class, campaignId, awardCode).stream()
                .filter(employeeIds::contains).toList();
    }
}
