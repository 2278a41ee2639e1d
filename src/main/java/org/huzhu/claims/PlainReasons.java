package org.huzhu.claims;

import java.util.EnumMap;
import java.util.Map;
import org.huzhu.benefits.ReasonCode;

/** The reasons of a decision as a worker reads them: plain words from the reason's code, never the diagnosis. */
public final class PlainReasons {

    public static final String NOT_PAYABLE = "经审核不符合互助金给付条件";

    /** What a member reads of each reason code: plain words, never the diagnosis. */
    private static final Map<ReasonCode, String> PLAIN = new EnumMap<>(Map.ofEntries(
            Map.entry(ReasonCode.NOT_COVERED, "事故或发病日期不在保障期内"),
            Map.entry(ReasonCode.NOT_APPLICABLE, "所参加的保障项目不保障此类情况"),
            Map.entry(ReasonCode.WAITING_PERIOD, "发病在参保后的观察期内"),
            Map.entry(ReasonCode.GENDER_MISMATCH, "所申领的保障项目不适用于本人"),
            Map.entry(ReasonCode.DIAGNOSIS_NOT_LISTED, "所患疾病不在保障范围内"),
            Map.entry(ReasonCode.BELOW_DEDUCTIBLE, "合规医疗费用未超过起付标准"),
            Map.entry(ReasonCode.CAP_REACHED, "本保障期的互助金额度已用完"),
            Map.entry(ReasonCode.ANNUAL_CAP, "本保障期的互助金额度已用完"),
            Map.entry(ReasonCode.OUT_OF_POCKET_LIMIT, "互助金不超过个人实际负担的费用"),
            Map.entry(ReasonCode.NO_HOSPITAL_STAY, "没有住院记录"),
            Map.entry(ReasonCode.CLAIM_TOO_LATE, "超过申领时限"),
            Map.entry(ReasonCode.INVALID_EXPENSES, "未提供医疗费用")));

    private PlainReasons() {
    }

    /** The plain words for a reason code; the general refusal for a code without its own words. */
    public static String of(ReasonCode code) {
        return PLAIN.getOrDefault(code, NOT_PAYABLE);
    }
}
