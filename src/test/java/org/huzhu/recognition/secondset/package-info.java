/**
 * The second, independent receipt test set (issue 18): its own generator of 医疗收费票据（电子）-family
 * documents — four receipt arrangements for inpatient and outpatient receipts and two 医保结算单 layouts,
 * in other page sizes, fonts (AR PL UMing, WenQuanYi Zen Hei), inks, wordings and stamps — drawn
 * as PDF, OFD and images (clean, scan, phone photo, fax) with their truth. Written apart from
 * {@code specimen} (set 1), it measures the reader on receipts it was not built around; it is
 * never used to tune thresholds (docs/receipts.md, "The second test set").
 */
package org.huzhu.recognition.secondset;
