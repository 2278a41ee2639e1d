package org.huzhu.membership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the uploaded roster does to the proposal: changes of workers of the unit (applied to their line of last
 * year's list, if they have one), and its other lines in the roster's order — some of them only if the worker
 * is not on last year's list.
 */
final class RenewalRosterOverlay {

    private final Map<Long, RosterChange> changes = new HashMap<>();
    private final Set<Long> onLastYear = new HashSet<>();
    private final Set<Long> named = new HashSet<>();
    private final List<Extra> extras = new ArrayList<>();

    /** A line of the roster's own; {@code unlessListed}: left out when this worker has a line of last year's list. */
    private record Extra(RenewalRepository.Line line, Long unlessListed) {
    }

    private record RosterChange(String name, String idMasked, List<Coverage> items) {
    }

    void add(RenewalRepository.Line line) {
        extras.add(new Extra(line, null));
    }

    /** A newcomer the roster registered: their line, in the roster's order. */
    void newcomer(long memberId, RenewalRepository.Line line) {
        named.add(memberId);
        extras.add(new Extra(line, null));
    }

    /**
     * A worker of the unit the roster names: renews what the row says. A worker the roster named before (on an earlier
     * row, however far up) keeps that row; this one is set out as repeated.
     */
    void change(long memberId, String name, String idMasked, List<Coverage> items) {
        if (repeated(memberId, name, idMasked, items)) return;
        changes.put(memberId, new RosterChange(name, idMasked, items));
        extras.add(new Extra(RenewalProposer.line(memberId, name, idMasked, RenewalLineSource.ROSTER, true, "花名册列明", items, null),
                memberId));
    }

    /** A worker whose death is recorded: a roster cannot bring them back. */
    void deceased(long memberId, String name, String idMasked, List<Coverage> items) {
        if (repeated(memberId, name, idMasked, items)) return;
        extras.add(new Extra(RenewalProposer.line(memberId, name, idMasked, RenewalLineSource.ROSTER, false, RenewalProposer.DECEASED,
                items, null), memberId));
    }

    /** Whether the roster named the worker before; if so, this row is listed out as repeated. */
    private boolean repeated(long memberId, String name, String idMasked, List<Coverage> items) {
        if (named.add(memberId)) return false;
        extras.add(new Extra(RenewalProposer.line(memberId, name, idMasked, RenewalLineSource.ROSTER, false, RenewalProposer.REPEATED_ROW,
                items, null), null));
        return true;
    }

    /** A line of last year's list, as the roster leaves it. */
    RenewalRepository.Line over(RenewalRepository.Line before) {
        if (!named.contains(before.memberId())) return before;
        onLastYear.add(before.memberId());
        RosterChange change = changes.get(before.memberId());
        if (change == null) return before;
        return RenewalProposer.line(before.memberId(), change.name(), change.idMasked(), before.source(), true,
                changeNote(before, change.items()), change.items(), before.coverTo());
    }

    /** The roster's own lines, in its order: those of workers on last year's list were applied to their line instead. */
    void extras(Consumer<RenewalRepository.Line> each) {
        for (Extra e : extras) if (e.unlessListed() == null || !onLastYear.contains(e.unlessListed())) each.accept(e.line());
    }

    /** In words, what the roster changed of last year's cover (or that it confirms it). */
    private static String changeNote(RenewalRepository.Line before, List<Coverage> now) {
        String was = describe(before.items());
        String is = describe(now);
        return was.equals(is) ? (before.included() ? null : "花名册列明，恢复续保") : "花名册调整：" + was + " → " + is;
    }

    static String describe(List<Coverage> items) {
        return String.join("、", items.stream().map(c -> c.item() + ":" + c.plan() + "×" + c.shares()).sorted().toList());
    }
}
