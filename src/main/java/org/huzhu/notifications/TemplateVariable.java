package org.huzhu.notifications;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The words a template may fill in, each with its Chinese meaning and a sample for previews. There is
 * deliberately no variable for an ID number, a full bank account or a diagnosis: a text message can
 * only ever carry what is listed here (the account as its masked last digits).
 */
public enum TemplateVariable {
    name("姓名", "林阳秀"),
    claimRef("申领编号", "CLM-2026-000123"),
    item("保障项目", "住院医疗互助保障"),
    amount("金额（元）", "1,200.00"),
    reason("原因", "不在保障期内"),
    materials("所需材料", "出院小结、住院费用清单"),
    deadline("截止日期", "2026年12月31日"),
    date("日期", "2026年11月30日"),
    days("天数", "30"),
    coverEnd("保障截止日", "2026年12月31日"),
    maskedAccount("收款账户（脱敏）", "尾号6789"),
    unitName("单位名称", "武汉钢铁有限公司"),
    billRef("缴费单号", "BILL-420100-2026-0001"),
    count("人数", "128"),
    hotline("咨询电话", "12351"),
    link("链接", "https://hz.example.cn/m/"),
    code("验证码", "123456");

    private final String chinese;
    private final String sample;

    TemplateVariable(String chinese, String sample) {
        this.chinese = chinese;
        this.sample = sample;
    }

    public String chinese() {
        return chinese;
    }

    public String sample() {
        return sample;
    }

    /** A secret's value is sent but never stored in clear or shown afterwards. */
    public boolean secret() {
        return this == code;
    }

    private static final Map<String, TemplateVariable> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TemplateVariable::name, v -> v));

    static Optional<TemplateVariable> named(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }
}
