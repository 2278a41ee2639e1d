package org.huzhu.recognition;

/**
 * What kind of document was recognised (contract §2 {@code documentType}), with the Chinese name screens show: the one
 * place these names live.
 */
public enum DocumentKind {
    /** 医疗住院收费票据. */
    INPATIENT_RECEIPT("住院收费票据"),
    /** 医疗门诊收费票据. */
    OUTPATIENT_RECEIPT("门诊收费票据"),
    /** 医保结算单. */
    SETTLEMENT_STATEMENT("医保结算单"),
    /** 出院小结 / 出院记录: admission and discharge dates and the discharge diagnoses. */
    DISCHARGE_SUMMARY("出院小结"),
    /** 诊断证明书 / 疾病诊断证明: the visit date and the diagnoses. */
    DIAGNOSIS_CERTIFICATE("诊断证明书"),
    /** No known title was found. */
    UNKNOWN("未识别的单据");

    private final String chinese;

    DocumentKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The Chinese name of a kind stored by its name; null for null or a name no longer known. */
    public static String chineseOf(String name) {
        if (name == null) return null;
        for (DocumentKind kind : values()) if (kind.name().equals(name)) return kind.chinese;
        return null;
    }
}
