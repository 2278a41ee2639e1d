package org.huzhu.banking.statement;

/** A statement file that cannot be read; the message, in Chinese, names the line or entry at fault. */
class StatementFileException extends RuntimeException {

    StatementFileException(String message) {
        super(message);
    }
}
