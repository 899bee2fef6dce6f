package cn.tongyi.plugin.merchant.agreement;

/** A merchant's agreement is ACTIVE until it is TERMINATED, at once and for good (R-MERCHANT-5). */
public enum MerchantStatus {
    ACTIVE,
    TERMINATED
}
