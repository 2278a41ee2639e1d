package org.huzhu.claims;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.membership.Members;
import org.huzhu.payouts.PayoutBounced;
import org.huzhu.payouts.PayoutFailed;
import org.huzhu.payouts.PayoutOrder;
import org.huzhu.payouts.PayoutReissued;
import org.huzhu.payouts.PayoutSent;
import org.huzhu.payouts.PayoutSettled;
import org.huzhu.payouts.PayoutSource;
import org.huzhu.shared.database.Columns;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moves claims as their payouts progress, in the transaction that moved the payout: sent → timeline
 * 已发送银行; settled → PAID (已到账); failed → PAYMENT_FAILED (支付失败（原因）); bounced → PAID →
 * PAYMENT_FAILED (退票（原因）); re-issued → PAYMENT_PENDING (重新支付). The payouts side publishes one
 * event per payout; here they are gathered per transaction and written just before it commits, in
 * one update and one insert, each move checked against {@link ClaimStatus}'s table (a move the table
 * does not allow is logged and left out, never allowed to undo the bank's word). Also the claims'
 * {@link PayoutSource}: a re-issue pays the member's current account under the next reference.
 * What an appeal adds to an approved claim is paid apart, under the claim's supplementary source
 * ({@link #supplementSource}): its steps go on the claim's timeline and are told to the member, whatever
 * state the claim is in, and never move the claim.
 */
@Component
class PaymentProgress implements PayoutSource {

    private static final Logger log = LoggerFactory.getLogger(PaymentProgress.class);
    private static final String PREFIX = "CLAIM:";
    private static final String SUPPLEMENT_PREFIX = "CLAIM-APPEAL:";
    private static final String BANK = "银行";

    private final JdbcClient jdbc;
    private final Members members;
    private final Clock clock;
    private final ClaimNews news;

    PaymentProgress(JdbcClient jdbc, Members members, Clock clock, ClaimNews news) {
        this.news = news;
        this.jdbc = jdbc;
        this.members = members;
        this.clock = clock;
    }

    static String source(long claimId) {
        return PREFIX + claimId;
    }

    static String reference(long claimId, int n) {
        return "HZ-" + claimId + "-" + n;
    }

    /** The source of what an appeal added to an approved claim: one live payout of its own beside the claim's. */
    static String supplementSource(long claimId) {
        return SUPPLEMENT_PREFIX + claimId;
    }

    static String supplementReference(long claimId, int n) {
        return "HZA-" + claimId + "-" + n;
    }

    private static long claimOf(String source) {
        return Long.parseLong(source.substring(source.indexOf(':') + 1));
    }

    // ---- re-issue ---------------------------------------------------------------------------------

    @Override
    public boolean handles(String source) {
        return source != null && (source.startsWith(PREFIX) || source.startsWith(SUPPLEMENT_PREFIX));
    }

    @Override
    public PayoutOrder reissueOrder(String source, String failedReference, CurrentUser user) {
        long claimId = claimOf(source);
        var claim = jdbc.sql("select member_id, org_path from claims.claim where id = ?").param(claimId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("理赔申请不存在"));
        Members.Payee payee = members.payee((Long) claim[0])
                .orElseThrow(() -> new ConflictException("memberId", "请先登记收款银行账户"));
        int dash = failedReference.lastIndexOf('-');
        int n = Integer.parseInt(failedReference.substring(dash + 1));
        return new PayoutOrder(failedReference.substring(0, dash + 1) + (n + 1), source, payee.name(), payee.account().bankName(), payee.account().number(),
                null, (String) claim[1], payee.accountChangedAt());
    }

    // ---- listening -----------------------------------------------------------------------------------

    enum Kind { SENT, SETTLED, FAILED, BOUNCED, REISSUED }

    /**
     * One payout step for one claim: the timeline's entry, and the payout's facts the member is told of;
     * {@code supplement}: a step of what an appeal added, which never moves the claim.
     */
    record Move(long claimId, Kind kind, String actor, LocalDate day, String text, Payout payout, boolean supplement) {
        Move(long claimId, Kind kind, String actor, LocalDate day, String text) {
            this(claimId, kind, actor, day, text, null, false);
        }
    }

    /** A payout as the member is told of it: its reference, amount, masked account and the bank's reason for a failure. */
    record Payout(String reference, org.huzhu.shared.Money amount, String maskedAccount, String reason) {
    }

    @EventListener
    void on(PayoutSent e) {
        add(e.source(), Kind.SENT, Claim.SYSTEM, e.sentOn(), "已发送银行 " + e.reference(),
                new Payout(e.reference(), e.amount(), e.maskedAccount(), null));
    }

    @EventListener
    void on(PayoutSettled e) {
        add(e.source(), Kind.SETTLED, BANK, e.settledOn(), "已到账 " + e.reference() + "（" + e.amount() + "元）", null);
    }

    @EventListener
    void on(PayoutFailed e) {
        add(e.source(), Kind.FAILED, BANK, e.failedOn(), "支付失败（" + e.reason() + "）" + e.reference() + "，请更正收款账户后重新支付",
                new Payout(e.reference(), e.amount(), e.maskedAccount(), e.reason()));
    }

    @EventListener
    void on(PayoutBounced e) {
        add(e.source(), Kind.BOUNCED, BANK, e.bouncedOn(), "退票（" + e.reason() + "）" + e.reference() + "，款项已退回，请更正收款账户后重新支付",
                new Payout(e.reference(), e.amount(), e.maskedAccount(), e.reason()));
    }

    @EventListener
    void on(PayoutReissued e) {
        add(e.source(), Kind.REISSUED, e.by(), LocalDate.now(clock), "重新支付 " + e.newReference() + "（原支付指令 " + e.reference() + "）",
                null);
    }

    private void add(String source, Kind kind, String actor, LocalDate day, String text, Payout payout) {
        if (!handles(source)) return;
        boolean supplement = source.startsWith(SUPPLEMENT_PREFIX);
        Move move = new Move(claimOf(source), kind, actor, day, supplement ? "申诉补发互助金：" + text : text, payout, supplement);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(move));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Move> pending = (List<Move>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Move> moves = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, moves);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(moves);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PaymentProgress.this);
                }
            });
            pending = moves;
        }
        pending.add(move);
    }

    record State(ClaimStatus status, LocalDate closedOn) {
    }

    /** Each payout step's move of the claim, from one state to another; every pair is checked against {@link ClaimStatus}. */
    private static final Map<Kind, ClaimStatus[]> MOVES = Map.of(
            Kind.SETTLED, new ClaimStatus[] {ClaimStatus.PAYMENT_PENDING, ClaimStatus.PAID},
            Kind.FAILED, new ClaimStatus[] {ClaimStatus.PAYMENT_PENDING, ClaimStatus.PAYMENT_FAILED},
            Kind.BOUNCED, new ClaimStatus[] {ClaimStatus.PAID, ClaimStatus.PAYMENT_FAILED},
            Kind.REISSUED, new ClaimStatus[] {ClaimStatus.PAYMENT_FAILED, ClaimStatus.PAYMENT_PENDING});

    static {
        MOVES.forEach((kind, m) -> {
            if (!m[0].canMoveTo(m[1])) throw new IllegalStateException(kind + ": the claim lifecycle does not allow " + m[0] + " → " + m[1]);
        });
    }

    /** Where a payout step takes a claim in state {@code s}, or null when it does not apply to a claim in that state. */
    static State next(State s, Move m) {
        if (m.kind() == Kind.SENT) return s.status() == ClaimStatus.PAYMENT_PENDING ? s : null;
        ClaimStatus[] move = MOVES.get(m.kind());
        if (s.status() != move[0]) return null;
        return new State(move[1], move[1] == ClaimStatus.PAID ? m.day() : move[1] == ClaimStatus.PAYMENT_FAILED ? null : s.closedOn());
    }

    /**
     * Writes the moves, kind by kind in their order, each kind in two statements: one update moving
     * the claims that are in the kind's from-state (the state check), one insert of their timeline
     * entries. A step about a claim in any other state is logged and left out.
     */
    void write(List<Move> all) {
        List<Move> supplements = all.stream().filter(Move::supplement).toList();
        if (!supplements.isEmpty()) note(supplements, false);
        List<Move> moves = all.stream().filter(m -> !m.supplement()).toList();
        int i = 0;
        while (i < moves.size()) {
            Kind kind = moves.get(i).kind();
            int j = i;
            while (j < moves.size() && moves.get(j).kind() == kind) j++;
            write(kind, moves.subList(i, j));
            i = j;
        }
    }

    private void write(Kind kind, List<Move> moves) {
        if (kind == Kind.SENT) {
            note(moves, true);
            return;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        Long[] ids = moves.stream().map(Move::claimId).toArray(Long[]::new);
        ClaimStatus[] move = MOVES.get(kind);
        Date[] days = moves.stream().map(m -> Date.valueOf(m.day())).toArray(Date[]::new);
        String closedOn = move[1] == ClaimStatus.PAID ? "x.day" : move[1] == ClaimStatus.PAYMENT_FAILED ? "null" : "c.closed_on";
        Map<Long, Long> members = new java.util.HashMap<>();
        jdbc.sql("update claims.claim c set status = ?, closed_on = " + closedOn
                        + ", version = c.version + 1 from unnest(?::bigint[], ?::date[]) as x(id, day) where c.id = x.id and c.status = ?"
                        + " returning c.id, c.member_id")
                .params(move[1].name(), ids, days, move[0].name()).query(rs -> {
                    members.put(rs.getLong(1), rs.getLong(2));
                });
        tell(moves, members);
        java.util.Set<Long> changed = new java.util.HashSet<>(members.keySet());
        List<Object[]> events = new ArrayList<>(moves.size());
        for (Move m : moves) {
            if (!changed.remove(m.claimId())) {
                log.warn("claim {} is not {}; payout step {} leaves it as it is: {}", m.claimId(), move[0], kind, m.text());
                continue;
            }
            events.add(new Object[] {m.claimId(), now, m.actor(), move[0].name(), move[1].name(), m.text()});
        }
        if (events.isEmpty()) return;
        jdbc.sql("""
                insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason)
                select * from unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[])""")
                .params(column(events, 0, Long[]::new), column(events, 1, Timestamp[]::new), column(events, 2, String[]::new),
                        column(events, 3, String[]::new), column(events, 4, String[]::new), column(events, 5, String[]::new))
                .update();
    }

    /**
     * Steps that leave the claim's state as it is, each on its claim's timeline and told to the member: a payout sent
     * ({@code pending}: only for a claim waiting for its payment), or any step of what an appeal added.
     */
    private void note(List<Move> moves, boolean pending) {
        Map<Long, Long> members = new java.util.HashMap<>();
        jdbc.sql("""
                with noted as (
                    insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason)
                    select x.id, ?, x.actor, c.status, c.status, x.text from unnest(?::bigint[], ?::text[], ?::text[]) as x(id, actor, text)
                    join claims.claim c on c.id = x.id""" + (pending ? " where c.status = 'PAYMENT_PENDING'" : "") + """
                 returning claim_id)
                select n.claim_id, c.member_id from noted n join claims.claim c on c.id = n.claim_id""")
                .params(Timestamp.from(Instant.now(clock)), moves.stream().map(Move::claimId).toArray(Long[]::new),
                        moves.stream().map(Move::actor).toArray(String[]::new), moves.stream().map(Move::text).toArray(String[]::new))
                .query(rs -> {
                    members.put(rs.getLong(1), rs.getLong(2));
                });
        tell(moves, members);
    }

    /** Tells the member of each move that took place ({@code members}: claim → member) and that they are told of. */
    private void tell(List<Move> moves, Map<Long, Long> members) {
        for (Move m : moves) {
            Long memberId = members.get(m.claimId());
            Payout p = m.payout();
            if (memberId == null || p == null) continue;
            switch (m.kind()) {
                case SENT -> news.paymentSent(m.claimId(), memberId, p.reference(), p.amount(), p.maskedAccount(), m.day());
                case FAILED, BOUNCED -> news.paymentFailed(m.claimId(), memberId, p.reference(), p.amount(), p.maskedAccount(), p.reason(),
                        m.kind() == Kind.BOUNCED, m.day());
                default -> { }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int i, java.util.function.IntFunction<T[]> array) {
        return Columns.of(rows, row -> (T) row[i], array);
    }
}
