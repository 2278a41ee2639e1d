package org.huzhu.notifications.sms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** What the simulated centre accepted, in order, and the questions tests ask about it. */
final class SmscSubmits {

    private final List<SimulatedSmsCentre.Submit> accepted = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    synchronized void add(SimulatedSmsCentre.Submit submit) {
        accepted.add(submit);
        count.incrementAndGet();
    }

    synchronized List<SimulatedSmsCentre.Submit> snapshot() {
        return List.copyOf(accepted);
    }

    int count() {
        return count.get();
    }

    synchronized int firstPartsFor(long messageReference) {
        int n = 0;
        for (SimulatedSmsCentre.Submit s : accepted) {
            if (Objects.equals(s.messageReference(), messageReference) && s.udhSequence() <= 1) n++;
        }
        return n;
    }

    /**
     * The complete texts that went to {@code phone}, in the order their first part arrived: a single
     * submit is a text; parts are joined by UDH reference and sequence once every part is there.
     */
    synchronized List<String> textsTo(String phone) {
        List<String[]> texts = new ArrayList<>();
        Map<Integer, String[]> open = new HashMap<>();
        for (SimulatedSmsCentre.Submit s : accepted) {
            if (!s.destination().equals(phone)) continue;
            if (s.udhTotal() <= 1) {
                texts.add(new String[] {s.text()});
                continue;
            }
            String[] parts = open.get(s.udhReference());
            if (parts == null || parts.length != s.udhTotal() || parts[s.udhSequence() - 1] != null) {
                parts = new String[s.udhTotal()];
                open.put(s.udhReference(), parts);
                texts.add(parts);
            }
            parts[s.udhSequence() - 1] = s.text();
        }
        List<String> complete = new ArrayList<>(texts.size());
        for (String[] parts : texts) {
            if (java.util.Arrays.stream(parts).allMatch(Objects::nonNull)) complete.add(String.join("", parts));
        }
        return complete;
    }

    synchronized void clear() {
        accepted.clear();
        count.set(0);
    }
}
