package io.laurel.staff;

import io.laurel.campaign.CampaignService;
import io.laurel.files.FileStore;
import io.laurel.intake.OriginalMails;
import io.laurel.selection.CampaignLauncher;
import io.laurel.web.ApiException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** A campaign's dashboard, its launch, chart data, exports and the originals of emailed packages. */
@Controller
class StaffCampaignController {

    /** The API's exports the console offers; forwarded so the API's own code writes them. */
    static final Set<String> EXPORTS = Set.of("summary.xlsx", "results.xlsx");

    private final DashboardPage page;
    private final DashboardStats stats;
    private final CampaignService campaigns;
    private final CampaignLauncher launcher;
    private final OriginalMails originals;
    private final FileStore files;

    StaffCampaignController(DashboardPage page, DashboardStats stats, CampaignService campaigns,
            CampaignLauncher launcher, OriginalMails originals, FileStore files) {
        this.page = page;
        this.stats = stats;
        this.campaigns = campaigns;
        this.launcher = launcher;
        this.originals = originals;
        this.files = files;
    }

    @GetMapping("/staff/campaigns/{id}")
    String dashboard(@PathVariable long id, @RequestParam(required = false) String created, Model model) {
        if (created != null) {
            model.addAttribute("info", "活动已创建。下一步:上传花名册和组织机构文件,然后启动活动。");
        }
        return page.fill(id, model);
    }

    @PostMapping("/staff/campaigns/{id}/launch")
    String launch(@PathVariable long id, Model model) {
        try {
            launcher.launch(id);
            model.addAttribute("info", "活动已启动,部门主管已收到提名任务。");
        } catch (ApiException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page.fill(id, model);
    }

    @GetMapping("/staff/campaigns/{id}/stats.json")
    @ResponseBody
    DashboardStats.Stats stats(@PathVariable long id) {
        return stats.of(id);
    }

    /** Forwarded to the API's export, whose own code writes the file; this chain checked the caller. */
    @GetMapping("/staff/campaigns/{id}/exports/{name}")
    void export(@PathVariable long id, @PathVariable String name, HttpServletRequest request,
            HttpServletResponse response) throws ServletException, IOException {
        if (!EXPORTS.contains(name)) {
            response.sendError(404);
            return;
        }
        campaigns.get(id);
        // Spring Security also filters forwards: the stateless API chain then finds this request's login here.
        request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                SecurityContextHolder.getContext());
        request.getRequestDispatcher("/api/campaigns/" + id + "/exports/" + name).forward(request, response);
    }

    /** The original email of an intake package, as received (.eml opens in any mail program). */
    @GetMapping("/staff/campaigns/{id}/intake/messages/{messageId}")
    void original(@PathVariable long id, @PathVariable long messageId, HttpServletResponse response)
            throws IOException {
        var location = originals.location(id, messageId);
        if (location.isEmpty()) {
            response.sendError(404);
            return;
        }
        response.setContentType("message/rfc822");
        response.setHeader("Content-Disposition", "attachment; filename=\"package-message-" + messageId + ".eml\"");
        try (InputStream in = files.open(location.get())) {
            in.transferTo(response.getOutputStream());
        }
    }
}
