package io.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.laurel.campaign.Campaign;
import io.laurel.identity.LaurelGroups;
import io.laurel.process.AwardSelection;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.LaurelTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

/** An installation upgraded from a version with definition-wide reads: the start-up puts it right. */
@LaurelTest
class CampaignInstanceGrantsTest {

    @Autowired
    SelectionDriver driver;

    @Autowired
    RuntimeService runtime;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    CampaignInstanceGrants grants;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void an_instance_launched_before_the_grants_gets_its_operators_grant_once_at_start_up() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        // As an earlier version launched it: no per-instance grant.
        ProcessInstance instance = runtime.createProcessInstanceByKey(AwardSelection.PROCESS_KEY)
                .businessKey(campaign.getId().toString()).setVariable(AwardSelection.CAMPAIGN_ID, campaign.getId())
                .execute();
        assertThat(instanceGrants(LaurelGroups.HR, instance.getId())).isZero();

        grants.run(new DefaultApplicationArguments());
        grants.run(new DefaultApplicationArguments());

        assertThat(instanceGrants(LaurelGroups.HR, instance.getId())).isEqualTo(1);
        assertThat(instanceGrants(LaurelGroups.ASSOCIATION_STAFF, instance.getId())).isZero();
        assertThat(authorizations.isUserAuthorized("x", java.util.List.of(LaurelGroups.HR), Permissions.READ,
                Resources.PROCESS_INSTANCE, instance.getId())).isTrue();
    }

    @Test
    void definition_wide_reads_granted_by_an_earlier_version_are_taken_back() throws Exception {
        Authorization old = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(LaurelGroups.ASSOCIATION_STAFF).resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(AwardSelection.PROCESS_KEY).singleResult();
        old.addPermission(Permissions.READ_INSTANCE);
        old.addPermission(Permissions.READ_HISTORY);
        authorizations.saveAuthorization(old);
        assertThat(readsEveryInstance(LaurelGroups.ASSOCIATION_STAFF)).isTrue();

        ((ApplicationRunner) context.getBean("groupAuthorizations")).run(new DefaultApplicationArguments());

        assertThat(readsEveryInstance(LaurelGroups.ASSOCIATION_STAFF)).isFalse();
        assertThat(readsEveryInstance(LaurelGroups.HR)).isFalse();
        // What the group still needs on the definition stays.
        assertThat(authorizations.isUserAuthorized("x", java.util.List.of(LaurelGroups.ASSOCIATION_STAFF),
                Permissions.READ, Resources.PROCESS_DEFINITION, AwardSelection.PROCESS_KEY)).isTrue();
    }

    private boolean readsEveryInstance(String group) {
        java.util.List<String> groups = java.util.List.of(group);
        return authorizations.isUserAuthorized("x", groups, Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
                AwardSelection.PROCESS_KEY)
                || authorizations.isUserAuthorized("x", groups, Permissions.READ_HISTORY,
                        Resources.PROCESS_DEFINITION, AwardSelection.PROCESS_KEY);
    }

    private long instanceGrants(String group, String processInstanceId) {
        return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(processInstanceId).count();
    }
}
