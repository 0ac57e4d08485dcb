package io.laurel.intake.validation;

import io.laurel.campaign.AwardQuotas;
import io.laurel.campaign.Preset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Per-unit limits of the DMN {@code award-quota} (seed 000: 3 applicants per award; seed 001: 5 entries per
 * unit), counted over everything the unit registered in this campaign, whatever mail it came in: the applicants
 * already registered plus the new ones of this package. Over a limit is a problem for the unit, or a decision for
 * staff when the unit asks for an exception in its mail.
 */
@Component
class QuotaChecks {

    private static final Pattern EXCEPTION_REQUEST = Pattern.compile("例外|特批|特殊申请|超额申请|超出名额");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA)
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final AwardQuotas quotas;

    QuotaChecks(AwardQuotas quotas) {
        this.quotas = quotas;
    }

    void check(Preset preset, List<Assessment.Applicant> applicants, List<PriorEntry> prior, String mailText,
            List<Finding> problems, List<Finding> decisions) {
        boolean askedForException = mailText != null && EXCEPTION_REQUEST.matcher(mailText).find();
        List<Assessment.Applicant> fresh = applicants.stream()
                .filter(a -> prior.stream().noneMatch(p -> p.sameAs(a))).toList();
        for (String award : fresh.stream().map(Assessment.Applicant::awardCode)
                .filter(c -> c != null && !c.equals(PackageInspector.ENTRY_CODE)).distinct().toList()) {
            Integer limit = quotas.of(preset.key(), award).perUnitLimit();
            List<PriorEntry> before = prior.stream().filter(p -> p.awardCode().equals(award)).toList();
            long count = before.size() + fresh.stream().filter(a -> award.equals(a.awardCode())).count();
            if (limit != null && count > limit) {
                String awardName = preset.awards().stream().filter(a -> a.code().equals(award))
                        .map(Preset.Award::name).findFirst().orElse(award);
                overLimit(askedForException, "奖项“" + awardName + "”", count, limit, "人", before, problems,
                        decisions);
            }
        }
        Integer total = quotas.of(preset.key(), PackageInspector.ENTRY_CODE).perUnitLimit();
        if (total != null && prior.size() + fresh.size() > total) {
            overLimit(askedForException, "本单位", prior.size() + fresh.size(), total, "个名额（团队参赛计为 1 个）", prior,
                    problems, decisions);
        }
    }

    private static void overLimit(boolean askedForException, String subject, long count, int limit, String unit,
            List<PriorEntry> before, List<Finding> problems, List<Finding> decisions) {
        String problem = "推荐 " + count + " " + unit + "，超过每家单位 " + limit + " " + unit + "的上限";
        if (!before.isEmpty()) {
            problem += "；此前的邮件已登记 " + before.size() + " 个：" + before.stream()
                    .map(p -> p.name() + (p.awardName() == null ? "" : "（" + p.awardName() + "）") + "，"
                            + WHEN.format(p.registeredAt()) + " 登记")
                    .collect(Collectors.joining("；"));
        }
        if (askedForException) {
            decisions.add(new Finding(subject, problem + "；单位在邮件中申请例外", "请协会工作人员决定是否同意例外"));
        } else {
            int room = Math.max(0, limit - before.size());
            problems.add(new Finding(subject, problem, before.isEmpty()
                    ? "请减少到 " + limit + " 以内后重新提交；如确需超出，请在邮件中说明申请例外"
                    : "本次最多还可推荐 " + room + " 个；请减少后重新提交，如确需超出，请在邮件中说明申请例外"));
        }
    }
}
