/**
 * Contributions (缴费): every enrolment batch is billed to its unit (one bill per single enrolment,
 * one per roster import), the union's subsidy is a separate receivable, and payments — registered
 * by finance, matched from the bank statement by the bill's reference {@code HZB-<id>}, or declared
 * by the unit with the enrolment — settle the bill. A bill paid in full tells membership
 * ({@link org.huzhu.contributions.BillPaid}) to bring its enrolments into force. Front door:
 * {@link org.huzhu.contributions.Contributions}.
 */
package org.huzhu.contributions;
