package io.laurel.onlinevote;

import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a voting platform's counts (CSV) into {@link OnlineVoteCounts}, source {@code import}. The original file
 * is stored and recorded (vote_import) before it is read, in its own transaction, so it is kept even when the file
 * is refused. An entry is named by its 提名编号 (nomination id) or by 参赛人员/作品 name plus 参赛单位 (and 奖项 when
 * a person entered several awards). A bad row is rejected with its row number and reason, the other rows count;
 * the accepted rows replace every earlier imported count of the campaign (a re-import never double counts).
 */
@Service
public class VoteImporter {

    private static final Logger log = LoggerFactory.getLogger(VoteImporter.class);
    private static final Pattern COUNT = Pattern.compile("\\d{1,12}");

    enum Column {
        NOMINATION("提名编号", "编号", "nominationid", "id"),
        NAME("参赛人员", "参选人员", "姓名", "候选人", "作品名称", "name", "candidate"),
        UNIT("参赛单位", "单位", "推荐单位", "unit"),
        AWARD("奖项", "参评奖项", "award"),
        VOTES("票数", "得票数", "投票数", "votes");

        final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Column of(String header) {
            String h = header.strip().replace(" ", "").toLowerCase(Locale.ROOT);
            for (Column c : values()) {
                if (c.names.contains(h)) {
                    return c;
                }
            }
            return null;
        }
    }

    record Candidate(long id, String name, String unit, String awardCode, String awardName) {
    }

    private final FileStore files;
    private final OnlineVoteCounts counts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    VoteImporter(FileStore files, OnlineVoteCounts counts, JdbcTemplate jdbc, Clock clock) {
        this.files = files;
        this.counts = counts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the original and records the upload; runs in its own transaction so the original stays. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long storeOriginal(long campaignId, String fileName, byte[] content, String userId) {
        StoredFile stored = files.store(content);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into vote_import (campaign_id, file_name, sha256, "
                    + "storage_location, size_bytes, uploaded_by, uploaded_at, rows_read, imported, rejected) "
                    + "values (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)", new String[] {"id"});
            ps.setLong(1, campaignId);
            ps.setString(2, fileName == null ? "votes.csv" : fileName);
            ps.setString(3, stored.sha256());
            ps.setString(4, stored.location());
            ps.setLong(5, stored.sizeBytes());
            ps.setString(6, userId);
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    @Transactional
    public VoteImportReport importVotes(long campaignId, long importId, byte[] content) {
        List<VoteImportReport.Rejection> rejected = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<Long, Long> accepted = new LinkedHashMap<>();
        int rowsRead = 0;
        String fatal = null;
        try {
            List<VoteCsv.Row> rows = VoteCsv.read(content);
            int headerIndex = 0;
            while (headerIndex < rows.size() && blank(rows.get(headerIndex).cells())) {
                headerIndex++;
            }
            if (headerIndex == rows.size()) {
                throw new VoteFileException("文件为空");
            }
            Map<Column, Integer> columns = header(rows.get(headerIndex).cells(), ignored);
            List<Candidate> candidates = candidates(campaignId);
            Map<Long, Integer> seenAt = new HashMap<>();
            for (VoteCsv.Row row : rows.subList(headerIndex + 1, rows.size())) {
                if (blank(row.cells())) {
                    continue;
                }
                rowsRead++;
                String problem = null;
                Long nomination = null;
                String votesText = cell(row, columns.get(Column.VOTES)).replace(",", "").replace("，", "");
                if (votesText.isEmpty()) {
                    problem = "票数为空";
                } else if (!COUNT.matcher(votesText).matches()) {
                    problem = "票数“" + cell(row, columns.get(Column.VOTES)) + "”不是非负整数";
                }
                try {
                    nomination = match(row, columns, candidates);
                } catch (VoteFileException e) {
                    problem = problem == null ? e.getMessage() : problem + "；" + e.getMessage();
                }
                if (problem == null && seenAt.containsKey(nomination)) {
                    problem = "与第 " + seenAt.get(nomination) + " 行是同一参赛作品，重复的行未导入";
                }
                if (problem != null) {
                    rejected.add(new VoteImportReport.Rejection(row.number(), problem));
                    continue;
                }
                seenAt.put(nomination, row.number());
                accepted.put(nomination, Long.parseLong(votesText));
            }
            if (accepted.isEmpty()) {
                fatal = rowsRead == 0 ? "文件中没有数据行" : "没有可导入的有效数据行，请按被拒绝行的原因修改后重新上传";
            }
        } catch (VoteFileException e) {
            fatal = e.getMessage();
        }
        if (fatal == null) {
            counts.replace(campaignId, OnlineVoteCounts.IMPORT, accepted);
        }
        jdbc.update("update vote_import set rows_read = ?, imported = ?, rejected = ?, fatal = ? where id = ?",
                rowsRead, fatal == null ? accepted.size() : 0, rejected.size(), fatal, importId);
        log.info("Vote import {} for campaign {}: {} rows, {} imported, {} rejected{}", importId, campaignId, rowsRead,
                fatal == null ? accepted.size() : 0, rejected.size(), fatal == null ? "" : ", refused: " + fatal);
        return new VoteImportReport(importId, rowsRead, fatal == null ? accepted.size() : 0, rejected, ignored, fatal);
    }

    private static Map<Column, Integer> header(List<String> cells, List<String> ignored) {
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).replace("\uFEFF", "");
            Column c = Column.of(cell);
            if (c == null) {
                if (!cell.isBlank()) {
                    ignored.add(cell.strip());
                }
            } else if (columns.putIfAbsent(c, i) != null) {
                throw new VoteFileException("表头中“" + cell.strip() + "”列重复");
            }
        }
        if (!columns.containsKey(Column.VOTES)) {
            throw new VoteFileException("缺少“票数”列（表头可写：票数 / 得票数 / votes）");
        }
        if (!columns.containsKey(Column.NOMINATION) && !columns.containsKey(Column.NAME)) {
            throw new VoteFileException("缺少识别参赛作品的列：“提名编号”，或“参赛人员”（姓名）加“参赛单位”");
        }
        return columns;
    }

