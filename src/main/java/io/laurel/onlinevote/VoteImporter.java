package io.laurel.onlinevote;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import io.laurel.intake.ApplicantAwards;
import io.laurel.nomination.CampaignEntries;
import io.laurel.nomination.NominationStatus;
import io.laurel.unit.UnitNames;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Imports a voting platform's counts (Excel or CSV, {@link VoteSheet}) into {@link OnlineVoteCounts}, source
 * {@code import}. The original file is stored and recorded (vote_import) before it is read, in its own
 * transaction, so it is kept even when the file is refused. The header may sit below a title row; its columns are
 * recognised by their usual names ({@link VoteColumns}). An entry is named by its 提名编号 or by what the row gives
 * of 作品名称, 参赛人员, 参赛单位 and 奖项 ({@link VoteMatcher}). A bad row is rejected with its row number and reason, the other rows count;
 * the accepted rows replace every earlier imported count of the campaign (a re-import never double counts).
 */
@Service
public class VoteImporter {

    private static final Logger log = LoggerFactory.getLogger(VoteImporter.class);
    private static final Pattern COUNT = Pattern.compile("\\d{1,12}");

    private final FileStore files;
    private final OnlineVoteCounts counts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CampaignService campaigns;
    private final CampaignEntries nominations;
    private final UnitNames units;
    private final ApplicantAwards applicantAwards;

    VoteImporter(FileStore files, OnlineVoteCounts counts, JdbcTemplate jdbc, Clock clock, CampaignService campaigns,
            CampaignEntries nominations, UnitNames units, ApplicantAwards applicantAwards) {
        this.campaigns = campaigns;
        this.nominations = nominations;
        this.units = units;
        this.applicantAwards = applicantAwards;
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
        List<VoteImportReport.Match> matched = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<Long, Long> accepted = new LinkedHashMap<>();
        int rowsRead = 0;
        String fatal = null;
        try {
            List<VoteCsv.Row> rows = VoteSheet.read(content);
            int headerIndex = headerRow(rows);
            Map<VoteColumns, Integer> columns = VoteColumns.header(rows.get(headerIndex).cells(), ignored);
            VoteMatcher matcher = new VoteMatcher(candidates(campaignId));
            Map<Long, Integer> seenAt = new HashMap<>();
            for (VoteCsv.Row row : rows.subList(headerIndex + 1, rows.size())) {
                if (blank(row.cells())) {
                    continue;
                }
                rowsRead++;
                String problem = null;
                VoteMatcher.Candidate entry = null;
                String votesText = cell(row, columns.get(VoteColumns.VOTES)).replace(",", "").replace("，", "")
                        .replaceAll("票$", "").strip();
                if (votesText.isEmpty()) {
                    problem = "票数为空";
                } else if (!COUNT.matcher(votesText).matches()) {
                    problem = "票数“" + cell(row, columns.get(VoteColumns.VOTES)) + "”不是非负整数";
                }
                try {
                    entry = matcher.match(new VoteMatcher.Cells(cell(row, columns.get(VoteColumns.NOMINATION)),
                            cell(row, columns.get(VoteColumns.TITLE)), cell(row, columns.get(VoteColumns.NAME)),
                            cell(row, columns.get(VoteColumns.UNIT)), cell(row, columns.get(VoteColumns.AWARD))));
                } catch (VoteFileException e) {
                    problem = problem == null ? e.getMessage() : problem + "；" + e.getMessage();
                }
                if (problem == null && seenAt.containsKey(entry.id())) {
                    problem = "与第 " + seenAt.get(entry.id()) + " 行是同一参赛作品（" + entry.label() + "），重复的行未导入";
                }
                if (problem != null) {
                    rejected.add(new VoteImportReport.Rejection(row.number(), problem));
                    continue;
                }
                seenAt.put(entry.id(), row.number());
                accepted.put(entry.id(), Long.parseLong(votesText));
                matched.add(new VoteImportReport.Match(row.number(), entry.id(), entry.label(),
                        Long.parseLong(votesText)));
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
        int imported = fatal == null ? accepted.size() : 0;
        jdbc.update("update vote_import set rows_read = ?, imported = ?, rejected = ?, fatal = ? where id = ?",
                rowsRead, imported, rejected.size(), fatal, importId);
        log.info("Vote import {} for campaign {}: {} rows, {} imported, {} rejected{}", importId, campaignId, rowsRead,
                imported, rejected.size(), fatal == null ? "" : ", refused: " + fatal);
        String summary = fatal != null ? "未导入：" + fatal
                : "共 " + rowsRead + " 行，已导入 " + imported + " 行" + (rejected.isEmpty() ? ""
                        : "，" + rejected.size() + " 行未导入（未匹配或有误，见各行原因）");
        return new VoteImportReport(importId, rowsRead, imported, rejected, ignored, fatal, summary,
                fatal == null ? matched : List.of());
    }

    /**
     * The header: the first row (of the first 20) naming a votes column and a column that names the entry — a
     * platform's export may start with a title row ("2018年度…网络投票结果"). Refused with the missing column.
     */
    private static int headerRow(List<VoteCsv.Row> rows) {
        int first = -1;
        for (int i = 0; i < rows.size() && i < 20; i++) {
            if (blank(rows.get(i).cells())) {
                continue;
            }
            first = first < 0 ? i : first;
            if (VoteColumns.usable(VoteColumns.header(rows.get(i).cells(), new ArrayList<>()))) {
                return i;
            }
        }
        if (first < 0) {
            throw new VoteFileException("文件为空");
        }
        Map<VoteColumns, Integer> columns = VoteColumns.header(rows.get(first).cells(), new ArrayList<>());
        if (!columns.containsKey(VoteColumns.VOTES)) {
            throw new VoteFileException("缺少“票数”列（表头可写：票数 / 得票 / 得票数 / 投票数 / votes）");
        }
        throw new VoteFileException("缺少识别参赛作品的列：“提名编号”，或“作品名称”、“参赛人员”（姓名/作者/选手），"
                + "可加“参赛单位”");
    }

    /**
     * Every entry of the campaign but the withdrawn, with its unit, award name and the work's title from the
     * package: one query per owner (nomination, unit, campaign, intake) for the whole campaign, joined here.
     */
    private List<VoteMatcher.Candidate> candidates(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Map<Long, String> unitNames = units.of(campaignId);
        Map<Long, String> packageAwards = applicantAwards.byNomination(campaignId);
        return nominations.of(campaignId).stream().filter(n -> n.status() != NominationStatus.WITHDRAWN).map(n -> {
            String unit = n.unitId() == null ? null : unitNames.get(n.unitId());
            return new VoteMatcher.Candidate(n.id(), n.candidateName().strip(), unit == null ? null : unit.strip(),
                    n.awardCode(), campaign.award(n.awardCode()).map(a -> a.getName()).orElse(null),
                    VoteMatcher.titleOf(packageAwards.get(n.id())));
        }).toList();
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
