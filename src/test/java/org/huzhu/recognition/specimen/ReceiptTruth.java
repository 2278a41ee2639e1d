package org.huzhu.recognition.specimen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generated receipt says, in the recognition API's own format (docs/receipts.md): every
 * value a string exactly as the answer's {@code fields} would carry it, so the bench compares
 * field by field. Dates the other kind of receipt lacks are {@code null} (outpatient receipts have
 * no admission or discharge date, inpatient ones no visit date). {@link Printed} holds what the
 * page shows but the API does not answer; {@link ReceiptForm} how the page's form prints it all.
 */
public record ReceiptTruth(
        DocumentType documentType,
        String invoiceCode,
        String invoiceNumber,
        String checkCode,
        String issueDate,
        String payerName,
        String hospital,
        String admissionDate,
        String dischargeDate,
        String visitDate,
        String total,
        String fundPaid,
        String otherPaid,
        String personalAccountPaid,
        String cashPaid,
        String selfPaid,
        String selfFunded,
        List<FeeLine> lines,
        Printed printed,
        ReceiptForm form) {

    /** The receipt kinds the generator draws, named as the API's {@code documentType}. */
    public enum DocumentType {
        INPATIENT_RECEIPT("湖北省医疗住院收费票据（电子）", "住院号", "ZY"),
        OUTPATIENT_RECEIPT("湖北省医疗门诊收费票据（电子）", "门诊号", "MZ"),
        /** 医保结算单: only on other forms ({@link ReceiptFaker#onOtherForm}); no 票据代码, 票据号码 or 校验码. */
        SETTLEMENT_STATEMENT("湖北省医疗保障基金结算单", "住院号", "ZY");

        private final String title;
        private final String recordLabel;
        private final String recordPrefix;

        DocumentType(String title, String recordLabel, String recordPrefix) {
            this.title = title;
            this.recordLabel = recordLabel;
            this.recordPrefix = recordPrefix;
        }

        public String title() { return title; }

        /** 住院号 or 门诊号: the hospital's own number for the stay or visit. */
        public String recordLabel() { return recordLabel; }

        String recordPrefix() { return recordPrefix; }
    }

    /** One row of the fee table: an item of the standard list and its amount ("450.00"). */
    public record FeeLine(String name, String amount) {}

    /**
     * Printed on the page, not answered by the API: the payer's identity number (交款人统一社会信用代码),
     * 住院号/门诊号, 医疗机构类型, 业务流水号, 医保类型, 复核人, 收款人, and the total in capitals.
     */
    public record Printed(String payerId, String recordNumber, String hospitalType, String serialNumber,
                          String insuranceType, String reviewer, String cashier, String totalInCapitals) {}

    public ReceiptTruth {
        lines = List.copyOf(lines);
    }

    /** The same receipt paid by another person. */
    public ReceiptTruth paidBy(String payer) {
        return new ReceiptTruth(documentType, invoiceCode, invoiceNumber, checkCode, issueDate, payer, hospital,
                admissionDate, dischargeDate, visitDate, total, fundPaid, otherPaid, personalAccountPaid, cashPaid, selfPaid,
                selfFunded, lines, printed, form);
    }

    /** The same receipt issued by another hospital (a probe's hospital the list lacks). */
    public ReceiptTruth issuedBy(String other) {
        return new ReceiptTruth(documentType, invoiceCode, invoiceNumber, checkCode, issueDate, payerName, other,
                admissionDate, dischargeDate, visitDate, total, fundPaid, otherPaid, personalAccountPaid, cashPaid, selfPaid,
                selfFunded, lines, printed, form);
    }

    /** The same receipt printed on another form. */
    public ReceiptTruth on(ReceiptForm other) {
        return new ReceiptTruth(documentType, invoiceCode, invoiceNumber, checkCode, issueDate, payerName, hospital,
                admissionDate, dischargeDate, visitDate, total, fundPaid, otherPaid, personalAccountPaid, cashPaid, selfPaid,
                selfFunded, lines, printed, other);
    }

    /** The same stay or visit settled by the insurance office: a 医保结算单 instead of a receipt. */
    public ReceiptTruth settled() {
        return new ReceiptTruth(DocumentType.SETTLEMENT_STATEMENT, null, null, null, issueDate, payerName, hospital,
                admissionDate, dischargeDate, visitDate, total, fundPaid, otherPaid, personalAccountPaid, cashPaid, selfPaid,
                selfFunded, List.of(), printed, form);
    }

    /** Whether the page shows a stay (admission and discharge) rather than a visit. */
    public boolean stay() {
        return admissionDate != null;
    }

    /** The title the page prints: a receipt form's, or the kind's own. */
    public String title() {
        boolean receipt = documentType != DocumentType.SETTLEMENT_STATEMENT;
        return receipt && form.title() != null ? form.title() : documentType.title();
    }

    public boolean inpatient() {
        return documentType == DocumentType.INPATIENT_RECEIPT;
    }

    /** The fields as the API names them, in the order of docs/receipts.md; absent dates left out. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("invoiceCode", invoiceCode);
        fields.put("invoiceNumber", invoiceNumber);
        fields.put("checkCode", checkCode);
        fields.put("issueDate", issueDate);
        fields.put("payerName", payerName);
        fields.put("hospital", hospital);
        fields.put("admissionDate", admissionDate);
        fields.put("dischargeDate", dischargeDate);
        fields.put("visitDate", visitDate);
        fields.put("total", total);
        fields.put("fundPaid", fundPaid);
        fields.put("otherPaid", otherPaid);
        fields.put("personalAccountPaid", personalAccountPaid);
        fields.put("cashPaid", cashPaid);
        fields.put("selfPaid", selfPaid);
        fields.put("selfFunded", selfFunded);
        fields.values().removeIf(value -> value == null);
        return fields;
    }
}
