package org.huzhu.recognition;

/** The fields of a receipt as the API names them (docs/receipts.md), in the order they are answered. */
enum ReceiptField {
    INVOICE_CODE("invoiceCode", "票据代码"),
    INVOICE_NUMBER("invoiceNumber", "票据号码"),
    CHECK_CODE("checkCode", "校验码"),
    ISSUE_DATE("issueDate", "开票日期"),
    PAYER_NAME("payerName", "交款人"),
    HOSPITAL("hospital", "收款单位"),
    ADMISSION_DATE("admissionDate", "入院日期"),
    DISCHARGE_DATE("dischargeDate", "出院日期"),
    VISIT_DATE("visitDate", "就诊日期"),
    TOTAL("total", "金额合计"),
    FUND_PAID("fundPaid", "医保统筹基金支付"),
    OTHER_PAID("otherPaid", "其他支付"),
    PERSONAL_ACCOUNT_PAID("personalAccountPaid", "个人账户支付"),
    CASH_PAID("cashPaid", "个人现金支付"),
    SELF_PAID("selfPaid", "个人自付"),
    SELF_FUNDED("selfFunded", "个人自费");

    private final String key;
    private final String chinese;

    ReceiptField(String key, String chinese) {
        this.key = key;
        this.chinese = chinese;
    }

    /** The name in the API answer. */
    String key() {
        return key;
    }

    /** The name a worker reads in a warning. */
    String chinese() {
        return chinese;
    }
}
