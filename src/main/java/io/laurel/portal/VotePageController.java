package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.files.FileStore;
import io.laurel.intake.validation.FileKind;
import io.laurel.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The online-vote page: entries with photo and summary; a visitor verifies an email with a mailed code
 * (kept in the session for that day) and votes per entry. Counts appear only after the window closed.
 */
@Controller
class VotePageController {

    private final PortalCampaigns loader;
    private final VotingCampaigns voting;
    private final PortalVotes votes;
    private final VoteEntries entries;
    private final FileStore files;

    VotePageController(PortalCampaigns loader, VotingCampaigns voting, PortalVotes votes, VoteEntries entries,
            FileStore files) {
        this.loader = loader;
        this.voting = voting;
        this.votes = votes;
        this.entries = entries;
        this.files = files;
    }

    @GetMapping("/campaigns/{id}/vote")
    String page(@PathVariable Long id, HttpSession session, Model model) {
        return page(loader.get(id), session, model);
    }

    @PostMapping("/campaigns/{id}/vote/code")
    String requestCode(@PathVariable Long id, @RequestParam(required = false) String email, HttpSession session,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Campaign campaign = loader.get(id);
        try {
            votes.requestCode(campaign, email, request.getRemoteAddr());
            model.addAttribute("info", "验证码已发送到 " + PortalNominations.masked(email.trim()) + ",请查收邮件后填写");
            model.addAttribute("codeSent", true);
        } catch (ApiException e) {
            refused(e, response, model);
        }
        model.addAttribute("email", email);
        return page(campaign, session, model);
    }

    @PostMapping("/campaigns/{id}/vote/verify")
    String verify(@PathVariable Long id, @RequestParam(required = false) String email,
            @RequestParam(required = false) String code, HttpSession session, HttpServletResponse response,
            Model model) {
        Campaign campaign = loader.get(id);
        try {
            session.setAttribute(voterKey(id), votes.verify(campaign, email, code));
            model.addAttribute("info", "邮箱已验证,今天可以为每个作品各投一票");
        } catch (ApiException e) {
            refused(e, response, model);
            model.addAttribute("codeSent", true);
        }
        model.addAttribute("email", email);
        return page(campaign, session, model);
    }

    @PostMapping("/campaigns/{id}/vote/{nominationId}")
    String vote(@PathVariable Long id, @PathVariable Long nominationId, HttpSession session,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Campaign campaign = loader.get(id);
        try {
            VoteEntries.Entry entry = votes.cast(campaign, (PortalVotes.Voter) session.getAttribute(voterKey(id)),
                    nominationId, request.getRemoteAddr());
            redirect.addFlashAttribute("info", "投票成功:您已为「" + entry.candidateName() + "」投出今天的一票");
            return "redirect:/campaigns/" + id + "/vote";
        } catch (ApiException e) {
            refused(e, response, model);
            return page(campaign, session, model);
        }
    }

    /**
     * The same vote for scripts and the page's own fetch (Accept: application/json, CSRF token in the
     * X-CSRF-TOKEN header): 201 with the entry, or the refusal as JSON (409 already voted, 429 limit, ...).
     */
    @PostMapping(path = "/campaigns/{id}/vote/{nominationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> voteJson(@PathVariable Long id, @PathVariable Long nominationId,
            HttpSession session, HttpServletRequest request) {
        VoteEntries.Entry entry = votes.cast(voting.get(id), (PortalVotes.Voter) session.getAttribute(voterKey(id)),
                nominationId, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("nominationId", entry.nominationId(),
                "candidateName", entry.candidateName(), "message", "投票成功:您已为「" + entry.candidateName()
                        + "」投出今天的一票"));
    }

    /** A code request for scripts: 202 with the masked address, or the refusal as JSON. */
    @PostMapping(path = "/campaigns/{id}/vote/code", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> requestCodeJson(@PathVariable Long id,
            @RequestParam(required = false) String email, HttpServletRequest request) {
        votes.requestCode(voting.get(id), email, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("sentTo", PortalNominations.masked(email.trim())));
    }

    @GetMapping("/campaigns/{id}/vote/photos/{materialId}")
    ResponseEntity<InputStreamResource> photo(@PathVariable Long id, @PathVariable Long materialId) throws IOException {
        VoteEntries.Photo photo = entries.photo(loader.get(id), materialId)
                .orElseThrow(() -> ApiException.notFound("没有这张照片"));
        InputStream in = files.open(photo.material().getStorageLocation());
        MediaType type = photo.kind() == FileKind.PNG ? MediaType.IMAGE_PNG
                : photo.kind() == FileKind.JPEG ? MediaType.IMAGE_JPEG : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff").body(new InputStreamResource(in));
    }

    private String page(Campaign campaign, HttpSession session, Model model) {
        VoteWindow.State state = votes.state(campaign);
        List<VoteEntries.Entry> shown = entries.of(campaign);
        model.addAttribute("campaign", campaign);
        model.addAttribute("window", votes.window(campaign).orElseThrow());
        model.addAttribute("state", state.name());
        PortalVotes.Voter voter = (PortalVotes.Voter) session.getAttribute(voterKey(campaign.getId()));
        model.addAttribute("voter", voter != null && voter.day().equals(votes.today(campaign)) ? voter : null);
        if (state == VoteWindow.State.CLOSED) {
            Map<Long, Long> counts = votes.publicCounts(campaign);
            model.addAttribute("counts", counts);
            List<VoteEntries.Entry> ranked = shown.stream().sorted(Comparator.comparing(
                    (VoteEntries.Entry e) -> counts.getOrDefault(e.nominationId(), 0L)).reversed()).toList();
            // Equal votes, equal rank (1, 1, 3): the rank is one more than the entries with more votes.
            model.addAttribute("ranks", ranked.stream().collect(Collectors.toMap(VoteEntries.Entry::nominationId,
                    e -> 1 + ranked.stream().filter(o -> counts.getOrDefault(o.nominationId(), 0L)
                            > counts.getOrDefault(e.nominationId(), 0L)).count())));
            shown = ranked;
        }
        model.addAttribute("entries", shown);
        return "portal/vote";
    }

    private static String voterKey(Long campaignId) {
        return "laurel.portal.voter." + campaignId;
    }

    private static void refused(ApiException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorField", e.toError().field());
    }
}
