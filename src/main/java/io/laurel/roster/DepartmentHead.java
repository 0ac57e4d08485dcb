package io.laurel.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The Camunda user who heads a department and nominates its staff. */
@Entity
@Table(name = "department_head")
public class DepartmentHead {

    @Id
    @Column(length = 64)
    private String department;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    protected DepartmentHead() {
    }

    public DepartmentHead(String department, String userId) {
        this.department = department;
        this.userId = userId;
    }

    public String getDepartment() {
        return department;
    }

    public String getUserId() {
        return userId;
    }
}
