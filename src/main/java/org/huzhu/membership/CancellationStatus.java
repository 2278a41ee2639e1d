package org.huzhu.membership;

/**
 * A cancellation's lifecycle: an unpaid enrolment is cancelled at once ({@code DONE}); a paid one is a request
 * ({@code PROPOSED}) that a second person approves ({@code APPROVED}: cancelled and refunded) or rejects ({@code REJECTED}).
 * The Chinese labels are the ones the API and the console show.
 */
public enum CancellationStatus {
    DONE("已退保（未缴费，无需退费）"), PROPOSED("待复核"), APPROVED("已退保，退费办理中"), REJECTED("已驳回");

    private final String chinese;

    CancellationStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
