package org.huzhu.notifications.sms;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.session.SMPPServerSession;

/** The simulated centre's bound sessions; receipts and mobile-originated texts go round-robin to those that can receive. */
final class SmscSessions {

    private final List<SMPPServerSession> bound = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    void bound(SMPPServerSession session) {
        bound.add(session);
    }

    void gone(SMPPServerSession session) {
        bound.remove(session);
    }

    int count() {
        return (int) bound.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** A bound session that takes deliver_sm (transceiver or receiver), or null. */
    SMPPServerSession receiver() {
        List<SMPPServerSession> all = bound;
        int size = all.size();
        for (int i = 0; i < size; i++) {
            SMPPServerSession s;
            try {
                s = all.get(Math.floorMod(next.getAndIncrement(), all.size()));
            } catch (IndexOutOfBoundsException | ArithmeticException e) {
                return null;
            }
            if (s.getSessionState().isReceivable()) return s;
        }
        return null;
    }

    /** Closes every session without unbinding, as a centre restart or a broken line would. */
    void dropAll() {
        for (SMPPServerSession s : List.copyOf(bound)) {
            bound.remove(s);
            s.close();
        }
    }
}
