package io.laurel.roster;

import io.laurel.workbook.StyledWorkbook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/templates/roster.xlsx}: an empty roster for HR to fill in, with every column the importer
 * reads (required ones first), one example row, and a 填写说明 sheet. Importing it unchanged imports the example
 * employee (RosterTemplateTest), so the template and the importer cannot drift apart.
 */
@RestController
class RosterTemplateController {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final List<Object> EXAMPLE = Arrays.asList("E0001", "张三", "客户服务部", "一线客服",
            LocalDate.of(2023, 1, 15), "正式", 96.5, 0, 0, "zhangsan@example.com", "13800000000", 1200, 0.95, 3.5,
            88, "年度服务之星:2023");

    private static final List<String> NOTES = List.of(
            "工号：员工编号，同一活动内不可重复（必填）",
            "姓名（必填）",
            "部门：与组织架构中的部门名称一致（必填）",
            "岗位组：初评按岗位组排名，如 一线客服、班组长（必填）",
            "入职日期：日期单元格，或 2023-01-15、2023/1/15（必填）",
            "用工性质：正式 或 试用期（必填）",
            "满意度：客户满意度评分，0–100",
            "重大投诉(近12个月)：次数",
            "违规违纪：次数",
            "邮箱：评选通知发往此邮箱",
            "手机",
            "服务量：评选周期内的服务次数",
            "解决率：0–1 的小数，如 0.95",
            "平均响应时长(分钟)",
            "技能测试成绩：0–100",
            "历史获奖：奖项名称:年份，多项用分号分隔，如 年度服务之星:2023；奖项名称须与活动的奖项一致");

    @GetMapping("/api/templates/roster.xlsx")
    ResponseEntity<byte[]> roster() throws IOException {
        RosterColumn[] columns = RosterColumn.values();
        try (StyledWorkbook book = new StyledWorkbook(SHANGHAI)) {
            book.table("花名册", Arrays.stream(columns).map(RosterColumn::chineseName).toList()).add(EXAMPLE);
            StyledWorkbook.Table notes = book.table("填写说明", List.of("列", "是否必填", "填写说明"));
            for (int i = 0; i < columns.length; i++) {
                notes.add(List.of(columns[i].chineseName(), columns[i].required() ? "必填" : "选填", NOTES.get(i)));
            }
            notes.add(List.of("示例行", "", "第 2 行是示例，导入前请删除或改为真实员工"));
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("花名册模板.xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(book.toBytes());
        }
    }
}
