package org.huzhu.membership.roster;

/**
 * The roster file as a whole cannot be read: empty, not a CSV/XLSX file, corrupt, encrypted, or a
 * required column is missing. The message is in Chinese and meant to be shown to the uploader as is.
 */
public final class RosterFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RosterFileException(String chineseMessage) {
        super(chineseMessage);
    }

    public RosterFileException(String chineseMessage, Throwable cause) {
        super(chineseMessage, cause);
    }
}
