package io.laurel.contest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The skills contest's API: team registration and withdrawal (association staff and administrators, by the
 * security rules for writes) and the published state of the contest (every working group).
 */
@RestController
class ContestController {

    private final TeamRegistration registration;
    private final ContestView view;
    private final TeamVideos videos;

    ContestController(TeamRegistration registration, ContestView view, TeamVideos videos) {
        this.registration = registration;
        this.view = view;
        this.videos = videos;
    }

    /** A mailed team's introduction video, linked from the screening task. */
    @GetMapping("/api/campaigns/{id}/teams/{teamId}/video")
    ResponseEntity<InputStreamResource> video(@PathVariable Long id, @PathVariable Long teamId) throws IOException {
        registration.contestCampaign(id);
        TeamVideos.Video video = videos.open(id, teamId);
        return ResponseEntity.ok().contentType(MediaTypeFactory.getMediaType(video.fileName())
                .orElse(MediaType.APPLICATION_OCTET_STREAM)).contentLength(video.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(video.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(video.content()));
    }

    @PostMapping("/api/campaigns/{id}/teams")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> register(@PathVariable Long id, @RequestBody(required = false) TeamRequest request) {
        return view.team(registration.register(id, request, "API"));
    }

    record WithdrawalRequest(String reason) {
    }

    @PostMapping("/api/campaigns/{id}/teams/{teamId}/withdrawal")
    Map<String, Object> withdraw(@PathVariable Long id, @PathVariable Long teamId,
            @RequestBody(required = false) WithdrawalRequest request) {
        return view.team(registration.withdraw(id, teamId, request == null ? null : request.reason()));
    }

    @GetMapping("/api/campaigns/{id}/contest")
    Map<String, Object> contest(@PathVariable Long id) {
        registration.contestCampaign(id);
        return view.contest(id);
    }
}
