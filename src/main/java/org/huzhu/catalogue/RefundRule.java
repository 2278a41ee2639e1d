package org.huzhu.catalogue;

/**
 * What a cancellation after the cover started refunds (退保退费规则), per catalogue version and, where an item says
 * otherwise, per item. Before the cover starts a cancellation is always refunded in full; after it starts the scheme's
 * terms refund nothing ({@link AfterCoverStarts#NONE}, the default) unless the catalogue grants a refund in proportion to
 * the days of cover not yet used ({@link AfterCoverStarts#PRO_RATA}).
 */
public record RefundRule(AfterCoverStarts afterCoverStarts) {

    /** The scheme's terms when a catalogue says nothing: no refund once the cover has started. */
    public static final RefundRule DEFAULT = new RefundRule(AfterCoverStarts.NONE);

    public RefundRule {
        if (afterCoverStarts == null) afterCoverStarts = AfterCoverStarts.NONE;
    }

    public enum AfterCoverStarts {
        NONE("保障开始后不退费"),
        PRO_RATA("保障开始后按未到期天数比例退费");

        private final String chinese;

        AfterCoverStarts(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }
}
