package org.huzhu.claims;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.membership.Members;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.Pipeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Draws automatic approvals into the post-payment check queue (事后抽查): a share of them
 * ({@code huzhu.claims.audit-share}, 5 % by default), chosen by a keyed hash of the claim's id so that the draw is
 * fixed for a claim and nobody can tell in advance which ones, and every one whose risk score ({@link AuditRisk}) is
 * at least {@code huzhu.claims.audit-risk-from} (50 by default). The draw costs no query: a drawn claim adds one
 * statement to the decision's pipeline. Both settings can be changed while running ({@link #setShare}, {@link #setRiskFrom}).
 */
@Component
class AuditSampling {

    private static final BigInteger RANGE = BigInteger.ONE.shiftLeft(64);

    private final AuditRepository repository;
    private final PersonalDataCipher cipher;
    private final ClaimsProperties settings;
    private volatile BigDecimal share;
    private volatile int riskFrom;

    AuditSampling(AuditRepository repository, PersonalDataCipher cipher, ClaimsProperties settings,
                  @Value("${huzhu.claims.audit-share:0.05}") BigDecimal share, @Value("${huzhu.claims.audit-risk-from:50}") int riskFrom) {
        this.repository = repository;
        this.cipher = cipher;
        this.settings = settings;
        setShare(share);
        setRiskFrom(riskFrom);
    }

    BigDecimal share() {
        return share;
    }

    /** The share of automatic approvals drawn, from 0 (none by chance) to 1 (all). */
    void setShare(BigDecimal share) {
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("huzhu.claims.audit-share must be between 0 and 1: " + share);
        }
        this.share = share;
    }

    int riskFrom() {
        return riskFrom;
    }

    /** The risk score from which an automatic approval is always drawn (above 100: never by risk). */
    void setRiskFrom(int riskFrom) {
        if (riskFrom < 0) throw new IllegalArgumentException("huzhu.claims.audit-risk-from must not be negative: " + riskFrom);
        this.riskFrom = riskFrom;
    }

    /** A claim the decision has just approved automatically: drawn into the queue (a statement of its pipeline) or not. */
    void approvedAutomatically(Claim claim, ClaimJudge.Judgement judgement, Members.Claimant claimant,
                               List<DocumentReadings.Reading> readings, List<StoredBenefit> paidEarlier, LocalDate today, Pipeline writes) {
        AuditRisk risk = AuditRisk.of(new AuditRisk.Facts(claim.facts, claimant.member().name(), judgement.benefits(), claimant.coverages(),
                judgement.total(), settings.autoApproveBelow(), paidEarlier, readings));
        boolean byShare = drawnByShare(claim.id);
        if (!byShare && risk.score() < riskFrom) return;
        repository.draw(claim.id, claim.facts.orgPath(), today, byShare, risk, claim.approvedTotal(), writes);
    }

    /** Whether the claim falls in the share: the first 8 bytes of its keyed hash, read as a fraction of 2^64, below the share. */
    boolean drawnByShare(long claimId) {
        BigDecimal s = share;
        if (s.signum() == 0) return false;
        if (s.compareTo(BigDecimal.ONE) == 0) return true;
        byte[] hash = cipher.hash("claim-audit:" + claimId);
        BigInteger point = new BigInteger(1, java.util.Arrays.copyOf(hash, 8));
        return new BigDecimal(point).compareTo(s.multiply(new BigDecimal(RANGE))) < 0;
    }
}
