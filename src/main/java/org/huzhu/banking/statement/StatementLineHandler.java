package org.huzhu.banking.statement;

import java.util.Optional;

/**
 * Implemented by a module whose money a statement line may be (contributions for credits naming a
 * bill, payouts for its own references). Called for every newly stored line, inside the import's
 * transaction, in {@link org.springframework.core.annotation.Order} order; the first handler that
 * answers takes the line, so a handler answers only for lines that are its business. Whatever it
 * books commits or rolls back with the import.
 */
public interface StatementLineHandler {

    Optional<LineOutcome> handle(StatementLine line, String importedBy);
}
