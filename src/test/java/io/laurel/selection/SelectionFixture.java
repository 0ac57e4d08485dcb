package io.laurel.selection;

import io.laurel.campaign.Campaign;
import io.laurel.roster.Employee;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@link SelectionDriver}'s campaign set-up for tests outside this package (browser tests): a
 * service-star campaign with a generated roster, launched with the engine clock on 2026-03-02.
 * Callers reset the engine clock ({@code ClockUtil.reset()}) after each test.
 */
@Component
public class SelectionFixture {

    private final SelectionDriver driver;

    SelectionFixture(SelectionDriver driver) {
        this.driver = driver;
    }

    /** A service-star campaign with a generated roster; sets the engine clock to 2026-03-02 10:00 Shanghai. */
    public Campaign campaignWithRoster() {
        return driver.campaignWithRoster();
    }

    public ProcessInstance launch(Campaign campaign) {
        return driver.launch(campaign);
    }

    /** Every employee of a department on the campaign's roster, by employee number. */
    public List<Employee> staff(Campaign campaign, String department) {
        return driver.employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(campaign.getId(), department);
    }

    /** Staff of a department who meet every eligibility rule, best satisfaction first. */
    public List<Employee> eligibleStaff(Campaign campaign, String department) {
        return driver.eligibleStaff(campaign.getId(), department);
    }

    public List<Task> tasks(ProcessInstance instance, String taskKey) {
        return driver.tasks(instance, taskKey);
    }
}
