package io.laurel.contest;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The contest's tables (V30): teams and members, rounds, matches, entries (a team in a match), awards. */
@Repository
class ContestStore {

    enum TeamStatus { REGISTERED, ACTIVE, REJECTED, ELIMINATED, WITHDRAWN }

    record Team(long id, long campaignId, String name, String organisation, String contactEmail, String source,
            TeamStatus status, Integer standing, String rejectionReason, String withdrawalReason) {
    }

    record Member(long id, long teamId, int position, String name, String email, String mobile) {
    }

    record Round(long id, long campaignId, int number, String stage, String name, String status) {
    }

    record Match(long id, long roundId, int position, String kind, String status) {
    }

    record Entry(long id, long matchId, long teamId, int seed, BigDecimal theory, BigDecimal lookup,
            BigDecimal rolePlay, BigDecimal total, Integer place, String outcome) {
    }

    record Award(long id, String kind, String awardCode, long teamId, Long memberId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContestStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Timestamp now() {
        return new Timestamp(clock.millis());
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return keys.getKeyList().get(0).values().stream().filter(Number.class::isInstance).map(Number.class::cast)
                .findFirst().orElseThrow().longValue();
    }

    // ------------------------------------------------------------------ teams

    long insertTeam(long campaignId, String name, String organisation, String contactEmail, String source) {
        return insert("insert into contest_team (campaign_id, name, organisation, contact_email, source, status, "
                + "registered_at) values (?, ?, ?, ?, ?, ?, ?)", campaignId, name, organisation, contactEmail, source,
                TeamStatus.REGISTERED.name(), now());
    }

    void attachPackage(long teamId, long packageId) {
        jdbc.update("update contest_team set intake_package_id = ? where id = ?", packageId, teamId);
    }

    Optional<Long> packageOfTeam(long teamId) {
        return jdbc.queryForList("select intake_package_id from contest_team where id = ? and intake_package_id is not null",
                Long.class, teamId).stream().findFirst();
    }

    Optional<Team> teamOfPackage(long packageId) {
        return jdbc.query("select * from contest_team where intake_package_id = ?", ContestStore::team, packageId)
                .stream().findFirst();
    }

    /** A mail that repeats a team's registration (same organisation and members): the team it repeats. */
    void recordRepeat(long packageId, long teamId) {
        jdbc.update("insert into contest_team_repeat (intake_package_id, team_id) values (?, ?)", packageId, teamId);
    }

    Optional<Long> repeatOf(long packageId) {
        return jdbc.queryForList("select team_id from contest_team_repeat where intake_package_id = ?", Long.class,
                packageId).stream().findFirst();
    }

    java.time.Instant registeredAt(long teamId) {
        return jdbc.queryForObject("select registered_at from contest_team where id = ?", Timestamp.class, teamId)
                .toInstant();
    }

    void insertMember(long teamId, int position, String name, String email, String mobile) {
        insert("insert into contest_member (team_id, position_no, name, email, mobile) values (?, ?, ?, ?, ?)",
                teamId, position, name, email, mobile);
    }

    private static Team team(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("name"),
                rs.getString("organisation"), rs.getString("contact_email"), rs.getString("source"),
                TeamStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("standing", Integer.class),
                rs.getString("rejection_reason"), rs.getString("withdrawal_reason"));
    }

    Optional<Team> team(long teamId) {
        return jdbc.query("select * from contest_team where id = ?", ContestStore::team, teamId).stream().findFirst();
    }

    boolean teamNameTaken(long campaignId, String name) {
        Integer n = jdbc.queryForObject("select count(*) from contest_team where campaign_id = ? and name = ?",
                Integer.class, campaignId, name);
        return n != null && n > 0;
    }

    List<Team> teams(long campaignId) {
        return jdbc.query("select * from contest_team where campaign_id = ? order by id", ContestStore::team,
                campaignId);
    }

    List<Team> teams(long campaignId, TeamStatus status) {
        return jdbc.query("select * from contest_team where campaign_id = ? and status = ? order by id",
                ContestStore::team, campaignId, status.name());
    }

    /** Active teams, best standing first (teams without standing in registration order). */
    List<Team> activeBySeed(long campaignId) {
        return jdbc.query("select * from contest_team where campaign_id = ? and status = 'ACTIVE' order by "
                + "case when standing is null then 1 else 0 end, standing, id", ContestStore::team, campaignId);
    }

    void setStatus(long teamId, TeamStatus status) {
        jdbc.update("update contest_team set status = ? where id = ?", status.name(), teamId);
    }

    void screen(long teamId, boolean accepted, String reason, String by) {
        jdbc.update("update contest_team set status = ?, rejection_reason = ?, screened_by = ? where id = ?",
                (accepted ? TeamStatus.ACTIVE : TeamStatus.REJECTED).name(), accepted ? null : reason, by, teamId);
    }

    void withdraw(long teamId, String reason) {
        jdbc.update("update contest_team set status = 'WITHDRAWN', withdrawal_reason = ?, withdrawal_notified = ? "
                + "where id = ?", reason, false, teamId);
    }

    List<Team> withdrawnNotNotified(long campaignId) {
        return jdbc.query("select * from contest_team where campaign_id = ? and status = 'WITHDRAWN' and "
                + "withdrawal_notified = ? order by id", ContestStore::team, campaignId, false);
    }

    void markWithdrawalNotified(long teamId) {
        jdbc.update("update contest_team set withdrawal_notified = ? where id = ?", true, teamId);
    }

    void setStanding(long teamId, int standing) {
        jdbc.update("update contest_team set standing = ? where id = ?", standing, teamId);
    }

