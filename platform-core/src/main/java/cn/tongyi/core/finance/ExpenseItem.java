package cn.tongyi.core.finance;

/** What an expense is for: the cost lines of R-FIN-5's net profit (staff, site, technology, operations) and taxes. */
public enum ExpenseItem {
    STAFF,
    SITE,
    TECHNOLOGY,
    OPERATIONS,
    TAX;

    /** Whether it is a cost (else a tax): net profit = income − costs − taxes. */
    public boolean cost() {
        return this != TAX;
    }
}
