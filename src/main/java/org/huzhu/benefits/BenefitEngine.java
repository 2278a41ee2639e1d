package org.huzhu.benefits;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.benefits.BenefitResult.Reason;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueProperties;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The benefits module's front door: what each coverage pays for one incident. Pure — the answer
 * depends only on the request and the terms loaded at start; nothing is stored.
 */
@Service
public class BenefitEngine {

    private final BenefitTerms terms;

    @Autowired
    BenefitEngine(Catalogue catalogue, CatalogueProperties properties) throws IOException {
        this(BenefitTerms.compile(catalogue.versions(), catalogue::activeOn, BenefitScheduleLoader.load(properties.dir())));
    }

    BenefitEngine(BenefitTerms terms) {
        this.terms = terms;
    }

    /**
     * An engine over the given catalogue versions and the benefit rules shipped on the class path,
     * for tools and tests that run without the application context. {@code activeOn} picks the
     * version in force for a coverage starting on a day (as {@link Catalogue#activeOn} does).
     */
    public static BenefitEngine of(List<CatalogueVersion> versions, Function<LocalDate, CatalogueVersion> activeOn) {
        try {
            return new BenefitEngine(BenefitTerms.compile(versions, activeOn, BenefitScheduleLoader.load(null)));
        } catch (IOException e) {
            throw new IllegalStateException("Benefit rules cannot be read", e);
        }
    }

    /**
     * One benefit per coverage, in request order, and their total.
     *
     * @throws InvalidInputException when the request breaks a rule of form (answered 400, fields named)
     */
    public BenefitResult calculate(BenefitRequest request) {
        Claim claim = BenefitRequestCheck.check(request, terms);
        Benefit[] benefits = new Benefit[claim.covers.length];
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < benefits.length; i++) {
            benefits[i] = judge(claim, claim.covers[i]);
            total = total.add(benefits[i].amount().amount());
        }
        return new BenefitResult(new Money(total), Arrays.asList(benefits));
    }

    /**
     * The named ICD-10 lists of the catalogue version in force for a coverage starting on {@code day}
     * that contain the diagnosis (matched by its ICD-10 prefix, as claims are judged), in file order;
     * empty when none does or the code cannot be read.
     */
    public List<DiagnosisListName> listsContaining(String diagnosisCode, LocalDate day) {
        int slot = IcdCode.slot(diagnosisCode);
        if (slot == IcdCode.INVALID) return List.of();
        List<DiagnosisListName> found = new ArrayList<>(2);
        for (DiagnosisList list : terms.listsFrom(day)) {
            if (list.contains(slot)) found.add(new DiagnosisListName(list.code(), list.name()));
        }
        return found;
    }

    private static Benefit judge(Claim claim, Cover cover) {
        ItemTerms item = cover.item();
        for (EligibilityPolicy gate : item.gates) {
            Reason rejected = gate.check(claim, cover);
            if (rejected != null) return ItemOutcome.rejected(cover, List.of(rejected));
        }
        List<Reason> rejections = null;
        for (EligibilityPolicy check : item.checks) {
            Reason rejected = check.check(claim, cover);
            if (rejected != null) {
                if (rejections == null) rejections = new ArrayList<>(2);
                rejections.add(rejected);
            }
        }
        if (rejections != null) return ItemOutcome.rejected(cover, rejections);
        ItemOutcome outcome = new ItemOutcome();
        for (ComponentRule rule : item.rules) rule.apply(claim, cover, outcome);
        if (outcome.nothingClaimed() && !outcome.hasReasons()) {
            outcome.reason(ReasonCode.NOT_APPLICABLE, "本次" + claim.kind.chinese() + "未申报身故、伤残、医疗费用或住院，"
                    + item.name() + "没有可给付的项目");
        }
        return outcome.benefit(cover);
    }
}
