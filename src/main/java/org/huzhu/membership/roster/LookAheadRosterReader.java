package org.huzhu.membership.roster;

import java.util.NoSuchElementException;

/**
 * The iterator part shared by the roster readers: one row read ahead, so {@link #hasNext()} can
 * skip blank rows, and a {@link #close()} that releases the file once.
 */
abstract class LookAheadRosterReader implements RosterReader {

    private RosterRow next;
    private boolean closed;

    /** Reads on to the next row with content; {@code null} at the end of the file. */
    protected abstract RosterRow readRow();

    /** Releases the file; called once, by the first {@link #close()}. */
    protected abstract void release();

    @Override
    public final boolean hasNext() {
        if (next == null && !closed) {
            next = readRow();
        }
        return next != null;
    }

    @Override
    public final RosterRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RosterRow row = next;
        next = null;
        return row;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        release();
    }
}
