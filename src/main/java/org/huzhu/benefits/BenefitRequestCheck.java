package org.huzhu.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.benefits.BenefitRequest.AlreadyPaid;
import org.huzhu.benefits.BenefitRequest.Coverage;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.Incident;
import org.huzhu.benefits.BenefitResult.Component;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.InvalidInputException;

/**
 * The rules of form of a calculation request (contract §1): every problem is named by its field path
 * ({@code coverages[0].shares}, {@code incident.hospitalStay.discharge}) and answered 400 together.
 * A request that passes becomes a {@link Claim} whose coverages are resolved against the catalogue
 * version in force on each coverage's {@code from} date.
 */
final class BenefitRequestCheck {

    private BenefitRequestCheck() {
    }

    static Claim check(BenefitRequest request, BenefitTerms terms) {
        if (request == null) throw InvalidInputException.of("body", "缺少请求体");
        Checks checks = new Checks();
        if (request.member() == null) checks.add("member", "缺少职工信息（member）");
        else checks.require("member.gender", request.member().gender(), "职工性别（M 或 F）");
        Incident incident = request.incident();
        Diagnoses diagnoses = incident(incident, checks);
        expenses(request.expenses(), checks);
        Cover[] covers = covers(request.coverages(), terms, checks);
        AlreadyPaidRows paid = alreadyPaid(request.alreadyPaid(), terms, checks);
        LocalDate submittedOn = request.submittedOn();
        checks.require("submittedOn", submittedOn, "申请日期");
        if (submittedOn != null && incident != null && incident.date() != null && submittedOn.isBefore(incident.date())) {
            checks.add("submittedOn", "申请日期" + submittedOn + "早于事故或确诊日期" + incident.date());
        }
        checks.throwIfInvalid();

        return new Claim(request.member().gender(), incident.kind(), incident.date(), incident.hospitalStay(), diagnoses.codes,
                diagnoses.slots, incident.died(), incident.disabilityGrade(), request.expenses(), submittedOn, covers,
                paid.items, paid.components, paid.amounts, paid.days);
    }

    /** The diagnoses as written (for messages) and as {@link IcdCode} slots (for matching). */
    private record Diagnoses(String[] codes, int[] slots) {

        static final Diagnoses NONE = new Diagnoses(new String[0], new int[0]);
    }

    private static Diagnoses incident(Incident incident, Checks checks) {
        if (incident == null) {
            checks.add("incident", "缺少事故信息（incident）");
            return Diagnoses.NONE;
        }
        checks.require("incident.kind", incident.kind(), "事故类型（ILLNESS 或 ACCIDENT）");
        checks.require("incident.date", incident.date(), "事故或确诊日期");
        Integer grade = incident.disabilityGrade();
        if (grade != null && (grade < 1 || grade > BenefitTerms.DISABILITY_GRADES)) {
            checks.add("incident.disabilityGrade", "伤残等级须在1至" + BenefitTerms.DISABILITY_GRADES + "级之间：" + grade);
        }
        stay(incident.hospitalStay(), checks);
        List<String> codes = incident.diagnoses();
        if (codes == null || codes.isEmpty()) return Diagnoses.NONE;
        Diagnoses diagnoses = new Diagnoses(new String[codes.size()], new int[codes.size()]);
        for (int i = 0; i < diagnoses.codes.length; i++) {
            String code = codes.get(i);
            diagnoses.codes[i] = code == null ? "" : code.strip();
            diagnoses.slots[i] = IcdCode.slot(code);
            if (diagnoses.slots[i] == IcdCode.INVALID) {
                checks.add(field("incident.diagnoses", i, ""), "诊断编码须为ICD-10编码（如 C50.9、G20.x00）：" + code);
            }
        }
        return diagnoses;
    }

    private static void stay(HospitalStay stay, Checks checks) {
        if (stay == null) return;
        checks.require("incident.hospitalStay.admission", stay.admission(), "入院日期");
        checks.require("incident.hospitalStay.discharge", stay.discharge(), "出院日期");
        if (stay.admission() != null && stay.discharge() != null && stay.discharge().isBefore(stay.admission())) {
            checks.add("incident.hospitalStay.discharge", "出院日期" + stay.discharge() + "早于入院日期" + stay.admission());
        }
    }

    private static void expenses(Expenses expenses, Checks checks) {
        if (expenses == null) return;
        boolean complete = money("expenses.total", expenses.total(), "医疗费用总额", checks)
                & money("expenses.fundPaid", expenses.fundPaid(), "医保统筹基金支付", checks)
                & money("expenses.selfPaid", expenses.selfPaid(), "个人自付", checks)
                & money("expenses.selfFunded", expenses.selfFunded(), "个人自费", checks);
        if (complete) {
            BigDecimal parts = expenses.selfPaid().amount().add(expenses.selfFunded().amount()).add(expenses.fundPaid().amount());
            if (parts.compareTo(expenses.total().amount()) > 0) {
                checks.add("expenses.total", "个人自付、个人自费与医保统筹基金支付之和" + parts.toPlainString() + "元超过医疗费用总额"
                        + expenses.total() + "元");
            }
        }
    }

