package org.huzhu.claims;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Claim routing settings ({@code huzhu.claims.*}). A claim whose total is below
 * {@code autoApproveBelow}, backed only by electronic receipts and complete materials, is approved
 * without a reviewer; otherwise it is reviewed at county level up to {@code countyMax}, city up to
 * {@code cityMax}, province above. Approving a total at or above {@code dualApprovalFrom} needs a
 * second reviewer. The payment promise counts {@code paymentPromiseWorkingDays} working days from
 * complete materials. A claim sent back for materials (退回补件) asks for them within {@code materialsDueDays} days
 * (default 60); unanswered by then it is closed as withdrawn, never rejected, and so is a draft left untouched for
 * {@code draftDueDays} days (default 60): their receipts are freed. A rejection or an adjustment may be appealed within
 * {@code appealDays} calendar days of the decision.
 */
@ConfigurationProperties("huzhu.claims")
public record ClaimsProperties(BigDecimal autoApproveBelow, BigDecimal countyMax, BigDecimal cityMax,
                               BigDecimal dualApprovalFrom, Integer paymentPromiseWorkingDays, Long maxDocumentBytes,
                               Integer materialsDueDays, Integer draftDueDays, Integer appealDays) {

    public ClaimsProperties {
        if (autoApproveBelow == null) autoApproveBelow = new BigDecimal("3000.00");
        if (countyMax == null) countyMax = new BigDecimal("10000.00");
        if (cityMax == null) cityMax = new BigDecimal("50000.00");
        if (dualApprovalFrom == null) dualApprovalFrom = new BigDecimal("30000.00");
        if (paymentPromiseWorkingDays == null) paymentPromiseWorkingDays = 7;
        if (maxDocumentBytes == null) maxDocumentBytes = 10L * 1024 * 1024;
        if (materialsDueDays == null) materialsDueDays = 60;
        if (draftDueDays == null) draftDueDays = 60;
        if (appealDays == null) appealDays = 60;
    }

    ReviewLevel levelFor(BigDecimal total) {
        if (total.compareTo(countyMax) <= 0) return ReviewLevel.COUNTY;
        if (total.compareTo(cityMax) <= 0) return ReviewLevel.CITY;
        return ReviewLevel.PROVINCE;
    }

    boolean needsSecondApproval(BigDecimal total) {
        return total.compareTo(dualApprovalFrom) >= 0;
    }
}
