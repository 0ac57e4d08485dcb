package io.laurel.roster;

public enum EmploymentType {
    /** 正式员工 */
    FORMAL,
    /** 试用期 */
    PROBATION
}
