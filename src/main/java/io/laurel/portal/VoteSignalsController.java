package io.laurel.portal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Fraud signals of the portal vote for staff (HTTP basic; HR, association staff and admins, see SecurityConfiguration). */
@RestController
class VoteSignalsController {

    private final PortalVotes votes;

    VoteSignalsController(PortalVotes votes) {
        this.votes = votes;
    }

    @GetMapping("/api/campaigns/{id}/votes/signals")
    List<PortalVotes.Signal> signals(@PathVariable Long id) {
        return votes.signals(id);
    }
}
