package org.huzhu.payouts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.Pipeline;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payouts front door. {@link #request} takes a payment order (inside the caller's transaction,
 * idempotent by reference); finance {@link #prepareBatches prepares} the requested payouts of the
 * cities in their scope into batches, another finance officer {@link #release releases} each batch,
 * which is then {@link #send sent} (at once, and again by the poller after a crash);
 * {@link #applyBankMessages} applies the bank's answers; {@link #reissue} replaces a failed or
 * bounced payout with one to the payee's current account. Batches are per city: a finance officer
 * acts on batches of cities inside their scope (province finance: every city).
 */
@Service
public class Payouts {

    static final String SYSTEM = "系统";

    private final PayoutRepository repository;
    private final BatchSender sender;
    private final BankStatusApplier applier;
    private final Organisations organisations;
    private final PersonalDataCipher cipher;
    private final PayoutsProperties settings;
    private final TransactionTemplate transactions;
    private final FaultInjection faults;
    private final List<PayoutSource> sources;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService sends = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "payout-send");
        t.setDaemon(true);
        return t;
    });

    Payouts(PayoutRepository repository, BatchSender sender, BankStatusApplier applier, Organisations organisations,
            PersonalDataCipher cipher, PayoutsProperties settings, TransactionTemplate transactions, FaultInjection faults,
            List<PayoutSource> sources, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.sender = sender;
        this.applier = applier;
        this.organisations = organisations;
        this.cipher = cipher;
        this.settings = settings;
        this.transactions = transactions;
        this.faults = faults;
        this.sources = sources;
        this.events = events;
        this.clock = clock;
    }

    // ---- orders -------------------------------------------------------------------------------

    /**
     * Records a payout order as REQUESTED, in the caller's transaction. The same reference again
     * changes nothing and answers the payout as it stands; a second live payout for one source is a 409.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public PayoutView request(PayoutOrder order) {
        return request(order, (String) null);
    }

    /**
     * As {@link #request(PayoutOrder)}, as one statement of the caller's pipeline (sent by the caller, in its
     * transaction): the answer is ready once the pipeline was sent, and asking for it throws the 409 of a
     * source that has a live payout already.
     */
    public Supplier<PayoutView> request(PayoutOrder order, Pipeline pipeline) {
        return request(order, null, pipeline);
    }

    private Supplier<PayoutView> request(PayoutOrder order, String reissueOf, Pipeline pipeline) {
        check(order);
        BankAccount account = new BankAccount(order.bankName(), order.accountNumber());
        Supplier<Optional<PayoutRepository.Row>> written = repository.insert(order, cipher.encrypt(account.number()), account.masked(),
                cityOf(order.orgPath()), reissueOf, SYSTEM, reissueOf == null ? "生成支付指令" : "重新支付（原支付指令 " + reissueOf + "）",
                holdReason(order), pipeline);
        // the row as written; a reference requested before answers as it stands; else the source's live payout kept this one out
        return () -> view(written.get().or(() -> repository.find(order.reference(), false)).orElseThrow(() ->
                new ConflictException("source", "该业务（" + order.source() + "）已有未完成或已到账的支付指令，不能重复支付")), false);
    }

    /** Why a payout to this order's account is held: the account replaced another one within the last days set; else null. */
    private String holdReason(PayoutOrder order) {
        return holdReason(order.accountChangedAt());
    }

    private String holdReason(Instant accountChangedAt) {
        if (accountChangedAt == null) return null;
        int days = settings.recentAccountChangeDays();
        if (!accountChangedAt.isAfter(Instant.now(clock).minus(java.time.Duration.ofDays(days)))) return null;
        return "收款账户于 " + java.time.LocalDate.ofInstant(accountChangedAt, clock.getZone()) + " 变更（" + days
                + "日内），暂停支付，须由组批人以外的财务人员核实后放行";
    }

    /** A source's new payee: name, account, and when the account last replaced another one (null if never). */
    public record NewPayee(String name, String bankName, String accountNumber, Instant accountChangedAt) {
        @Override
        public String toString() {
            return "NewPayee[" + name + "]";
        }
    }

    /** What became of a live payout when its payee changed: paid to the new payee, or left to the bank (and why). */
    public record Redirect(String reference, boolean redirected, String note) {
    }

    /**
     * The payee of these sources changed (a corrected account, or the heir of a worker who died). Each live payout
     * of theirs not yet handed to the bank — waiting for a batch, or in a batch its checker has not released — is
     * paid to the new payee instead: held again when the account is recent (as a new request would be, so a second
     * finance officer checks it), and its history says why; the batch's checker sees the new payee. A payout in a
     * released batch, sent or settled is the bank's: it is left, and a failure or bounce is re-issued to the new
     * payee. Runs in the caller's transaction; a batch is locked before its payouts, as its release does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Redirect> redirectUnsent(java.util.Collection<String> sources, NewPayee payee, String actor, String why) {
        BankAccount account = new BankAccount(payee.bankName(), payee.accountNumber());
        List<Redirect> done = new ArrayList<>();
        for (PayoutRepository.Row seen : repository.liveOf(sources)) {
            if (seen.status() != PayoutStatus.REQUESTED && seen.status() != PayoutStatus.BATCHED) {
                done.add(new Redirect(seen.reference(), false, "已交银行（" + seen.status().chinese() + "），不再改付；如退票或失败，按新收款人重新支付"));
                continue;
            }
            if (seen.batchId() != null) {
                BatchStatus batch = repository.batch(seen.batchId(), true).orElseThrow().status();
                if (batch != BatchStatus.PREPARED) {
                    done.add(new Redirect(seen.reference(), false, "所在批次已放行（" + batch.chinese() + "），不再改付；如退票或失败，按新收款人重新支付"));
                    continue;
                }
            }
            PayoutRepository.Row p = repository.find(seen.reference(), true).orElseThrow();
            if ((p.status() != PayoutStatus.REQUESTED && p.status() != PayoutStatus.BATCHED) || !java.util.Objects.equals(p.batchId(), seen.batchId())) {
                done.add(new Redirect(p.reference(), false, "支付指令已被他人处理（" + p.status().chinese() + "），未改付"));
                continue;
            }
            if (p.payeeName().equals(payee.name()) && cipher.decrypt(p.accountCipher()).equals(account.number())) continue;
            String hold = holdReason(payee.accountChangedAt());
            repository.redirect(p.id(), payee.name(), account.bankName(), cipher.encrypt(account.number()), account.masked(), hold);
            String note = why + "：改付 " + payee.name() + " " + account.bankName() + " " + account.masked() + "（原收款人 " + p.payeeName() + " "
                    + p.accountMasked() + "）" + (hold == null ? "" : "；" + hold);
            repository.event(p.id(), actor, p.status(), p.status(), note);
            done.add(new Redirect(p.reference(), true, note));
        }
        return done;
    }

    private PayoutView request(PayoutOrder order, String reissueOf) {
        Pipeline pipeline = new Pipeline();
        Supplier<PayoutView> requested = request(order, reissueOf, pipeline);
        repository.send(pipeline);
        return requested.get();
    }

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{1,35}");
    private static final Pattern CITY_PATH = Pattern.compile("/\\d+/\\d+/.*");

    private static void check(PayoutOrder order) {
        Checks checks = new Checks();
        if (order.reference() == null || !REFERENCE.matcher(order.reference()).matches()) {
            checks.add("reference", "支付编号须为1至35位字母、数字或连字符");
        }
        if (order.source() == null || order.source().isBlank()) checks.add("source", "缺少支付来源");
        if (order.payeeName() == null || order.payeeName().isBlank() || order.payeeName().length() > 140) checks.add("payeeName", "缺少收款人户名");
        if (order.amount() == null || !order.amount().isPositive()) checks.add("amount", "支付金额须大于0");
        if (order.orgPath() == null || !CITY_PATH.matcher(order.orgPath()).matches()) checks.add("orgPath", "支付须属于某个市（州）");
        try {
            new BankAccount(order.bankName(), order.accountNumber());
        } catch (IllegalArgumentException e) {
            checks.add("accountNumber", e.getMessage());
        }
        checks.throwIfInvalid();
    }

    /** The city of an organisation path: its second node ({@code /1/5/12/u33/} → 5). */
    static long cityOf(String orgPath) {
        return Long.parseLong(orgPath.split("/")[2]);
    }

    // ---- batches ------------------------------------------------------------------------------

    /**
     * Gathers the requested payouts of the cities in the caller's scope into batches of at most
     * {@code max-per-batch}, one city per batch, each batch committed on its own. Returns the new batches.
     */
    public List<BatchView> prepareBatches(CurrentUser user) {
        requireFinance(user);
        List<PayoutRepository.Waiting> waiting = repository.requested(user.scopePattern());
        Map<Long, List<PayoutRepository.Waiting>> byCity = new TreeMap<>();
        waiting.forEach(w -> byCity.computeIfAbsent(w.cityOrgId(), c -> new ArrayList<>()).add(w));
        List<Long> made = new ArrayList<>();
        for (var city : byCity.entrySet()) {
            List<PayoutRepository.Waiting> all = city.getValue();
            for (int from = 0; from < all.size(); from += settings.maxPerBatch()) {
                List<PayoutRepository.Waiting> part = all.subList(from, Math.min(all.size(), from + settings.maxPerBatch()));
                made.add(transactions.execute(s -> prepare(city.getKey(), part, user)));
                faults.pauseIf(FaultInjection.BATCH_HALF_BUILT);
            }
        }
        return made.stream().map(id -> batchView(repository.batch(id, false).orElseThrow(), false)).toList();
    }

    private long prepare(long cityOrgId, List<PayoutRepository.Waiting> payouts, CurrentUser user) {
        var city = organisations.node(cityOrgId);
        long id = repository.nextBatchId();
        String messageId = "HZPB-" + java.time.LocalDate.now(clock).toString().replace("-", "") + "-" + id;
        BigDecimal total = payouts.stream().map(PayoutRepository.Waiting::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        repository.insertBatch(id, messageId, cityOrgId, city.name(), city.path(), payouts.size(), total, user.username());
        long[] ids = payouts.stream().mapToLong(PayoutRepository.Waiting::id).toArray();
        if (repository.markBatched(ids, id) != ids.length) throw new ConflictException("支付指令已被他人组批，请刷新后重试");
        repository.batchEvent(id, user.username(), null, BatchStatus.PREPARED,
                "组批 " + payouts.size() + " 笔，合计 " + new org.huzhu.shared.Money(total) + " 元");
        return id;
    }

    /**
     * The checker releases a prepared batch of a city in their scope; it is sent to the bank right after.
     * Payouts still held (a recently changed account, see {@link #releaseHold}) are taken out of it first,
     * back to REQUESTED for a later batch; a batch of held payouts only is not released (409).
     */
    public BatchView release(long batchId, CurrentUser user) {
        requireFinance(user);
        transactions.executeWithoutResult(s -> {
            PayoutBatch batch = visibleBatch(batchId, user, true);
            batch.release(user.username(), Instant.now(clock));
            int held = repository.heldIn(batchId);
            if (held > 0 && held == batch.payoutCount) {
                throw new ConflictException("status", "本批次的支付均因收款账户近期变更而暂停，请先逐笔核实放行");
            }
            String takenOut = held == 0 ? "" : takeOutHeld(batchId, user);
            if (!repository.update(batch, BatchStatus.PREPARED)) throw new ConflictException("批次已被他人处理，请刷新后重试");
            repository.batchEvent(batchId, user.username(), BatchStatus.PREPARED, BatchStatus.RELEASED,
                    "复核放行（组批：" + batch.preparedBy + "）" + takenOut);
            if (settings.autoSend()) afterCommit(() -> sends.submit(() -> sendQuietly(batchId)));
        });
        return batchView(repository.batch(batchId, false).orElseThrow(), false);
    }

    private String takeOutHeld(long batchId, CurrentUser user) {
        List<PayoutRepository.Moved> out = repository.unbatchHeld(batchId);
        org.huzhu.shared.Money amount = out.stream().map(PayoutRepository.Moved::amount).reduce(org.huzhu.shared.Money.ZERO,
                org.huzhu.shared.Money::plus);
        repository.shrinkBatch(batchId, out.size(), amount.amount());
        repository.events(out.stream().mapToLong(PayoutRepository.Moved::id).toArray(), user.username(), PayoutStatus.BATCHED,
                PayoutStatus.REQUESTED, new String[out.size()], java.util.Collections.nCopies(out.size(), "暂停支付（收款账户近期变更），移出批次 "
                        + batchId + "，待核实放行后另行组批").toArray(String[]::new), null);
        return "；" + out.size() + " 笔暂停支付的指令（收款账户近期变更）移出本批次，合计 " + amount + " 元";
    }

    /**
     * Releases a payout held for a recently changed account, after finance checked the change with
     * the worker: a finance officer in scope, not the maker of the batch that holds it. It is then
     * paid with its batch (or gathered into the next one).
     */
    @Transactional
    public PayoutView releaseHold(String reference, CurrentUser user) {
        requireFinance(user);
        PayoutRepository.Row p = repository.find(reference, true).filter(r -> user.sees(r.orgPath()))
                .orElseThrow(() -> new NotFoundException("支付指令不存在：" + reference));
        if (!p.hold().holding()) throw new ConflictException("held", "该支付指令未被暂停或已放行");
        if (p.status() != PayoutStatus.REQUESTED && p.status() != PayoutStatus.BATCHED) {
            throw new ConflictException("status", "支付指令当前状态为「" + p.status().chinese() + "」，不能放行");
        }
        if (p.batchId() != null && repository.batch(p.batchId(), false).orElseThrow().preparedBy.equals(user.username())) {
            throw new ConflictException("holdReleasedBy", "暂停的支付须由组批人以外的财务人员核实放行（双人复核）：所在批次由您组批");
        }
        repository.releaseHold(p.id(), user.username());
        repository.event(p.id(), user.username(), p.status(), p.status(), "核实收款账户变更后放行暂停的支付");
        return view(repository.find(reference, false).orElseThrow(), true);
    }

    /** Sends a released batch (the pain.001 file) to the bank and records SENT; a batch in any other state is left alone. */
    public boolean send(long batchId) {
        return sender.send(batchId);
    }

    /** Re-sends every batch left RELEASED (a crash before SENT was recorded, or the bank was down). */
    public int sendReleased() {
        int sent = 0;
        for (long id : repository.releasedNotSent()) if (sender.send(id)) sent++;
        return sent;
    }

    /** Fetches and applies the bank's messages, then completes every batch whose payouts all have the bank's final word. */
    public int applyBankMessages() {
        BankStatusApplier.Applied applied = applier.fetchAndApply();
        for (long id : repository.completable()) {
            transactions.executeWithoutResult(s -> {
                PayoutBatch batch = repository.batch(id, true).orElseThrow();
                if (batch.status() != BatchStatus.SENT) return;
                batch.complete(Instant.now(clock));
                repository.update(batch, BatchStatus.SENT);
                repository.batchEvent(id, BankStatusApplier.BANK, BatchStatus.SENT, BatchStatus.COMPLETED, "批次内每笔支付均已有银行最终结果");
            });
        }
        return applied.payouts();
    }

    private void sendQuietly(long batchId) {
        try {
            sender.send(batchId);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Payouts.class).warn("sending payout batch {} failed; the poller retries: {}", batchId,
                    e.getMessage());
        }
    }

    // ---- re-issue -------------------------------------------------------------------------------

    /**
     * Replaces a failed or bounced payout with a new one (next reference, the payee's current account,
     * the same amount), linked both ways. The payee's account must have been corrected.
     */
    @Transactional
    public PayoutView reissue(String reference, CurrentUser user) {
        requireFinance(user);
        PayoutRepository.Row old = repository.find(reference, true).filter(p -> user.sees(p.orgPath()))
                .orElseThrow(() -> new NotFoundException("支付指令不存在：" + reference));
        if (!old.status().canMoveTo(PayoutStatus.REISSUED)) {
            throw new ConflictException("status", "支付指令当前状态为「" + old.status().chinese() + "」（" + old.status()
                    + "），只有支付失败或退票的支付指令可以重新支付");
        }
        PayoutSource source = sources.stream().filter(s -> s.handles(old.source())).findFirst()
                .orElseThrow(() -> new ConflictException("该支付来源不支持重新支付：" + old.source()));
        PayoutOrder order = source.reissueOrder(old.source(), reference, user);
        String oldAccount = cipher.decrypt(old.accountCipher());
        if (oldAccount.equals(order.accountNumber().replace(" ", "")) && old.payeeName().equals(order.payeeName())) {
            throw new ConflictException("accountNumber", "收款人户名和账号均未更正（原因：" + (old.reason() == null ? "支付失败" : old.reason())
                    + "），请先更正职工的收款银行账户再重新支付");
        }
        PayoutOrder replacing = new PayoutOrder(order.reference(), old.source(), order.payeeName(), order.bankName(),
                order.accountNumber(), old.amount(), order.orgPath() == null ? old.orgPath() : order.orgPath(), order.accountChangedAt());
        if (!repository.markReissued(old.id(), replacing.reference())) throw new ConflictException("支付指令已被他人处理，请刷新后重试");
        repository.event(old.id(), user.username(), old.status(), PayoutStatus.REISSUED, "重新支付为 " + replacing.reference());
        PayoutView fresh = request(replacing, reference);
        events.publishEvent(new PayoutReissued(reference, old.source(), old.amount(), replacing.reference(), user.username()));
        return fresh;
    }

    // ---- reading --------------------------------------------------------------------------------

    public List<BatchView> batches(CurrentUser user, BatchStatus status, int limit, int offset) {
        requireReader(user);
        return repository.batches(user.scopePattern(), status, limit, offset).stream().map(b -> batchView(b, false)).toList();
    }

    public BatchView batch(long id, CurrentUser user) {
        requireReader(user);
        return batchView(visibleBatch(id, user, false), true);
    }

    public List<PayoutView> payouts(CurrentUser user, PayoutStatus status, String reference, int limit, int offset) {
        requireReader(user);
        return repository.list(user.scopePattern(), status, reference, limit, offset).stream().map(p -> view(p, false)).toList();
    }

    public PayoutView payout(String reference, CurrentUser user) {
        requireReader(user);
        return repository.find(reference, false).filter(p -> user.sees(p.orgPath())).map(p -> view(p, true))
                .orElseThrow(() -> new NotFoundException("支付指令不存在：" + reference));
    }

    /** The payouts of one source (a claim's), with their steps; for the source's own views, which check scope themselves. */
    @Transactional(readOnly = true)
    public List<PayoutView> ofSource(String source) {
        return repository.ofSource(source).stream().map(p -> view(p, true)).toList();
    }

    private PayoutBatch visibleBatch(long id, CurrentUser user, boolean lock) {
        return repository.batch(id, lock).filter(b -> user.sees(b.orgPath))
                .orElseThrow(() -> new NotFoundException("支付批次不存在或不在您的管辖范围内"));
    }

    private BatchView batchView(PayoutBatch b, boolean full) {
        return new BatchView(b.id, b.messageId, b.cityOrgId, b.cityName, b.status(), b.status().chinese(), b.payoutCount, b.total,
                b.preparedBy, b.preparedAt, b.releasedBy(), b.releasedAt(), b.sentAt(), b.completedAt(),
                repository.countsByStatus(b.id), full ? repository.ofBatch(b.id).stream().map(p -> view(p, false)).toList() : null,
                full ? repository.batchSteps(b.id) : null, b.status() == BatchStatus.PREPARED ? repository.heldIn(b.id) : 0);
    }

    private PayoutView view(PayoutRepository.Row p, boolean steps) {
        return new PayoutView(p.reference(), p.source(), p.payeeName(), p.bankName(), p.accountMasked(), p.amount(), p.status(),
                p.status().chinese(), p.reasonCode(), p.reason(), p.batchId(), p.reissueOf(), p.reissuedBy(), p.requestedAt(),
                p.settledOn(), steps ? repository.steps(p.id(), p.batchId()) : null, p.hold().holding(), p.hold().reason(),
                p.hold().releasedBy(), p.hold().releasedAt(), PayoutKind.of(p.source()), PayoutKind.of(p.source()).chinese());
    }

    private static void requireFinance(CurrentUser user) {
        if (!user.holds(Right.PAYOUT_MANAGE)) throw new AccessDeniedException("only finance prepares, releases and re-issues payouts");
    }

    private static void requireReader(CurrentUser user) {
        if (!user.holds(Right.PAYOUT_READ)) throw new AccessDeniedException("payouts are for finance and administrators");
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        sends.shutdownNow();
    }
}
