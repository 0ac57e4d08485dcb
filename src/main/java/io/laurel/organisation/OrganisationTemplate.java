package io.laurel.organisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The downloadable organisation template: Chinese headers, one example row per kind, and a sheet of notes. */
public final class OrganisationTemplate {

    private OrganisationTemplate() {
    }

    public static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("组织机构");
            List<List<String>> rows = OrganisationImporter.templateRows();
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i);
                for (int j = 0; j < rows.get(i).size(); j++) {
                    row.createCell(j).setCellValue(rows.get(i).get(j));
                }
            }
            for (int j = 0; j < OrganisationFile.TEMPLATE_HEADER.size(); j++) {
                sheet.setColumnWidth(j, 18 * 256);
            }
            Sheet notes = workbook.createSheet("填写说明");
            String[] lines = {
                "类别:部门主管、评选委员、评委(协会活动)、会员单位(协会活动)。每行一项,示例行请删除。",
                "用户名:登录 Laurel 与任务列表的账号(英文字母、数字、点、下划线、连字符)。",
                "已有账号只需填写用户名;新人员请同时填写姓名和邮箱,系统会创建账号并发送设置密码的邀请邮件。",
                "部门主管:填写所负责的部门,须与花名册中的部门名称一致;每个部门一位主管。",
                "评选委员:委员角色为 " + CommitteeRole.labels() + ";企业评选委员会共 " + CommitteeRole.totalSeats()
                        + " 人(高管 3、部门主管 5、人力资源部代表 2、往届获奖者 2、客户代表 3)。",
                "委员会主任:在一位评选委员的这一列填「是」(最多一位);公示期的异议由主任与活动管理员调查处理。",
                "评委:评审组为 " + JudgePanel.labels() + ";单位填写评委所在单位,评委不评本单位的作品。",
                "会员单位:单位填写单位名称,姓名/邮箱/联系电话填写单位联系人。",
                "上传后,文件中出现的类别整体替换本活动原有名单;任何一行有错误时整个文件都不会导入。"};
            for (int i = 0; i < lines.length; i++) {
                notes.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            notes.setColumnWidth(0, 120 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
