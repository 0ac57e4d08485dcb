package io.laurel.scoring;

import io.laurel.workbook.StyledWorkbook;
import io.laurel.web.ApiException;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * results.xlsx of an association campaign: 评选结果 (one row per entry: position, sources, vote, final score,
 * prizes), 评委评分 (one row per judge and entry: criteria, total, normalised total), 计算说明 (weights,
 * normalisation and per-judge figures, in Chinese words) and 单位奖 (proposals and decisions), in the
 * {@link StyledWorkbook} style. Refused (409) while no judge has scored: a prize list without scores would be
 * a list of zeros ranked by chance.
 */
@Component
public class AssociationResultsWorkbook {

    public byte[] write(AssociationResults.Results r, ZoneId zone) throws IOException {
        refuseWithoutScores(r);
        try (StyledWorkbook book = new StyledWorkbook(zone)) {
            List<String> sources = new ArrayList<>(r.weights().keySet());
            List<String> head = new ArrayList<>(List.of("排名组", "名次", "提名编号", "参赛人员", "参赛单位"));
            sources.forEach(s -> head.add(r.names().getOrDefault(s, s)));
            head.addAll(List.of("得票数", "投票名次", "投票名次得分", "最终得分", "奖项"));
            StyledWorkbook.Table results = book.table("评选结果", head);
            for (AssociationResults.Group g : r.groups()) {
                for (AssociationResults.EntryRow e : g.entries()) {
                    List<Object> cells = new ArrayList<>(Arrays.asList(g.groupName(), e.position(), e.nominationId(),
                            e.candidateName(), e.unitName()));
                    sources.forEach(s -> cells.add(e.sourceScores().get(s)));
                    cells.addAll(Arrays.asList(e.votes(), e.voteRank(), e.votePoints(), e.finalScore(),
                            String.join("、", e.prizes().stream().map(AssociationResults.Prize::name).toList())));
                    results.add(cells);
                }
            }
            Set<String> criteria = new LinkedHashSet<>();
            r.groups().forEach(g -> g.entries().forEach(e -> e.judges().forEach(j -> criteria.addAll(
                    j.criteria().keySet()))));
            List<String> jhead = new ArrayList<>(List.of("提名编号", "参赛人员", "评委", "评委组"));
            criteria.forEach(c -> jhead.add(r.names().getOrDefault(c, c)));
            jhead.addAll(List.of("总分", "标准化总分"));
            StyledWorkbook.Table judges = book.table("评委评分", jhead);
            for (AssociationResults.Group g : r.groups()) {
                for (AssociationResults.EntryRow e : g.entries()) {
                    for (AssociationResults.JudgeMarks j : e.judges()) {
                        List<Object> cells = new ArrayList<>(Arrays.asList(e.nominationId(), e.candidateName(),
                                j.judge(), JudgeLabels.prefix(j.panel()).replace("评委", "") + "评委组"));
                        criteria.forEach(c -> cells.add(j.criteria().get(c)));
                        cells.add(j.total());
                        cells.add(j.normalised());
                        judges.add(cells);
                    }
                }
            }
            explain(book.table("计算说明", List.of("项目", "说明")), r);
            StyledWorkbook.Table figures = book.table("评委统计", List.of("评委", "评委组", "评分作品数", "评委均值",
                    "评委标准差", "组内均值", "组内标准差"));
            for (AssociationResults.JudgeFigures f : r.judgeFigures()) {
                figures.add(Arrays.asList(f.judge(), JudgeLabels.prefix(f.panel()).replace("评委", "") + "评委组",
                        f.entries(), f.mean(), f.sd(), f.panelMean(), f.panelSd()));
            }
            StyledWorkbook.Table units = book.table("单位奖", List.of("奖项", "建议名次", "单位", "参赛作品数",
                    "作品平均得分", "最好名次", "转发次数", "阅读量", "指导参赛评分", "状态", "决定人", "决定时间"));
            for (AssociationResults.UnitPrizeRow u : r.unitPrizes()) {
                units.add(Arrays.asList(u.awardName(), u.proposalRank(), u.unitName(), u.entries(),
                        u.meanFinalScore(), u.bestPosition(), u.forwards(), u.readers(), u.guidanceScore(),
                        switch (u.status()) {
                            case "CONFIRMED" -> "已确认";
                            case "REJECTED" -> "未采纳";
                            default -> "建议";
                        }, u.decidedBy(), u.decidedAt()));
            }
            return book.toBytes();
        }
    }

    static void refuseWithoutScores(AssociationResults.Results r) {
        if (r.groups().isEmpty()) {
            throw ApiException.conflict("评选结果尚未计算，暂不能导出获奖名单：请先在评分结束后计算结果");
        }
        boolean anyScore = r.groups().stream().flatMap(g -> g.entries().stream()).anyMatch(e -> !e.judges().isEmpty());
        if (!anyScore) {
            throw ApiException.conflict("尚无任何评委评分，暂不能导出获奖名单：名次和奖项要等评委评分后才有意义");
        }
    }

    private static void explain(StyledWorkbook.Table method, AssociationResults.Results r) {
        method.add(List.of("计算时间", r.computedAt() == null ? "尚未计算" : r.computedAt()));
        method.add(List.of("评委分标准化", normalisation(r.normalisation())));
        for (var w : r.weights().entrySet()) {
            method.add(List.of("权重：" + r.names().getOrDefault(w.getKey(), w.getKey()), w.getValue()));
            if (r.fullMarks().containsKey(w.getKey())) {
                method.add(List.of("满分：" + r.names().getOrDefault(w.getKey(), w.getKey()), r.fullMarks().get(w.getKey())));
            }
        }
        if (r.finalFormula() != null) {
            method.add(List.of("最终得分公式", r.finalFormula()));
        }
        if (r.weightsNote() != null) {
            method.add(List.of("权重来源", r.weightsNote()));
        }
        method.add(List.of("计分规则", "权重、投票名次得分和各奖项名额取自协会维护的评分规则表（决策表），以计算时的版本为准"));
        method.add(List.of("计算公式", AssociationResults.FORMULA));
        for (String warning : r.warnings()) {
            method.add(List.of("提示", warning));
        }
    }

    static String normalisation(String code) {
        if (code == null) {
            return "尚未计算";
        }
        return switch (code) {
            case "none" -> "不标准化：直接使用评委给出的原始分";
            case "z-score" -> "Z 分数标准化：每位评委的分数按其均值和标准差换算到评委组的均值和标准差";
            default -> code;
        };
    }
}
