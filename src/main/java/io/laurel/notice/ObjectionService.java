package io.laurel.notice;

import io.laurel.campaign.CampaignService;
import io.laurel.process.AwardSelection;
import io.laurel.vote.AwardResults;
import io.laurel.web.ApiException;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes objections during the public notice. The objection is stored and its investigation started in
 * the campaign's process in one transaction; the process variable holds the objection's id only.
 */
@Service
public class ObjectionService {

    private final CampaignService campaigns;
    private final ObjectionRepository objections;
    private final RuntimeService runtime;
    private final AwardResults results;
    private final Clock clock;

    ObjectionService(CampaignService campaigns, ObjectionRepository objections, RuntimeService runtime,
            AwardResults results, Clock clock) {
        this.campaigns = campaigns;
        this.objections = objections;
        this.runtime = runtime;
        this.results = results;
        this.clock = clock;
    }

    @Transactional
    public Objection raise(Long campaignId, ObjectionRequest request) {
        var campaign = campaigns.get(campaignId);
        ApiException.requireText(request.objectorName(), "objectorName", "异议人姓名");
        ApiException.requireText(request.objectorContact(), "objectorContact", "联系方式");
        ApiException.requireText(request.reason(), "reason", "异议理由");
        if (request.nominationId() == null) {
            throw ApiException.badRequest("nominationId", "nominationId: 必填 (异议针对的获奖者)");
        }
        boolean inNotice = runtime.createExecutionQuery().processInstanceBusinessKey(campaignId.toString())
                .processDefinitionKey(AwardSelection.PROCESS_KEY).activityId("noticePeriod").count() > 0;
        if (!inNotice) {
            throw ApiException.conflict("活动「" + campaign.getName() + "」当前不在公示期,不能提出异议");
        }
        if (!results.isWinner(campaignId, request.nominationId())) {
            throw ApiException.badRequest("nominationId", "nominationId: " + request.nominationId() + " 不在公示的获奖名单上");
        }
        Objection objection = objections.save(new Objection(campaignId, request.nominationId(),
                request.objectorName().trim(), request.objectorContact().trim(), request.reason().trim(),
                clock.instant()));
        runtime.createMessageCorrelation(AwardSelection.OBJECTION_MESSAGE)
                .processInstanceBusinessKey(campaignId.toString())
                .setVariableLocal("objectionId", objection.getId())
                .correlateWithResult();
        return objection;
    }
}
