package io.laurel.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates Laurel's Camunda groups, the Tasklist filters, and the least authorizations each group's work
 * needs. Task visibility itself is not granted here: the engine grants a task to its assignee and
 * candidate groups when the task is created, so a committee member never sees HR's tasks.
 * Runs on every start and only adds what is missing, so staff may tighten or widen rules in Admin — except the two
 * definition-wide reads on award-selection, which it takes back (they would let HR read association campaigns and
 * the other way round).
 */
@Component
@Order(0)
class GroupAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GroupAuthorizations.class);

    static final String AWARD_SELECTION = "award-selection";
    /** Called by award-selection for association campaigns (conformity review, judging, ranking). */
    static final String ASSOCIATION_EVALUATION = "association-evaluation";
    static final String PACKAGE_INTAKE = "package-intake";
    static final String SKILLS_CONTEST = "skills-contest";
    static final String INTAKE_DEADLINES = "intake-deadlines";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    GroupAuthorizations(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String groupId : LaurelGroups.WORKING) {
            ensureGroup(groupId);
            grant(groupId, APPLICATION, "tasklist", ACCESS);
            // Names of colleagues and groups shown on tasks.
            grant(groupId, USER, "*", READ);
            grant(groupId, GROUP, "*", READ);
        }
        ensureGroup(LaurelGroups.ADMIN);

        // HR runs company campaigns: starts them, follows them in Cockpit, evaluates the rules.
        grant(LaurelGroups.HR, APPLICATION, "cockpit", ACCESS);
        // Not READ_INSTANCE/READ_HISTORY on award-selection: association staff share that definition, so each group
        // reads only the instances of its own campaigns, granted per instance at launch (access.CampaignInstanceGrants).
        grant(LaurelGroups.HR, PROCESS_DEFINITION, AWARD_SELECTION, READ, CREATE_INSTANCE);
        revokeDefinitionWideReads(LaurelGroups.HR, AWARD_SELECTION);
        grant(LaurelGroups.HR, PROCESS_INSTANCE, "*", CREATE);
        for (String decision : new String[] {"eligibility", "award-quota"}) {
            grant(LaurelGroups.HR, DECISION_DEFINITION, decision, READ, CREATE_INSTANCE, READ_HISTORY);
        }

        // Association staff run association campaigns and the mailbox intake.
        grant(LaurelGroups.ASSOCIATION_STAFF, APPLICATION, "cockpit", ACCESS);
        grant(LaurelGroups.ASSOCIATION_STAFF, PROCESS_DEFINITION, AWARD_SELECTION, READ, CREATE_INSTANCE);
        revokeDefinitionWideReads(LaurelGroups.ASSOCIATION_STAFF, AWARD_SELECTION);
        // Definitions only association campaigns use: theirs alone.
        for (String process : new String[] {ASSOCIATION_EVALUATION, PACKAGE_INTAKE, INTAKE_DEADLINES, SKILLS_CONTEST}) {
            grant(LaurelGroups.ASSOCIATION_STAFF, PROCESS_DEFINITION, process, READ, CREATE_INSTANCE, READ_INSTANCE,
                    READ_HISTORY);
        }
        grant(LaurelGroups.ASSOCIATION_STAFF, PROCESS_INSTANCE, "*", CREATE);
        grant(LaurelGroups.ASSOCIATION_STAFF, DECISION_DEFINITION, "award-quota", READ, CREATE_INSTANCE, READ_HISTORY);
        // The skills contest's stage weights are theirs to check and change (redeploy the table).
        grant(LaurelGroups.ASSOCIATION_STAFF, DECISION_DEFINITION, "contest-stage-weights", READ, CREATE_INSTANCE,
                READ_HISTORY);

        // Department heads, the committee and the contest judges only read their model (to open task forms).
        grant(LaurelGroups.DEPARTMENT_HEADS, PROCESS_DEFINITION, AWARD_SELECTION, READ);
        grant(LaurelGroups.COMMITTEE, PROCESS_DEFINITION, AWARD_SELECTION, READ);
        grant(LaurelGroups.CONTEST_JUDGES, PROCESS_DEFINITION, SKILLS_CONTEST, READ);

        ensureFilter("我的待办", -10, "指派给我的任务", q -> q.taskAssigneeExpression("${currentUser()}"));
        // Candidate user, not candidate groups: the engine's candidate-user query matches tasks offered to the user by
        // name (the committee chair's 调查异议) as well as through any of their groups.
        ensureFilter("我的小组任务", -5, "我可以认领的任务：我本人或我所在小组是候选人",
                q -> q.taskCandidateUserExpression("${currentUser()}").taskUnassigned());
        log.info("Camunda groups, filters and authorizations are in place");
    }

    private void ensureGroup(String groupId) {
        if (identity.isReadOnly()) {
            // LDAP (profile "ldap"): the directory owns the groups; authorizations below are still Laurel's.
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                log.warn("Group {} ({}) is not in the directory: its members cannot work in Laurel until it exists",
                        groupId, LaurelGroups.chineseName(groupId));
            }
            return;
        }
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(LaurelGroups.chineseName(groupId));
            group.setType(LaurelGroups.ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /**
     * Earlier versions granted these on the shared definition; they would keep the cross-campaign reads open on an
     * upgraded installation, so they are taken back (the per-instance grants replace them).
     */
    private void revokeDefinitionWideReads(String groupId, String processKey) {
        for (Authorization authorization : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(PROCESS_DEFINITION).resourceId(processKey).list()) {
            if (authorization.isPermissionGranted(READ_INSTANCE) || authorization.isPermissionGranted(READ_HISTORY)) {
                authorization.removePermission(READ_INSTANCE);
                authorization.removePermission(READ_HISTORY);
                authorizations.saveAuthorization(authorization);
                log.warn("Took READ_INSTANCE and READ_HISTORY on {} back from group {}: they let it read every campaign"
                        + " of the definition; each campaign's operators now get read access to their own instance",
                        processKey, groupId);
            }
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).list().stream().findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                    created.setGroupId(groupId);
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        if (authorization.getId() != null
                && Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        Arrays.stream(permissions).forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
    }

    private void ensureFilter(String name, int priority, String description,
            java.util.function.UnaryOperator<TaskQuery> query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setOwner(LaurelGroups.ADMIN);
        } else if (description.equals(filter.getProperties().get("description"))) {
            filter = null; // as this version made it; an older one (e.g. groups only) is brought up to date below
        }
        if (filter != null) {
            filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true))
                    .setQuery(query.apply(tasks.createTaskQuery()));
            filters.saveFilter(filter);
        }
        filter = filters.createFilterQuery().filterName(name).singleResult();
        for (String groupId : LaurelGroups.WORKING) {
            grant(groupId, FILTER, filter.getId(), READ);
        }
    }
}
