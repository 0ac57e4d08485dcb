package io.laurel.demo;

import static io.laurel.identity.LaurelGroups.ASSOCIATION_STAFF;
import static io.laurel.identity.LaurelGroups.COMMITTEE;
import static io.laurel.identity.LaurelGroups.DEPARTMENT_HEADS;
import static io.laurel.identity.LaurelGroups.HR;

import java.util.List;

/**
 * The demo cast. The committee is made as seed 002 says: 3 executives, 5 department heads, 2 HR,
 * 2 past winners, 3 customer representatives (15). Every password is "demo" (demo profile only).
 */
final class DemoUsers {

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
            new DemoUser("tangning", "唐宁", "客户代表", List.of(COMMITTEE), null));

    private DemoUsers() {
    }
}
