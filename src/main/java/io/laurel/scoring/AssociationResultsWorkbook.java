package io.laurel.scoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * results.xlsx of an association campaign: 评选结果 (one row per entry: position, sources, vote, final score,
 * prizes), 评委评分 (one row per judge and entry: criteria, total, normalised total), 计算说明 (weights,
 * normalisation, per-judge figures, DMN versions, the formula) and 单位奖 (proposals and decisions).
 */
@Component
public class AssociationResultsWorkbook {

    public byte[] write(AssociationResults.Results r) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<String> sources = new ArrayList<>(r.weights().keySet());
            Sheet results = book.createSheet("评选结果");
            List<Object> head = new ArrayList<>(List.of("排名组", "名次", "提名编号", "参赛人员", "参赛单位"));
            sources.forEach(s -> head.add(r.names().getOrDefault(s, s)));
            head.addAll(List.of("得票数", "投票名次", "投票名次得分", "最终得分", "奖项"));
            row(results, 0, head);
            int n = 1;
            for (AssociationResults.Group g : r.groups()) {
                for (AssociationResults.EntryRow e : g.entries()) {
                    List<Object> cells = new ArrayList<>(List.of(g.groupName(), e.position(), e.nominationId(),
                            e.candidateName(), e.unitName() == null ? "" : e.unitName()));
                    sources.forEach(s -> cells.add(e.sourceScores().get(s)));
                    cells.addAll(List.of(e.votes(), e.voteRank(), e.votePoints(), e.finalScore(),
                            String.join("、", e.prizes().stream().map(AssociationResults.Prize::name).toList())));
                    row(results, n++, cells);
                }
            }
            if (r.finalFormula() != null) {
                row(results, n + 1, List.of(r.finalFormula()));
            }
            Sheet judges = book.createSheet("评委评分");
            Set<String> criteria = new LinkedHashSet<>();
            r.groups().forEach(g -> g.entries().forEach(e -> e.judges().forEach(j -> criteria.addAll(
                    j.criteria().keySet()))));
            List<Object> jhead = new ArrayList<>(List.of("提名编号", "参赛人员", "评委", "评委组"));
            criteria.forEach(c -> jhead.add(r.names().getOrDefault(c, c)));
            jhead.addAll(List.of("总分", "标准化总分"));
            row(judges, 0, jhead);
            n = 1;
            for (AssociationResults.Group g : r.groups()) {
                for (AssociationResults.EntryRow e : g.entries()) {
                    for (AssociationResults.JudgeMarks j : e.judges()) {
                        List<Object> cells = new ArrayList<>(List.of(e.nominationId(), e.candidateName(), j.judge(),
                                j.panel()));
                        criteria.forEach(c -> cells.add(j.criteria().get(c)));
                        cells.add(j.total());
                        cells.add(j.normalised());
                        row(judges, n++, cells);
                    }
                }
            }
            Sheet method = book.createSheet("计算说明");
            n = 0;
            row(method, n++, List.of("标准化方法", r.normalisation() == null ? "尚未计算" : r.normalisation()));
            for (var w : r.weights().entrySet()) {
                row(method, n++, List.of("权重 " + r.names().getOrDefault(w.getKey(), w.getKey()), w.getValue()));
                if (r.fullMarks().containsKey(w.getKey())) {
                    row(method, n++, List.of("满分 " + r.names().getOrDefault(w.getKey(), w.getKey()),
                            r.fullMarks().get(w.getKey())));
                }
            }
            if (r.finalFormula() != null) {
                row(method, n++, List.of("最终得分公式", r.finalFormula()));
            }
            if (r.decisions() != null) {
                row(method, n++, List.of("DMN score-weights", r.decisions().scoreWeights()));
                row(method, n++, List.of("DMN vote-points", r.decisions().votePoints()));
                row(method, n++, List.of("DMN award-quota", r.decisions().awardQuota()));
            }
            row(method, n++, List.of("计算公式", AssociationResults.FORMULA));
            for (String warning : r.warnings()) {
                row(method, n++, List.of("提示", warning));
            }
            n++;
            row(method, n++, List.of("评委", "评委组", "评分作品数", "评委均值", "评委标准差", "组内均值", "组内标准差"));
            for (AssociationResults.JudgeFigures f : r.judgeFigures()) {
                row(method, n++, List.of(f.judge(), f.panel(), f.entries(), f.mean(), f.sd(), f.panelMean(),
                        f.panelSd()));
            }
            Sheet units = book.createSheet("单位奖");
            row(units, 0, List.of("奖项", "建议名次", "单位", "参赛作品数", "作品平均得分", "最好名次", "转发次数", "阅读量",
                    "指导参赛评分", "状态", "决定人", "决定时间"));
            n = 1;
            for (AssociationResults.UnitPrizeRow u : r.unitPrizes()) {
                row(units, n++, java.util.Arrays.asList(u.awardName(), u.proposalRank(), u.unitName(), u.entries(),
                        u.meanFinalScore(), u.bestPosition(), u.forwards(), u.readers(), u.guidanceScore(),
                        switch (u.status()) {
                            case "CONFIRMED" -> "已确认";
                            case "REJECTED" -> "未采纳";
                            default -> "建议";
                        }, u.decidedBy(), u.decidedAt() == null ? null : u.decidedAt().toString()));
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet sheet, int index, List<?> values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v instanceof BigDecimal d) {
                row.createCell(c).setCellValue(d.doubleValue());
            } else if (v instanceof Number num) {
                row.createCell(c).setCellValue(num.doubleValue());
            } else {
                row.createCell(c).setCellValue(v == null ? "" : v.toString());
            }
        }
    }
}
