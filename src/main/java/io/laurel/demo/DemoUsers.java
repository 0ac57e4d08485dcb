package io.laurel.demo;

import static io.laurel.identity.LaurelGroups.ASSOCIATION_STAFF;
import static io.laurel.identity.LaurelGroups.COMMITTEE;
import static io.laurel.identity.LaurelGroups.CONTEST_JUDGES;
import static io.laurel.identity.LaurelGroups.DEPARTMENT_HEADS;
import static io.laurel.identity.LaurelGroups.HR;

import java.util.List;
import java.util.Map;

/**
 * The demo cast. The committee is made as seed 002 says: 3 executives, 5 department heads, 2 HR,
 * 2 past winners, 3 customer representatives (15). Every password is "demo" (demo profile only).
 */
final class DemoUsers {

    static final String JUDGES_EXPERT = "judges-expert";
    static final String JUDGES_AUDIENCE = "judges-audience";

    static final List<String> DEPARTMENTS = List.of("客服中心", "售后服务部", "技术支持部", "销售顾问部", "前台接待部", "国际业务部");

    static final List<DemoUser> ALL = List.of(
            // Campaign operators
            new DemoUser("zhangmin", "张敏", "人力资源部经理", List.of(HR), null),
            new DemoUser("chenjing", "陈静", "协会秘书处秘书", List.of(ASSOCIATION_STAFF), null),
            // Department heads, one per demo department; the first five also sit on the committee
            new DemoUser("wanglei", "王磊", "客服中心主管", List.of(DEPARTMENT_HEADS, COMMITTEE), "客服中心"),
            new DemoUser("liuyang", "刘洋", "售后服务部主管", List.of(DEPARTMENT_HEADS, COMMITTEE), "售后服务部"),
            new DemoUser("zhaoqiang", "赵强", "技术支持部主管", List.of(DEPARTMENT_HEADS, COMMITTEE), "技术支持部"),
            new DemoUser("sunli", "孙丽", "销售顾问部主管", List.of(DEPARTMENT_HEADS, COMMITTEE), "销售顾问部"),
            new DemoUser("zhoujie", "周杰", "前台接待部主管", List.of(DEPARTMENT_HEADS, COMMITTEE), "前台接待部"),
            new DemoUser("wuhua", "吴华", "国际业务部主管", List.of(DEPARTMENT_HEADS), "国际业务部"),
            // Committee: executives
            new DemoUser("huangjianguo", "黄建国", "总经理(评委会主任)", List.of(COMMITTEE), null),
            new DemoUser("linfeng", "林峰", "副总经理", List.of(COMMITTEE), null),
            new DemoUser("heyun", "何云", "运营总监", List.of(COMMITTEE), null),
            // Committee: HR representatives
            new DemoUser("liqing", "李清", "人力资源部代表", List.of(HR, COMMITTEE), null),
            new DemoUser("guoyan", "郭燕", "人力资源部代表", List.of(HR, COMMITTEE), null),
            // Committee: past winners
            new DemoUser("zhangming", "张明", "上届服务之星(客服中心)", List.of(COMMITTEE), "客服中心"),
            new DemoUser("lihong", "李红", "上届服务之星(高级培训师)", List.of(COMMITTEE), "售后服务部"),
            // Committee: customer representatives
            new DemoUser("majun", "马骏", "客户代表", List.of(COMMITTEE), null),
            new DemoUser("xuli", "徐丽", "客户代表", List.of(COMMITTEE), null),
            new DemoUser("tangning", "唐宁", "客户代表", List.of(COMMITTEE), null),
            // Judges of association campaigns (laurel.judging): 5 experts, 3 professional-audience judges
            new DemoUser("qianhong", "钱宏", "行业专家(专家评委)", List.of(JUDGES_EXPERT), null),
            new DemoUser("fengjie", "冯洁", "客服中心总监(专家评委)", List.of(JUDGES_EXPERT), null),
            new DemoUser("yangfan", "杨帆", "高校教授(专家评委)", List.of(JUDGES_EXPERT), null),
            new DemoUser("zhuwei", "朱伟", "质检专家(专家评委)", List.of(JUDGES_EXPERT), null),
            new DemoUser("hanxue", "韩雪", "培训专家(专家评委)", List.of(JUDGES_EXPERT), null),
            new DemoUser("songtao", "宋涛", "客服经理(专业观众评委)", List.of(JUDGES_AUDIENCE), null),
            new DemoUser("luojing", "罗静", "客服主管(专业观众评委)", List.of(JUDGES_AUDIENCE), null),
            new DemoUser("zhengyu", "郑宇", "客服代表(专业观众评委)", List.of(JUDGES_AUDIENCE), null),
            // Judges of the skills contest (seed 004)
            new DemoUser("gaoyuan", "高远", "技能大赛评委", List.of(CONTEST_JUDGES), null),
            new DemoUser("xiemin", "谢敏", "技能大赛评委", List.of(CONTEST_JUDGES), null));

    /**
     * The member units some demo judges work for (table judge_unit): they never score an entry of that unit.
     * The names are those of the association demo packages (e.g. the intake tests' units).
     */
    static final Map<String, String> JUDGE_UNITS = Map.of(
            "fengjie", "华信银行信用卡中心",
            "zhuwei", "东方航空客服中心",
            "songtao", "华信银行信用卡中心",
            "luojing", "远景通信客户服务部");

    private DemoUsers() {
    }
}
