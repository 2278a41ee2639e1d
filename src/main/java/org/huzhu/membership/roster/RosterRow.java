package org.huzhu.membership.roster;

/**
 * One worker row of a roster file, decoded but not validated.
 *
 * @param rowNumber the spreadsheet row number a person sees (the header is normally row 1, so the
 *                  first data row is 2; for CSV one row is one record, even if a quoted cell spans
 *                  several lines)
 * @param name           姓名
 * @param idNumber       身份证号码
 * @param phone          手机号码
 * @param employmentForm 就业形态
 * @param plan           保障方案
 * @param shares         份数
 * @param paidOn         缴费日期 (ISO {@code yyyy-MM-dd} when the XLSX cell was a real date, otherwise the text as typed)
 *
 * Every value is the trimmed cell text, or {@code null} when the cell is empty or absent.
 */
public record RosterRow(long rowNumber, String name, String idNumber, String phone,
                        String employmentForm, String plan, String shares, String paidOn) {
}
