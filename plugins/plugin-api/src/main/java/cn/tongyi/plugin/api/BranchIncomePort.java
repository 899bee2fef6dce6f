package cn.tongyi.plugin.api;

/** The branch's income records (R-FIN-1), in integer fen. */
public interface BranchIncomePort {

    /** Where income comes from, as far as plugins record it. */
    enum Source {
        MERCHANT_FEE,
        OTHER
    }

    /**
     * Records income received, once per reference (a second call with the same reference records nothing).
     *
     * @return whether it was recorded now
     */
    boolean record(Source source, long amountFen, String reference, String description);
}
