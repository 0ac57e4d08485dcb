package io.laurel.nomination;

/** How a nomination reached the campaign. */
public enum NominationChannel {
    /** 部门推荐 */
    DEPARTMENT,
    /** 自荐 */
    SELF,
    /** 客户推荐 */
    CUSTOMER,
    /** 同事互评 */
    PEER,
    /** 单位推荐 (association campaigns) */
    UNIT,
    /** 团队报名 by email (team contests such as service-skills-cup-2022: one team per mail, no nomination) */
    TEAM
}
