package io.laurel.staff;

import io.laurel.onlinevote.VoteImportReport;
import io.laurel.organisation.OrganisationImporter;
import io.laurel.roster.RosterImportReport;
import java.util.List;

/** Any upload's outcome as the console shows it: a summary, or why the file was refused, and each row's reason. */
record UploadReport(String title, boolean ok, String summary, String fatal, List<Row> rows) {

    record Row(int row, String subject, String reason) {
    }

    static UploadReport of(RosterImportReport r) {
        String summary = "共 " + r.rowsRead() + " 行:新增 " + r.imported() + " 人,更新 " + r.updated() + " 人,拒绝 "
                + r.rejected().size() + " 行" + (r.ignoredColumns().isEmpty() ? ""
                : ";未识别的列(未导入):" + String.join("、", r.ignoredColumns()));
        return new UploadReport("花名册导入结果", r.fatal() == null && r.rejected().isEmpty(), summary, r.fatal(),
                r.rejected().stream().map(x -> new Row(x.row(), x.employeeNumber(), x.reason())).toList());
    }

    static UploadReport of(OrganisationImporter.Report r) {
        String summary = r.ok() ? "共 " + r.rowsRead() + " 行,全部导入" + (r.created().isEmpty() ? ""
                : ";新建账号并发送邀请邮件:" + String.join("、", r.created()))
                : "共 " + r.rowsRead() + " 行,其中 " + r.problems().size() + " 行有错误,整个文件未导入(请修改后重新上传)";
        return new UploadReport("组织机构导入结果", r.ok(), summary, r.fatal(),
                r.problems().stream().map(x -> new Row(x.row(), x.subject(), x.reason())).toList());
    }

    static UploadReport of(VoteImportReport r) {
        String summary = "共 " + r.rowsRead() + " 行:导入 " + r.imported() + " 行,拒绝 " + r.rejected().size() + " 行";
        return new UploadReport("网络投票导入结果", r.fatal() == null && r.rejected().isEmpty(), summary, r.fatal(),
                r.rejected().stream().map(x -> new Row(x.row(), null, x.reason())).toList());
    }

    static UploadReport refused(String title, String reason) {
        return new UploadReport(title, false, null, reason, List.of());
    }
}
