package io.laurel.selection;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LaunchController {

    private final CampaignLauncher launcher;

    LaunchController(CampaignLauncher launcher) {
        this.launcher = launcher;
    }

    @PostMapping("/api/campaigns/{id}/launch")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> launch(@PathVariable Long id) {
        ProcessInstance instance = launcher.launch(id);
        return Map.of("campaignId", id, "processInstanceId", instance.getId(), "status", "RUNNING");
    }
}