    private static boolean money(String field, Money value, String label, Checks checks) {
        if (value == null) {
            checks.add(field, "缺少" + label);
            return false;
        }
        if (value.isNegative()) {
            checks.add(field, label + "不能为负数：" + value);
            return false;
        }
        return true;
    }

    private static Cover[] covers(List<Coverage> coverages, BenefitTerms terms, Checks checks) {
        if (coverages == null || coverages.isEmpty()) {
            checks.add("coverages", "至少提供一项保障（coverages）");
            return new Cover[0];
        }
        Cover[] covers = new Cover[coverages.size()];
        for (int i = 0; i < covers.length; i++) {
            Coverage c = coverages.get(i);
            if (c == null) {
                checks.add(field("coverages", i, ""), "保障不能为空");
                continue;
            }
            boolean hasItem = c.item() != null && !c.item().isBlank();
            if (!hasItem) checks.add(field("coverages", i, ".item"), "缺少保障项目");
            if (c.shares() == null) checks.add(field("coverages", i, ".shares"), "缺少份数");
            if (c.from() == null) checks.add(field("coverages", i, ".from"), "缺少保障起期");
            if (c.to() == null) checks.add(field("coverages", i, ".to"), "缺少保障止期");
            boolean ordered = c.from() == null || c.to() == null || !c.from().isAfter(c.to());
            if (!ordered) checks.add(field("coverages", i, ".to"), "保障止期" + c.to() + "早于起期" + c.from());
            if (!hasItem || c.from() == null) continue;
            Map<String, ItemTerms> items = terms.itemsFrom(c.from());
            if (items == null) {
                checks.add(field("coverages", i, ".from"), "起期" + c.from() + "适用的目录版本" + terms.versionCode(c.from()) + "没有给付规则");
                continue;
            }
            ItemTerms item = items.get(c.item().strip());
            if (item == null) {
                checks.add(field("coverages", i, ".item"), "保障项目不存在：" + c.item());
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (covers[j] != null && covers[j].item().code().equals(item.code())) {
                    checks.add(field("coverages", i, ".item"), "同一保障项目只能提供一个保障期：" + item.code());
                }
            }
            String plan = c.plan() == null || c.plan().isBlank() ? item.defaultPlan() : c.plan().strip();
            int planIndex = item.planIndex(plan);
            if (planIndex < 0) {
                checks.add(field("coverages", i, ".plan"), item.name() + "没有方案" + c.plan() + "（可选：" + item.planCodes() + "）");
                continue;
            }
            if (c.shares() != null && (c.shares() < 1 || c.shares() > item.maxShares())) {
                checks.add(field("coverages", i, ".shares"), item.name() + "份数须在1至" + item.maxShares() + "份之间：" + c.shares());
                continue;
            }
            if (c.shares() != null && c.to() != null && ordered) {
                covers[i] = new Cover(item, plan, planIndex, c.shares(), c.from(), c.to(), c.renewed());
            }
        }
        return covers;
    }

    /** {@code coverages[2].shares}: built only when there is a problem to name. */
    private static String field(String list, int index, String path) {
        return list + "[" + index + "]" + path;
    }

    private record AlreadyPaidRows(String[] items, Component[] components, BigDecimal[] amounts, int[] days) {
    }

    private static final AlreadyPaidRows NONE_PAID = new AlreadyPaidRows(new String[0], new Component[0], new BigDecimal[0], new int[0]);

    private static AlreadyPaidRows alreadyPaid(List<AlreadyPaid> entries, BenefitTerms terms, Checks checks) {
        if (entries == null || entries.isEmpty()) return NONE_PAID;
        int n = entries.size();
        AlreadyPaidRows rows = new AlreadyPaidRows(new String[n], new Component[n], new BigDecimal[n], new int[n]);
        for (int i = 0; i < n; i++) {
            AlreadyPaid p = entries.get(i);
            if (p == null) {
                checks.add(field("alreadyPaid", i, ""), "已给付记录不能为空");
                continue;
            }
            ItemTerms item = null;
            if (p.item() == null || p.item().isBlank()) checks.add(field("alreadyPaid", i, ".item"), "缺少保障项目");
            else if ((item = terms.anyItem(p.item().strip())) == null) checks.add(field("alreadyPaid", i, ".item"), "保障项目不存在：" + p.item());
            Component component = Component.parse(p.component());
            if (component == null) {
                checks.add(field("alreadyPaid", i, ".component"),
                        "给付项须为 MEDICAL、LUMP_SUM、DEATH_DISABILITY 或 ALLOWANCE：" + p.component());
            } else if (item != null && !item.pays(component)) {
                checks.add(field("alreadyPaid", i, ".component"), item.name() + "没有" + component.name() + "（" + component.chinese() + "）给付项");
            }
            if (p.amount() == null) checks.add(field("alreadyPaid", i, ".amount"), "缺少已给付金额");
            else if (p.amount().isNegative()) checks.add(field("alreadyPaid", i, ".amount"), "已给付金额不能为负数：" + p.amount());
            else rows.amounts[i] = p.amount().amount();
            if (p.days() != null && p.days() < 0) checks.add(field("alreadyPaid", i, ".days"), "已给付天数不能为负数：" + p.days());
            rows.items[i] = item == null ? null : item.code();
            rows.components[i] = component;
            rows.days[i] = p.days() == null ? 0 : p.days();
        }
        return rows;
    }
}
