package org.huzhu.payments.provider;

import org.huzhu.shared.Money;

/** The simulated provider's pay page: the order and a 确认支付 button, or how the order ended. */
final class SimulatedPayPage {

    private SimulatedPayPage() {
    }

    static String html(String orderNo, String status, Money amount, String description, String failReason) {
        String what = switch (status) {
            case "PENDING" -> "<form method=\"post\"><button type=\"submit\">确认支付</button></form>";
            case "PAID" -> "<p>支付成功</p>";
            case "FAILED" -> "<p>支付失败：" + escape(failReason) + "</p>";
            case "CLOSED" -> "<p>订单已关闭</p>";
            default -> "<p>订单不存在</p>";
        };
        String order = amount == null ? "" : "<p>金额：" + amount + " 元</p><p>" + escape(description) + "</p>";
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>模拟支付</title></head><body><h1>模拟支付</h1><p>订单号：" + escape(orderNo) + "</p>" + order + what
                + "</body></html>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
