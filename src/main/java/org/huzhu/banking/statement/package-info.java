/**
 * The fund account's bank statements: a camt.053 (ISO 20022, read with Prowide) or a plain CSV
 * export is read completely, then its lines are stored once each (a line's bank reference is its
 * identity, so importing a statement twice adds nothing) in one transaction, and every new line is
 * offered to the {@link org.huzhu.banking.statement.StatementLineHandler}s of the modules whose
 * money it may be (contributions matches credits to bills). Front door:
 * {@link org.huzhu.banking.statement.Statements}.
 */
@org.springframework.modulith.NamedInterface("statement")
package org.huzhu.banking.statement;
