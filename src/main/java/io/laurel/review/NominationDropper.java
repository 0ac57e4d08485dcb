package io.laurel.review;

import io.laurel.mail.Notice;
import io.laurel.nomination.NominationStatus;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supplement window passed without the missing materials: the nomination is dropped, with a notice. */
@Component("nominationDropper")
class NominationDropper implements JavaDelegate {

    private final NominationContext context;
    private final NominationMail mail;

    NominationDropper(NominationContext context, NominationMail mail) {
        this.context = context;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        loaded.nomination().changeStatus(NominationStatus.DROPPED);
        String missing = (String) execution.getVariable("missingMaterials");
        mail.toCandidateAndNominator(loaded, new Notice(
                "【" + loaded.campaign().getName() + "】提名因材料不全已取消",
                loaded.nomination().getCandidateName() + " 及推荐人,您好:",
                List.of("您参评「" + loaded.awardName() + "」的提名在 3 个工作日的补充期内仍缺少以下材料,按评选规则已取消:"),
                missing == null ? List.of() : Arrays.asList(missing.split("\n"))));
    }
}
