/**
 * A simulated bank front-end on loopback (JDK HttpServer) for demo and test mode and the payouts
 * benchmark: takes pain.001 files, answers asynchronously with pain.002 and camt.054, keeps the
 * day's camt.053 statement, and decides outcomes from the data so that runs are reproducible
 * (rules in docs/payouts.md). Internal to the banking module.
 */
package org.huzhu.banking.simulator;
