package org.huzhu.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.claims.ClaimStatus;
import org.huzhu.claims.ClaimView;
import org.huzhu.claims.Claims;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.organisation.OrgNode;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payouts part of the demo: a few small claims of workers in each city, approved automatically
 * and handed to payment, then gathered into per-city batches by demo-finance (the maker) and left
 * PREPARED for demo-finance-checker to release. Two of the workers' accounts follow the simulated
 * bank's rules so the demo shows a failure (card ending 0004: 账户已销户) and a later bounce (0013).
 */
@Component
class PayoutDemo {

    private static final Logger log = LoggerFactory.getLogger(PayoutDemo.class);
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> DOCUMENTS = List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");
    private static final int PER_CITY = 3;

    private final Members members;
    private final Claims claims;
    private final Payouts payouts;
    private final Clock clock;

    PayoutDemo(Members members, Claims claims, Payouts payouts, Clock clock) {
        this.members = members;
        this.claims = claims;
        this.payouts = payouts;
        this.clock = clock;
    }

    /** Files and approves a few claims per city, then prepares their batches as {@code maker}. */
    void seed(List<OrgNode> cities, CurrentUser system, CurrentUser maker, DemoPeople people) {
        LocalDate today = LocalDate.now(clock);
        int receipt = 0;
        int special = 0;
        for (OrgNode city : cities) {
            int paid = 0;
            for (Member m : members.search(system, null, null, 5000, 0)) {
                if (paid >= PER_CITY) break;
                if (m.orgPath() == null || !m.orgPath().startsWith(city.path()) || m.bankName() != null) continue;
                String card = special == 0 ? "9558801234560004" : special == 1 ? "9558801234560013" : people.bankCard();
                try {
                    members.changeBankAccount(m.id(), new Members.BankAccountChange("中国工商银行" + city.name().replace("总工会", "") + "分行",
                            card), new CurrentUser(0, "worker-" + m.id(), Role.MEMBER, m.orgPath(), null, m.unitId(), m.id()));
                    ClaimView claim = claims.file(new Claims.NewClaim(m.id(), IncidentKind.ILLNESS, today.minusDays(12), List.of("K35.800"),
                            false, null, new HospitalStay(today.minusDays(12), today.minusDays(5)),
                            new Expenses(Money.of("2600.00"), Money.of("1400.00"), Money.of("1200.00"), Money.of("0.00")),
                            List.of(new Claims.ReceiptLine("42010126", String.format("%010d", 900_000 + (++receipt) + city.id() * 1000), true,
                                    Money.of("2600.00"))), null), system);
                    for (String kind : DOCUMENTS) claims.attach(claim.id(), kind, kind + ".pdf", PDF, system);
                    if (claims.submit(claim.id(), system).status() == ClaimStatus.PAYMENT_PENDING) {
                        paid++;
                        special++;
                    }
                } catch (RuntimeException e) {
                    log.debug("demo claim for member {} not filed: {}", m.id(), e.getMessage());
                }
            }
        }
        int batches = payouts.prepareBatches(maker).size();
        log.info("Demo payouts: {} claims handed to payment, {} batches prepared by {} for demo-finance-checker to release", special,
                batches, maker.username());
    }

}
