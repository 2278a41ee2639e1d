/**
 * The fund's bank (银企直连): payment files out, the bank's answers in. Payouts hand over a
 * {@link org.huzhu.banking.PaymentFile}; {@link org.huzhu.banking.Bank} renders it as an ISO 20022
 * pain.001.001.09 credit transfer initiation, sends it to the bank's front-end processer over HTTP,
 * and stores what the bank reports back (pain.002 status reports, camt.054 debit/credit
 * notifications, camt.053 statements) in arrival order, each once, for the modules that apply them.
 * A simulated bank on loopback (sub-package {@code simulator}) stands in for the real one in demo
 * and test mode. Bank statement import and reconciliation live in {@code banking.statement}.
 */
package org.huzhu.banking;
