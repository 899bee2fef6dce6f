package cn.tongyi.tenant.setup;

/** R-BRANCH-2: what a branch must have in place within its 3-month set-up. */
public enum SetupItem {
    SITE("场地", "Site",
            "场地不少于30㎡:接待区15㎡、共享空间10㎡、储物区5㎡",
            "At least 30 m²: reception 15 m², shared space 10 m², storage 5 m²"),
    CORE_TEAM("核心团队", "Core team",
            "1名负责人、2–3名楼长管家、1名持会计证的财务专员",
            "1 head, 2–3 building stewards, 1 finance officer holding an accounting certificate"),
    COMPANY_REGISTRATION("注册分会公司", "Company registration",
            "注册为共创联盟分会公司,经营范围:社区志愿服务、家政服务、居民互助服务",
            "Registered as a 共创联盟分会 company with the scope 社区志愿服务、家政服务、居民互助服务"),
    GOVERNMENT_FILING("政府备案", "Government filing",
            "在民政局和街道办备案",
            "Filed with the civil affairs bureau and the sub-district office"),
    BANK_ACCOUNT("对公账户", "Corporate bank account",
            "开立对公银行账户",
            "A corporate bank account is open"),
    MERCHANTS("签约商家", "Signed merchants",
            "签约商家不少于10家,至少包括超市、药店、家政、餐饮各1家",
            "At least 10 signed merchants, including a supermarket, a pharmacy, a housekeeping service and a restaurant"),
    TEST_ORDERS("全流程测试", "End-to-end test",
            "完成10单全流程测试",
            "10 orders tested end to end");

    private final String titleZh;
    private final String titleEn;
    private final String requirementZh;
    private final String requirementEn;

    SetupItem(String titleZh, String titleEn, String requirementZh, String requirementEn) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.requirementZh = requirementZh;
        this.requirementEn = requirementEn;
    }

    public String title(boolean english) {
        return english ? titleEn : titleZh;
    }

    public String requirement(boolean english) {
        return english ? requirementEn : requirementZh;
    }
}
