package io.laurel.review;

import io.laurel.mail.Notice;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells candidate and nominator exactly which materials are missing and until when (3 working days). */
@Component("supplementRequester")
class SupplementRequester implements JavaDelegate {

    private final NominationContext context;
    private final NominationMail mail;

    SupplementRequester(NominationContext context, NominationMail mail) {
        this.context = context;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        String missing = (String) execution.getVariable("missingMaterials");
        List<String> items = missing == null || missing.isBlank() ? List.of() : Arrays.asList(missing.split("\n"));
        mail.toCandidateAndNominator(loaded, new Notice(
                "【" + loaded.campaign().getName() + "】请在3个工作日内补充参选材料",
                loaded.nomination().getCandidateName() + " 及推荐人,您好:",
                List.of("您参评「" + loaded.awardName() + "」的提名已通过资格初审,但材料尚不完整。",
                        "请在 3 个工作日内通过 Laurel 提交以下材料(POST /api/nominations/"
                                + loaded.nomination().getId() + "/materials),逾期未补充的提名将被取消:"),
                items));
    }
}
