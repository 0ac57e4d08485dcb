package io.laurel.roster;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.laurel.campaign.CampaignRepository;
import io.laurel.identity.UserNames;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract only; the importer itself is covered by RosterImporterTest. */
@WebMvcTest(RosterController.class)
class RosterControllerTest {

    private static final MockMultipartFile CSV = new MockMultipartFile("file", "花名册.csv", "text/csv",
            "工号,姓名\nE0001,张三".getBytes(StandardCharsets.UTF_8));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RosterImporter importer;

    @MockitoBean
    private CampaignRepository campaigns;

    @MockitoBean
    private EmployeeRepository employees;

    /** The console's page header (a controller advice every MVC slice loads) names the signed-in person. */
    @MockitoBean
    private UserNames names;

    @Test
    void unknownCampaignIs404WithChineseMessage() throws Exception {
        when(campaigns.existsById(42L)).thenReturn(false);

        mvc.perform(multipart("/api/campaigns/42/roster").file(CSV).with(user("hr")).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.message").value("活动不存在: 42"));
        verifyNoInteractions(importer);
    }

    @Test
    void missingOrEmptyFilePartIs400NamingThePart() throws Exception {
        when(campaigns.existsById(1L)).thenReturn(true);

        mvc.perform(multipart("/api/campaigns/1/roster").with(user("hr")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("file")));
        mvc.perform(multipart("/api/campaigns/1/roster")
                        .file(new MockMultipartFile("file", "空.csv", "text/csv", new byte[0]))
                        .with(user("hr")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("file")));
        verifyNoInteractions(importer);
    }

    @Test
    void importedFileIs200WithTheReport() throws Exception {
        when(campaigns.existsById(1L)).thenReturn(true);
        when(importer.importRoster(eq(1L), eq("花名册.csv"), any())).thenReturn(new RosterImportReport(2, 1, 0,
                List.of(new RosterImportReport.Rejection(3, "E0002", "缺少姓名")), List.of(), null));

        mvc.perform(multipart("/api/campaigns/1/roster").file(CSV).with(user("hr")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsRead").value(2))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejected[0].row").value(3))
                .andExpect(jsonPath("$.rejected[0].employeeNumber").value("E0002"))
                .andExpect(jsonPath("$.rejected[0].reason").value("缺少姓名"))
                .andExpect(jsonPath("$.fatal").doesNotExist());
    }

    @Test
    void refusedFileIs422WithTheReport() throws Exception {
        when(campaigns.existsById(1L)).thenReturn(true);
        when(importer.importRoster(eq(1L), any(), any())).thenReturn(RosterImportReport.fatal("缺少必填列：入职日期(hireDate)"));

        mvc.perform(multipart("/api/campaigns/1/roster").file(CSV).with(user("hr")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fatal").value(containsString("入职日期")));
    }

    @Test
    void listsTheRoster() throws Exception {
        when(campaigns.existsById(1L)).thenReturn(true);
        when(employees.findEntriesByCampaignId(1L)).thenReturn(List.of(new RosterEntry("E0001", "张三", "客服中心",
                "一线客服", LocalDate.of(2020, 3, 15), EmploymentType.FORMAL, new BigDecimal("95.50"))));

        mvc.perform(get("/api/campaigns/1/roster").with(user("hr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].employeeNumber").value("E0001"))
                .andExpect(jsonPath("$[0].hireDate").value("2020-03-15"))
                .andExpect(jsonPath("$[0].employmentType").value("FORMAL"))
                .andExpect(jsonPath("$[0].satisfactionScore").value(95.5));
    }
}
