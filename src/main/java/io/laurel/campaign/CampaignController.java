package io.laurel.campaign;

import io.laurel.web.ApiException;
import io.laurel.web.InputRules;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class CampaignController {

    private final CampaignService campaigns;
    private final PresetCatalog presets;
    private final CampaignOperators operators;

    CampaignController(CampaignService campaigns, PresetCatalog presets, CampaignOperators operators) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.operators = operators;
    }

    /** {@code startsOn} is read as text so a bad date gets our own message naming the field. */
    record CreateCampaign(String preset, String startsOn) {
    }

    @PostMapping("/campaigns")
    ResponseEntity<CampaignView> create(@RequestBody(required = false) CreateCampaign request, Authentication user) {
        if (request == null) {
            throw ApiException.badRequest("preset", "请求体为空:需要 {\"preset\": \"...\", \"startsOn\": \"YYYY-MM-DD\"}");
        }
        if (request.preset() == null || request.preset().isBlank()) {
            throw ApiException.badRequest("preset", "preset: 必填,活动预设的键,例如 service-star-2025");
        }
        // HR creates company campaigns, association staff association campaigns (each then runs what it created).
        presets.find(request.preset().trim()).filter(p -> !operators.runs(user, p.kind())).ifPresent(p -> {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "无权访问:「" + p.name() + "」由"
                    + CampaignOperators.runBy(p.kind()) + "创建和负责", null);
        });
        LocalDate startsOn = parseDate(request.startsOn());
        Campaign campaign = campaigns.createFromPreset(request.preset().trim(), startsOn, user.getName());
        return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.getId()))
                .body(campaigns.view(campaign.getId()));
    }

    @GetMapping("/campaigns")
    List<CampaignView> list() {
        return campaigns.list();
    }

    @GetMapping("/campaigns/{id}")
    CampaignView get(@PathVariable Long id) {
        return campaigns.view(id);
    }

    @GetMapping("/presets")
    List<Preset> presets() {
        return presets.all();
    }

    private static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return InputRules.dateInRange(LocalDate.parse(text.trim()), "startsOn", "活动开始日期");
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("startsOn", "startsOn: 日期格式应为 YYYY-MM-DD,收到 '" + text + "'");
        }
    }
}
