package io.laurel.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}, staff
 * only). Summaries are kept here in one table rather than as annotations spread over the controllers, so the
 * Chinese wording of the whole API can be read and reviewed in one place. ApiDocsTest fails when an operation
 * has no entry, so a new endpoint cannot go undocumented.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String ERROR_SCHEMA = "ApiError";

    /** "METHOD path" → Chinese summary. */
    static final Map<String, String> SUMMARIES = summaries();

    private static Map<String, String> summaries() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("POST /api/campaigns", "新建评选活动（按预设模板）");
        s.put("GET /api/campaigns", "列出全部评选活动");
        s.put("GET /api/campaigns/{id}", "查看一个评选活动（状态、时间线、奖项）");
        s.put("GET /api/presets", "列出可用的活动预设模板");
        s.put("GET /api/intake/set-aside", "列出无法读取而被搁置的申报邮件（原件已保存，待工作人员处理）");
        s.put("GET /api/campaigns/{id}/teams/{teamId}/video", "下载参赛队伍的介绍视频（初筛任务中的链接）");
        s.put("POST /api/campaigns/{id}/launch", "启动评选活动的流程");
        s.put("POST /api/campaigns/{id}/roster", "上传员工花名册（CSV 或 XLSX），逐行报告导入结果");
        s.put("GET /api/campaigns/{id}/roster", "查看已导入的花名册概况");
        s.put("POST /api/campaigns/{id}/nominations", "提交一项提名");
        s.put("GET /api/campaigns/{id}/nominations", "列出活动的全部提名");
        s.put("POST /api/nominations/{id}/materials", "为提名上传证明材料");
        s.put("POST /api/campaigns/{id}/teams", "技能竞赛：报名一支队伍");
        s.put("POST /api/campaigns/{id}/teams/{teamId}/withdrawal", "技能竞赛：队伍退赛");
        s.put("GET /api/campaigns/{id}/contest", "技能竞赛：查看赛程、分组与成绩");
        s.put("POST /api/campaigns/{id}/votes/import", "导入线上投票结果（CSV）");
        s.put("GET /api/campaigns/{id}/votes/signals", "查看门户投票的异常信号（同一邮箱、同一地址等）");
        s.put("GET /api/campaigns/{id}/scoring-settings", "查看协会评审的计分设置");
        s.put("PUT /api/campaigns/{id}/scoring-settings", "修改协会评审的计分设置");
        s.put("POST /api/campaigns/{id}/results/compute", "计算协会评审的排名与奖项");
        s.put("PUT /api/campaigns/{id}/units/{unitId}/activity", "登记参评单位的活跃度");
        s.put("POST /api/campaigns/{id}/unit-prizes/{awardCode}/{unitId}", "为参评单位确定单位奖");
        s.put("POST /api/campaigns/{id}/objections", "在公示期内提出异议");
        s.put("GET /api/campaigns/{id}/results", "查看评选结果");
        s.put("GET /api/campaigns/{id}/exports/results.xlsx", "下载评选结果工作簿（XLSX）");
        s.put("GET /api/campaigns/{id}/exports/summary.xlsx", "下载活动汇总工作簿（XLSX）");
        s.put("GET /api/templates/roster.xlsx", "下载员工花名册模板（XLSX）");
        return Map.copyOf(s);
    }

    @Bean
    OpenApiCustomizer laurelApiDocs() {
        return this::describe;
    }

    void describe(OpenAPI api) {
        api.info(new Info().title("Laurel 评优系统 API").version("1")
                .description("""
                        评优评选活动的管理接口：活动、花名册、提名、评审计分、结果与导出。
                        所有接口都需要以 Camunda 用户登录（HTTP Basic），并按用户所在的组授权。
                        请求被拒绝时返回 JSON 错误体 ApiError，其中 message 用中文说明原因。"""));
        api.addSecurityItem(new SecurityRequirement().addList("basic"));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Camunda 用户名和密码（与任务列表的登录相同）"))
                .addSchemas(ERROR_SCHEMA, errorSchema()));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = method.name() + " " + path;
            String summary = SUMMARIES.get(key);
            if (summary != null) {
                operation.setSummary(summary);
            }
            if (key.equals("POST /api/campaigns") && operation.getRequestBody() != null
                    && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(type -> type.example(
                        Map.of("preset", "service-star-2025", "startsOn", "2026-03-02")));
            }
            addErrors(method, operation);
        }));
    }

    private static void addErrors(PathItem.HttpMethod method, Operation operation) {
        error(operation, "401", "未登录或用户名、密码错误", 401, "unauthorized", "请先登录");
        error(operation, "403", "当前用户所在的组无权执行此操作", 403, "forbidden", "无权执行此操作");
        error(operation, "404", "活动或对象不存在", 404, "not_found", "活动 42 不存在");
        if (method != PathItem.HttpMethod.GET || operation.getResponses().containsKey("409")) {
            error(operation, "400", "请求内容不合法，field 指出出错的字段", 400, "bad_request", "name: 必填 (活动名称)");
            error(operation, "409", "当前阶段不允许此操作", 409, "conflict", "活动已启动，不能再次启动");
        }
    }

    private static void error(Operation operation, String code, String description, int status, String error,
            String message) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("status", status);
        example.put("error", error);
        example.put("message", message);
        operation.getResponses().computeIfAbsent(code, c -> new ApiResponse()).description(description)
                .content(new Content().addMediaType("application/json", new MediaType()
                        .schema(new ObjectSchema().$ref("#/components/schemas/" + ERROR_SCHEMA))
                        .example(example)));
    }

    private static ObjectSchema errorSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("请求被拒绝时的回答：HTTP 状态码、机器可读的错误代码和给人看的中文原因");
        schema.addProperty("status", new IntegerSchema().description("HTTP 状态码").example(400));
        schema.addProperty("error", new StringSchema().description("错误代码：bad_request、unauthorized、"
                + "forbidden、not_found、conflict、payload_too_large").example("bad_request"));
        schema.addProperty("message", new StringSchema().description("中文原因").example("name: 必填 (活动名称)"));
        schema.addProperty("field", new StringSchema().description("出错的请求字段（如有）").example("name"));
        schema.addRequiredItem("status").addRequiredItem("error").addRequiredItem("message");
        return schema;
    }
}
