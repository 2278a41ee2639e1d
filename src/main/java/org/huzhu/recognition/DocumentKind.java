package org.huzhu.recognition;

/** What kind of document was recognised, from its title line (contract §2 {@code documentType}). */
public enum DocumentKind {
    /** 医疗住院收费票据. */
    INPATIENT_RECEIPT,
    /** 医疗门诊收费票据. */
    OUTPATIENT_RECEIPT,
    /** 医保结算单. */
    SETTLEMENT_STATEMENT,
    /** No known title was found. */
    UNKNOWN
}
