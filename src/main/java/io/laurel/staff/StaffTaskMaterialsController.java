package io.laurel.staff;

import io.laurel.nomination.Material;
import io.laurel.nomination.MaterialRepository;
import io.laurel.files.FileStore;
import io.laurel.process.AwardSelection;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Opens a material from a Tasklist form (the links {@code MaterialLinks} writes): only for the task's assignee or
 * candidates (user or group), and only materials of the task's campaign — of the task's own nomination when the
 * task is about one. Everyone else gets the 403 page; whether the task or file exists is not revealed.
 */
@Controller
class StaffTaskMaterialsController {

    /** Task variables that name the one nomination a task is about. */
    static final String[] NOMINATION_VARIABLES = {"reviewNominationId", "nominationId", "judgeEntryId"};

    private final TaskService tasks;
    private final MaterialRepository materials;
    private final FileStore files;

    StaffTaskMaterialsController(TaskService tasks, MaterialRepository materials, FileStore files) {
        this.tasks = tasks;
        this.materials = materials;
        this.files = files;
    }

    @GetMapping("/staff/tasks/{taskId}/materials/{materialId}")
    void open(@PathVariable String taskId, @PathVariable long materialId, Authentication caller,
            HttpServletResponse response) throws IOException {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        Material material = materials.findById(materialId).orElse(null);
        if (task == null || material == null || !mayWork(task, caller) || !belongs(task, material)) {
            throw new AccessDeniedException("not this task's material");
        }
        response.setContentType(material.getContentType() == null ? "application/octet-stream"
                : material.getContentType());
        response.setHeader("Content-Disposition", "inline; filename*=UTF-8''"
                + URLEncoder.encode(material.getOriginalFileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(material.getSizeBytes());
        try (InputStream in = files.open(material.getStorageLocation())) {
            in.transferTo(response.getOutputStream());
        }
    }

    private boolean mayWork(Task task, Authentication caller) {
        String user = caller.getName();
        if (user.equals(task.getAssignee())) {
            return true;
        }
        Set<String> groups = new HashSet<>();
        caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(groups::add);
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (!"candidate".equals(link.getType())) {
                continue;
            }
            if (user.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    private boolean belongs(Task task, Material material) {
        Long campaignId = AwardSelection.campaignId(tasks.getVariable(task.getId(), AwardSelection.CAMPAIGN_ID));
        if (campaignId == null || !campaignId.equals(material.getCampaignId())) {
            return false;
        }
        for (String variable : NOMINATION_VARIABLES) {
            Object value = tasks.getVariable(task.getId(), variable);
            if (value != null) {
                return material.getNominationId() != null
                        && material.getNominationId().equals(AwardSelection.campaignId(value));
            }
        }
        return true; // the ballot: every finalist of the campaign
    }
}
