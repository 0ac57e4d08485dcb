package io.laurel.nomination;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class NominationController {

    private final NominationService nominations;

    NominationController(NominationService nominations) {
        this.nominations = nominations;
    }

    @PostMapping("/api/campaigns/{id}/nominations")
    ResponseEntity<NominationView> nominate(@PathVariable Long id, @RequestBody NominationRequest request) {
        Nomination nomination = nominations.submit(id, request);
        return ResponseEntity.created(URI.create("/api/nominations/" + nomination.getId()))
                .body(NominationView.of(nomination));
    }

    /** Operators get every nomination; a department head their own department's, nominators hidden. */
    @GetMapping("/api/campaigns/{id}/nominations")
    List<NominationView> list(@PathVariable Long id, Authentication caller) {
        return nominations.list(id, caller);
    }

    @PostMapping("/api/nominations/{id}/materials")
    ResponseEntity<Map<String, Object>> attach(@PathVariable Long id, @RequestParam("kind") String kind,
            @RequestPart("file") MultipartFile file) {
        Material material = nominations.attach(id, kind, file);
        return ResponseEntity.created(URI.create("/api/materials/" + material.getId())).body(Map.of(
                "id", material.getId(), "kind", material.getKind(), "fileName", material.getOriginalFileName(),
                "sizeBytes", material.getSizeBytes(), "sha256", material.getSha256()));
    }
}
