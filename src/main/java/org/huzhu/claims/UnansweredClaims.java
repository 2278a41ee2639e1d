package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims nobody answers are closed as withdrawn, never rejected (issue 19, items 1 and 4): a claim sent back for
 * materials once its request is past due ({@code huzhu.claims.materials-due-days}, default 60), and a draft left
 * untouched for {@code huzhu.claims.draft-due-days} (default 60). Their receipts are freed for another claim and the
 * worker is told. Each claim in its own transaction; runs every night on China time, on one instance.
 */
@Service
public class UnansweredClaims {

    private final ClaimRepository claims;
    private final MaterialRequestRepository requests;
    private final DraftRepository drafts;
    private final ClaimNews news;
    private final ClaimsProperties settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    UnansweredClaims(ClaimRepository claims, MaterialRequestRepository requests, DraftRepository drafts, ClaimNews news,
                     ClaimsProperties settings, Clock clock, TransactionTemplate transactions) {
        this.claims = claims;
        this.requests = requests;
        this.drafts = drafts;
        this.news = news;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${huzhu.claims.lapse-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "claims-lapse-unanswered", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public void nightly() {
        lapse();
    }

    /** Closes every claim past its time; returns how many. */
    public int lapse() {
        LocalDate today = LocalDate.now(clock);
        int closed = 0;
        for (long id : requests.claimsPastDue(today, 10_000)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> lapseRequest(id, today)))) closed++;
        }
        Instant idleSince = Instant.now(clock).minus(settings.draftDueDays(), ChronoUnit.DAYS);
        for (long id : drafts.idleDrafts(idleSince, 10_000)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> lapseDraft(id, today)))) closed++;
        }
        return closed;
    }

    private boolean lapseRequest(long id, LocalDate today) {
        Claim claim = claims.find(id).orElse(null);
        MaterialRequestRepository.Request open = requests.open(id).orElse(null);
        if (claim == null || open == null || claim.status() != ClaimStatus.MATERIALS_REQUESTED || !open.dueOn().isBefore(today)) return false;
        Instant now = now();
        claim.lapse(now, today, "至" + open.dueOn() + "仍未补充材料，按撤回处理（不是拒付），票据可用于新的申请");
        if (!claims.update(claim)) return false;
        requests.lapsed(open.id(), now);
        drafts.freeReceipts(id);
        news.lapsed(claim, open.dueOn());
        return true;
    }

    private boolean lapseDraft(long id, LocalDate today) {
        Claim claim = claims.find(id).orElse(null);
        if (claim == null || claim.status() != ClaimStatus.DRAFT) return false;
        claim.lapse(now(), today, "草稿" + settings.draftDueDays() + "天未提交，自动撤回，票据可用于新的申请");
        if (!claims.update(claim)) return false;
        drafts.freeReceipts(id);
        news.lapsed(claim, today);
        return true;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
