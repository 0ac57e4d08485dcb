package io.laurel.roster;

import io.laurel.campaign.CampaignRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a campaign's staff roster from CSV (UTF-8 or GBK) or XLSX. A file that cannot be read as a
 * whole imports nothing; a bad row is reported and skipped while the other rows are imported.
 * Re-importing updates employees by employee number and keeps those missing from the file.
 */
@Service
public class RosterImporter {

    private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);

    private final EmployeeRepository employees;
    private final CampaignRepository campaigns;
    private final int maxRows;

    RosterImporter(EmployeeRepository employees, CampaignRepository campaigns,
            @Value("${laurel.roster.max-rows:200000}") int maxRows) {
        this.employees = employees;
        this.campaigns = campaigns;
        this.maxRows = maxRows;
    }

    @Transactional
    public RosterImportReport importRoster(Long campaignId, String fileName, byte[] content) {
        Objects.requireNonNull(campaignId, "campaignId");
        long started = System.nanoTime();
        RosterRows rows = new RosterRows(campaignId, maxRows, awardCodesByName(campaignId));
        try {
            RosterFileReader.read(fileName, content, rows);
            rows.checkImportable();
        } catch (RosterFileException e) {
            log.info("Roster {} for campaign {} refused: {}", fileName, campaignId, e.getMessage());
            return RosterImportReport.fatal(e.getMessage());
        }
        if (rows.accepted().isEmpty()) {
            log.info("Roster {} for campaign {} refused: all {} rows rejected", fileName, campaignId, rows.rowsRead());
            // Fatal too, but the rejected rows say what to fix.
            return new RosterImportReport(rows.rowsRead(), 0, 0, rows.rejected(), rows.ignoredColumns(),
                    "没有可导入的有效数据行，请按被拒绝行的原因修改后重新上传");
        }
        int updated = upsert(campaignId, rows.accepted());
        int imported = rows.accepted().size() - updated;
        log.info("Roster {} for campaign {}: {} rows, {} imported, {} updated, {} rejected in {} ms", fileName,
                campaignId, rows.rowsRead(), imported, updated, rows.rejected().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new RosterImportReport(rows.rowsRead(), imported, updated, rows.rejected(), rows.ignoredColumns(),
                null);
    }

    /** The campaign's awards by their Chinese name, in the preset's order (the first is the example in reasons). */
    private Map<String, String> awardCodesByName(Long campaignId) {
        Map<String, String> codes = new LinkedHashMap<>();
        campaigns.findById(campaignId).ifPresent(c -> c.getAwards().forEach(a -> codes.put(a.getName(), a.getCode())));
        return codes;
    }

    /** Returns how many employees existed already. One query loads them all, so a large roster costs no N+1 reads. */
    private int upsert(Long campaignId, List<Employee> incoming) {
        Map<String, Employee> existing = new HashMap<>();
        for (Employee employee : employees.findWithPastWinsByCampaignId(campaignId)) {
            existing.put(RosterRows.numberKey(employee.getEmployeeNumber()), employee);
        }
        List<Employee> inserts = new ArrayList<>();
        int updated = 0;
        for (Employee employee : incoming) {
            Employee current = existing.get(RosterRows.numberKey(employee.getEmployeeNumber()));
            if (current == null) {
                inserts.add(employee);
            } else {
                current.updateFrom(employee); // managed: written by dirty checking at commit
                updated++;
            }
        }
        employees.saveAll(inserts);
        return updated;
    }
}
