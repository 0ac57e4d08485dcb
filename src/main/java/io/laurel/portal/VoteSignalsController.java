package io.laurel.portal;

import io.laurel.access.CampaignAccess;
import io.laurel.campaign.CampaignService;
import org.springframework.security.core.Authentication;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Fraud signals of the portal vote for staff (HTTP basic; HR, association staff and admins, see SecurityConfiguration). */
@RestController
class VoteSignalsController {

    private final VoteSignals signals;
    private final CampaignService campaigns;
    private final CampaignAccess access;

    VoteSignalsController(VoteSignals signals, CampaignService campaigns, CampaignAccess access) {
        this.signals = signals;
        this.campaigns = campaigns;
        this.access = access;
    }

    @GetMapping("/api/campaigns/{id}/votes/signals")
    List<VoteSignals.Signal> signals(@PathVariable Long id, Authentication caller) {
        // Voters' emails and addresses: the staff who run this campaign only.
        access.requireOperator(caller, campaigns.get(id), "网络投票异常信号");
        return signals.of(id);
    }
}
