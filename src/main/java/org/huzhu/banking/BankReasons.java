package org.huzhu.banking;

import java.util.Map;

/** The ISO 20022 status and return reason codes the bank uses, in the words a worker reads. */
public final class BankReasons {

    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("AC01", "收款账号错误"),
            Map.entry("AC03", "收款账号无效"),
            Map.entry("AC04", "账户已销户"),
            Map.entry("AC06", "账户已冻结"),
            Map.entry("AG01", "账户不允许此类交易"),
            Map.entry("AM04", "付款账户余额不足"),
            Map.entry("AM05", "重复支付"),
            Map.entry("BE01", "户名不符"),
            Map.entry("MD07", "收款人已身故"),
            Map.entry("MS03", "银行未说明原因"),
            Map.entry("RC01", "银行标识错误"),
            Map.entry("RR03", "缺少收款人名称或地址"));

    private BankReasons() {
    }

    /** The Chinese text for {@code code}, or a generic text naming the code. */
    public static String chinese(String code) {
        if (code == null) return "银行未说明原因";
        return CHINESE.getOrDefault(code, "银行退回（代码 " + code + "）");
    }
}
