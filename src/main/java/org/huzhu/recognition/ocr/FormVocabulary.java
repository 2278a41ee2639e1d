package org.huzhu.recognition.ocr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The words printed in red on the receipt forms of docs/receipts.md — titles and labels — and the
 * characters they are written with. The form layer holds nothing else, so Tesseract reads it in
 * these characters only: a label it half sees comes out as the label, not as a look-alike from
 * the thousands of other characters of its Chinese model.
 */
final class FormVocabulary {

    static final List<String> WORDS = List.of(
            "湖北省医疗住院收费票据（电子）", "湖北省医疗门诊收费票据（电子）", "结算单",
            "票据代码", "票据号码", "校验码", "开票日期", "交款人统一社会信用代码", "交款人",
            "收款单位（章）", "住院时间", "住院日期", "就诊日期", "金额合计（大写）", "（小写）",
            "医保统筹基金支付", "其他支付", "个人账户支付", "个人现金支付", "个人自付", "个人自费",
            "项目名称", "金额(元)", "住院号", "门诊号", "病历号", "医疗机构类型", "业务流水号", "医保类型",
            "医保编号", "就诊科室", "住院科室", "性别", "其他信息", "复核人", "收款人", "备注",
            "医疗收费专用章",
            // the wordings other provinces' and hospitals' forms use (docs/receipts.md, "Label wordings")
            "湖北省医疗收费票据（电子）", "医疗收费票据", "医疗保障基金结算单", "医保结算单", "结算清单",
            "开具日期", "结算日期", "交款人（患者）", "患者姓名", "病人姓名", "就诊人姓名", "参保人姓名", "姓名", "开票单位（章）",
            "定点医疗机构", "医疗机构名称", "入院日期", "出院日期", "门诊日期", "就诊时间", "住院天数",
            "医疗费用总额", "合计", "统筹基金支付", "其他基金支付", "账户支付", "现金支付", "自付金额", "自费金额",
            "预缴金额", "补缴金额", "退费金额", "经办人", "开票人", "收费员", "大病保险及医疗救助",
            "：:()");

    /** Every character of {@link #WORDS}, once. */
    static final String ALPHABET = WORDS.stream().flatMapToInt(String::codePoints).distinct().sorted()
            .mapToObj(Character::toString).collect(Collectors.joining());

    private FormVocabulary() {
    }
}
