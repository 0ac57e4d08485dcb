package io.laurel.intake.validation;

import java.util.List;

/** 推荐单位资料汇总表 as read from the package: the unit's contact and one row per applicant. */
public record SummaryTable(String path, String unitName, String contactName, String phone, String email,
        List<Row> rows) {

    public record Row(int number, String name, String position, String mobile, String email, String award) {
    }
}
