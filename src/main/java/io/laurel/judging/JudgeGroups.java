package io.laurel.judging;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The judges' Camunda groups configured in {@code laurel.judging} (default {@code judges-expert},
 * {@code judges-audience}): created when missing, with Tasklist, the task filters and the award-selection model
 * (to open their forms). Judges see only the tasks assigned to them; they start and follow nothing.
 * Runs after the working groups and filters exist and before the demo users join the groups.
 */
@Component
@Order(5)
class JudgeGroups implements ApplicationRunner {

    private final JudgingProperties properties;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;

    JudgeGroups(JudgingProperties properties, IdentityService identity, AuthorizationService authorizations,
            FilterService filters) {
        this.properties = properties;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
    }

    /** Group id → Chinese name of every configured judges' group. */
    Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        properties.panels().forEach((code, p) -> groups.putIfAbsent(p.group(), JudgingPlan.panelName(code)));
        properties.presets().values().forEach(panels -> panels.forEach((code, p) -> {
            if (p.group() != null) {
                groups.putIfAbsent(p.group(), JudgingPlan.panelName(code));
            }
        }));
        return groups;
    }

    @Override
    public void run(ApplicationArguments args) {
        groups().forEach((groupId, name) -> {
            // With LDAP (profile "ldap") the directory owns the groups; the grants below still apply to them.
            if (!identity.isReadOnly() && identity.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identity.newGroup(groupId);
                group.setName(name);
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
            grant(groupId, APPLICATION, "tasklist", ACCESS);
            grant(groupId, USER, "*", READ);
            grant(groupId, GROUP, "*", READ);
            grant(groupId, PROCESS_DEFINITION, "award-selection", READ);
            // Their declaration and score tasks live in the called association evaluation.
            grant(groupId, PROCESS_DEFINITION, "association-evaluation", READ);
            // The task filters GroupAuthorizations creates for every working group.
            for (String filter : List.of("我的待办", "我的小组任务")) {
                filters.createFilterQuery().filterName(filter).list()
                        .forEach(f -> grant(groupId, FILTER, f.getId(), READ));
            }
        });
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream().findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setGroupId(groupId);
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        if (authorization.getId() != null && Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        Arrays.stream(permissions).forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
    }
}
