/**
 * ISO 20022 on the wire: pain.001.001.09 written with a streaming (StAX) writer, pain.002.001.10,
 * camt.054.001.08 and camt.053.001.08 read with Prowide ISO 20022, and validation against the
 * bank profile schemas in {@code src/main/resources/iso20022/}. Internal to the banking module.
 */
package org.huzhu.banking.iso20022;