    /** The nomination a row names; throws with the Chinese reason when it names none or several. */
    private static Long match(VoteCsv.Row row, Map<Column, Integer> columns, List<Candidate> candidates) {
        String id = cell(row, columns.get(Column.NOMINATION));
        if (!id.isEmpty()) {
            if (!COUNT.matcher(id).matches()) {
                throw new VoteFileException("提名编号“" + id + "”不是数字");
            }
            long nominationId = Long.parseLong(id);
            return candidates.stream().filter(c -> c.id() == nominationId).findFirst()
                    .orElseThrow(() -> new VoteFileException("提名编号 " + id + " 不是本活动的参赛作品")).id();
        }
        String name = cell(row, columns.get(Column.NAME));
        if (name.isEmpty()) {
            throw new VoteFileException("缺少提名编号或参赛人员姓名");
        }
        String unit = cell(row, columns.get(Column.UNIT));
        String award = cell(row, columns.get(Column.AWARD));
        List<Candidate> found = candidates.stream().filter(c -> c.name().equals(name))
                .filter(c -> unit.isEmpty() || unit.equals(c.unit()))
                .filter(c -> award.isEmpty() || award.equals(c.awardCode()) || award.equals(c.awardName()))
                .toList();
        if (found.isEmpty()) {
            throw new VoteFileException("本活动没有参赛人员“" + name + "”" + (unit.isEmpty() ? "" : "（" + unit + "）")
                    + (award.isEmpty() ? "" : "参评“" + award + "”"));
        }
        if (found.size() > 1) {
            throw new VoteFileException("“" + name + "”对应多个参赛作品，请填写" + (unit.isEmpty() ? "参赛单位" : "奖项")
                    + "或提名编号");
        }
        return found.get(0).id();
    }

    private List<Candidate> candidates(long campaignId) {
        return jdbc.query("""
                select n.id, n.candidate_name, u.name, n.award_code, a.name from nomination n
                left join member_unit u on u.id = n.unit_id
                left join award_category a on a.campaign_id = n.campaign_id and a.code = n.award_code
                where n.campaign_id = ? and n.status not in ('WITHDRAWN')""",
                (rs, i) -> new Candidate(rs.getLong(1), rs.getString(2).strip(),
                        rs.getString(3) == null ? null : rs.getString(3).strip(), rs.getString(4), rs.getString(5)),
                campaignId);
    }

    private static String cell(VoteCsv.Row row, Integer index) {
        if (index == null || index >= row.cells().size()) {
            return "";
        }
        return row.cells().get(index).strip();
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
