package io.laurel.portal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Fraud signals of the portal vote for staff (HTTP basic; HR, association staff and admins, see SecurityConfiguration). */
@RestController
class VoteSignalsController {

    private final VoteSignals signals;

    VoteSignalsController(VoteSignals signals) {
        this.signals = signals;
    }

    @GetMapping("/api/campaigns/{id}/votes/signals")
    List<VoteSignals.Signal> signals(@PathVariable Long id) {
        return signals.of(id);
    }
}
