package io.laurel.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.process.AwardSelection;
import io.laurel.web.ApiException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's process instance is readable (runtime and history, in Cockpit and through the engine's REST API)
 * by the group that runs the campaign, and by no other working group. HR and association staff share one
 * process definition (award-selection), so a definition-wide READ_INSTANCE/READ_HISTORY would let each read the
 * other kind's campaigns; instead each launch grants READ on its own instance to the campaign's operators.
 * On start-up, instances launched before these grants existed get theirs.
 */
@Component
@Order(1)
public class CampaignInstanceGrants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CampaignInstanceGrants.class);

    private final AuthorizationService authorizations;
    private final HistoryService history;
    private final CampaignService campaigns;

    CampaignInstanceGrants(AuthorizationService authorizations, HistoryService history, CampaignService campaigns) {
        this.authorizations = authorizations;
        this.history = history;
        this.campaigns = campaigns;
    }

    /** Lets the campaign's operators read the instance and its history; call in the launching transaction. */
    public void grantOperators(Campaign campaign, String processInstanceId) {
        String group = CampaignAccess.operatorGroup(campaign);
        grant(group, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
        grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int granted = 0;
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(AwardSelection.PROCESS_KEY).list()) {
            Campaign campaign = campaign(instance.getBusinessKey());
            if (campaign != null && !readable(CampaignAccess.operatorGroup(campaign), instance.getId())) {
                grantOperators(campaign, instance.getId());
                granted++;
            }
        }
        if (granted > 0) {
            log.info("Granted the operators of {} earlier campaign instances read access to their own instance",
                    granted);
        }
    }

    private Campaign campaign(String businessKey) {
        if (businessKey == null || !businessKey.chars().allMatch(Character::isDigit) || businessKey.isEmpty()) {
            return null;
        }
        try {
            return campaigns.get(Long.valueOf(businessKey));
        } catch (ApiException | NumberFormatException notACampaign) {
            return null;
        }
    }

    private boolean readable(String group, String processInstanceId) {
        return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
