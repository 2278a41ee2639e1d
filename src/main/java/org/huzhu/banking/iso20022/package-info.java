/**
 * ISO 20022 on the wire: pain.001.001.09 built with Prowide ISO 20022's model and serialised by
 * Prowide; pain.002.001.10, camt.054.001.08 and camt.053.001.08 read with Prowide, large status
 * reports and notifications streaming ({@link org.huzhu.banking.iso20022.StreamingReader}); the
 * bank side's messages written with StAX; validation against the bank profile schemas in
 * {@code src/main/resources/iso20022/}. Internal to the banking module.
 */
package org.huzhu.banking.iso20022;
