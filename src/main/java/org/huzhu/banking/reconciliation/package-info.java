/**
 * Daily reconciliation of the fund's bank account (对账): for one value date, the bank's statement
 * lines are compared with what our books say moved on the account — each module that moves money
 * implements {@link org.huzhu.banking.reconciliation.BankBook} — and with the ledger's 1002
 * postings of that date. Every difference is listed in Chinese and kept with the run; a run marks
 * nothing settled. Front door: {@link org.huzhu.banking.reconciliation.Reconciliation}.
 */
@org.springframework.modulith.NamedInterface("reconciliation")
package org.huzhu.banking.reconciliation;
