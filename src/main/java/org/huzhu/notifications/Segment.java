package org.huzhu.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.huzhu.membership.EmploymentForm;
import org.huzhu.membership.Members;
import org.huzhu.shared.web.Checks;

/**
 * Who a campaign is for, kept with the campaign as data: a kind and its parameters. Each kind is a
 * combination of the membership module's audience criteria ({@link Members.Audience}) and says which
 * template variables its members can fill beyond those every message has.
 */
record Segment(Kind kind, Long unitId, Long orgNodeId, LocalDate coverEndsFrom, LocalDate coverEndsTo) {

    static final int MAX_DAYS = 366;

    enum Kind {
        /** A unit's workers without cover in force and not waiting for a bill: whom to invite to enrol. */
        UNIT_NOT_ENROLLED("单位未参保职工", Set.of()),
        /** Every new-employment-form worker in an office's part of the tree: the gift cover. */
        NEW_FORM("新就业形态劳动者", Set.of()),
        /** Members whose newest cover ends within a period, in an office's part of the tree: renewal. */
        COVER_ENDING("保障即将到期的职工", Set.of("coverEnd"));

        private final String chinese;
        private final Set<String> fills;

        Kind(String chinese, Set<String> fills) {
            this.chinese = chinese;
            this.fills = fills;
        }

        String chinese() {
            return chinese;
        }
    }

    /** A segment as a request gives it: the kind's code and parameters, dates as yyyy-MM-dd. */
    record Request(String kind, Long unitId, Long orgNodeId, String coverEndsFrom, String coverEndsTo) {
    }

    /** Reads and checks a request, naming each field at fault ({@code segment.kind}, {@code segment.unitId}, …). */
    static Segment of(Request request, Checks checks) {
        if (request == null) {
            checks.add("segment.kind", "请选择发送人群");
            return null;
        }
        Kind kind = null;
        try {
            if (request.kind() != null) kind = Kind.valueOf(request.kind().strip());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            checks.add("segment.kind", "请选择发送人群：单位未参保职工、新就业形态劳动者或保障即将到期的职工");
            return null;
        }
        if (kind == Kind.UNIT_NOT_ENROLLED) {
            checks.require("segment.unitId", request.unitId(), "单位");
            return new Segment(kind, request.unitId(), null, null, null);
        }
        checks.require("segment.orgNodeId", request.orgNodeId(), "工会组织");
        if (kind == Kind.NEW_FORM) return new Segment(kind, null, request.orgNodeId(), null, null);
        LocalDate from = date(checks, "segment.coverEndsFrom", request.coverEndsFrom(), "到期日起");
        LocalDate to = date(checks, "segment.coverEndsTo", request.coverEndsTo(), "到期日止");
        if (from != null && to != null) {
            checks.check(!to.isBefore(from), "segment.coverEndsTo", "到期日止不能早于到期日起");
            checks.check(ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "segment.coverEndsTo", "到期日期范围最多" + MAX_DAYS + "天");
        }
        return new Segment(kind, null, request.orgNodeId(), from, to);
    }

    private static LocalDate date(Checks checks, String field, String text, String label) {
        if (text == null || text.isBlank()) {
            checks.add(field, "请填写" + label);
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            checks.add(field, label + "的格式应为 yyyy-MM-dd");
            return null;
        }
    }

    /** The membership module's criteria for this segment. */
    Members.Audience criteria() {
        return switch (kind) {
            case UNIT_NOT_ENROLLED -> new Members.Audience(unitId, null, null, false, null, null);
            case NEW_FORM -> new Members.Audience(null, orgNodeId, EmploymentForm.NEW_FORM, null, null, null);
            case COVER_ENDING -> new Members.Audience(null, orgNodeId, null, null, coverEndsFrom, coverEndsTo);
        };
    }

    /** Whether this segment's members give a value for the variable (name, hotline and link every message has). */
    boolean fills(String variable) {
        return variable.equals("name") || variable.equals("hotline") || variable.equals("link") || kind.fills.contains(variable);
    }

    /** What the segment is called on screens: its kind, and for cover ending the period. */
    String label() {
        return kind == Kind.COVER_ENDING ? kind.chinese + "（" + coverEndsFrom + " 至 " + coverEndsTo + "）" : kind.chinese;
    }
}