    List<Member> members(long teamId) {
        return jdbc.query("select * from contest_member where team_id = ? order by position_no",
                (rs, i) -> new Member(rs.getLong("id"), rs.getLong("team_id"), rs.getInt("position_no"),
                        rs.getString("name"), rs.getString("email"), rs.getString("mobile")), teamId);
    }

    Optional<Member> member(long memberId) {
        return jdbc.query("select * from contest_member where id = ?",
                (rs, i) -> new Member(rs.getLong("id"), rs.getLong("team_id"), rs.getInt("position_no"),
                        rs.getString("name"), rs.getString("email"), rs.getString("mobile")), memberId)
                .stream().findFirst();
    }

    // ------------------------------------------------------------------ rounds and matches

    long insertRound(long campaignId, int number, String stage, String name) {
        return insert("insert into contest_round (campaign_id, number_no, stage, name, status, drawn_at) "
                + "values (?, ?, ?, ?, 'DRAWN', ?)", campaignId, number, stage, name, now());
    }

    private static Round round(ResultSet rs, int row) throws SQLException {
        return new Round(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("number_no"), rs.getString("stage"),
                rs.getString("name"), rs.getString("status"));
    }

    List<Round> rounds(long campaignId) {
        return jdbc.query("select * from contest_round where campaign_id = ? order by number_no", ContestStore::round,
                campaignId);
    }

    Round round(long roundId) {
        return jdbc.queryForObject("select * from contest_round where id = ?", ContestStore::round, roundId);
    }

    void setRoundStatus(long roundId, String status) {
        jdbc.update("update contest_round set status = ?, published_at = case when ? = 'PUBLISHED' then ? else "
                + "published_at end where id = ?", status, status, now(), roundId);
    }

    long insertMatch(long roundId, int position, String kind, String status) {
        return insert("insert into contest_match (round_id, position_no, kind, status) values (?, ?, ?, ?)", roundId,
                position, kind, status);
    }

    private static Match match(ResultSet rs, int row) throws SQLException {
        return new Match(rs.getLong("id"), rs.getLong("round_id"), rs.getInt("position_no"), rs.getString("kind"),
                rs.getString("status"));
    }

    List<Match> matches(long roundId) {
        return jdbc.query("select * from contest_match where round_id = ? order by position_no", ContestStore::match,
                roundId);
    }

    Match match(long matchId) {
        return jdbc.queryForObject("select * from contest_match where id = ?", ContestStore::match, matchId);
    }

    void setMatchScored(long matchId, String judge) {
        jdbc.update("update contest_match set status = 'SCORED', scored_by = ? where id = ?", judge, matchId);
    }

    void insertEntry(long matchId, long teamId, int seed) {
        insert("insert into contest_entry (match_id, team_id, seed) values (?, ?, ?)", matchId, teamId, seed);
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("match_id"), rs.getLong("team_id"), rs.getInt("seed"),
                rs.getBigDecimal("theory"), rs.getBigDecimal("lookup"), rs.getBigDecimal("role_play"),
                rs.getBigDecimal("total"), (Integer) rs.getObject("place", Integer.class), rs.getString("outcome"));
    }

    List<Entry> entries(long matchId) {
        return jdbc.query("select * from contest_entry where match_id = ? order by seed", ContestStore::entry,
                matchId);
    }

    /** A team's entries over the whole contest, in round order. */
    List<Entry> entriesOfTeam(long teamId) {
        return jdbc.query("select e.* from contest_entry e join contest_match m on m.id = e.match_id join "
                + "contest_round r on r.id = m.round_id where e.team_id = ? order by r.number_no", ContestStore::entry,
                teamId);
    }

    void score(long matchId, long teamId, BigDecimal theory, BigDecimal lookup, BigDecimal rolePlay,
            BigDecimal total) {
        jdbc.update("update contest_entry set theory = ?, lookup = ?, role_play = ?, total = ? where match_id = ? "
                + "and team_id = ?", theory, lookup, rolePlay, total, matchId, teamId);
    }

    void settle(long matchId, long teamId, Integer place, String outcome) {
        jdbc.update("update contest_entry set place = ?, outcome = ? where match_id = ? and team_id = ?", place,
                outcome, matchId, teamId);
    }

    /** Pairs of teams that met in a match of the given stage, as (smaller id, larger id). */
    List<List<Long>> meetings(long campaignId, String stage) {
        return jdbc.query("select a.team_id ta, b.team_id tb from contest_entry a join contest_entry b on "
                + "a.match_id = b.match_id and a.team_id < b.team_id join contest_match m on m.id = a.match_id "
                + "join contest_round r on r.id = m.round_id where r.campaign_id = ? and r.stage = ?",
                (rs, i) -> List.of(rs.getLong("ta"), rs.getLong("tb")), campaignId, stage);
    }

    // ------------------------------------------------------------------ awards

    void insertAward(long campaignId, String kind, String awardCode, long teamId, Long memberId) {
        insert("insert into contest_award (campaign_id, kind, award_code, team_id, member_id, awarded_at) values "
                + "(?, ?, ?, ?, ?, ?)", campaignId, kind, awardCode, teamId, memberId, now());
    }

    List<Award> awards(long campaignId) {
        return jdbc.query("select * from contest_award where campaign_id = ? order by id",
                (rs, i) -> new Award(rs.getLong("id"), rs.getString("kind"), rs.getString("award_code"),
                        rs.getLong("team_id"), (Long) rs.getObject("member_id", Long.class)), campaignId);
    }
}
