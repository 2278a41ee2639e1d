/**
 * The fund's double-entry ledger. Journals are appended, never edited: each balances, names
 * its source document and carries an idempotency key, so a retried operation books nothing
 * twice; a correction is a reversing journal. The trial balance reads every posting.
 */
package org.huzhu.ledger;
