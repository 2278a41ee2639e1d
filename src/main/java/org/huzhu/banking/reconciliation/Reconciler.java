package org.huzhu.banking.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.huzhu.banking.statement.StatementLine;
import org.huzhu.shared.Money;

/**
 * The comparison of one day, as a pure function: the bank's lines of the day, our books' movements
 * of the day (plus movements of other days that the day's lines stand for) and the ledger's 1002
 * net movement of the day in, every difference out.
 * <ol>
 *   <li>A line that a movement names (a payment matched from it, a declared payment it confirmed)
 *       is accounted for by that movement; their amounts must agree, and a movement booked on
 *       another day is listed as a timing difference (未达账项).</li>
 *   <li>Lines and movements that name nothing of each other are matched by reference (a payout's
 *       end-to-end id) and amount.</li>
 *   <li>What is left is listed: on the statement but not in our books, or in our books (a
 *       declared payment the bank has not shown yet) but not on the statement. Receipts waiting
 *       in 2241 for finance to assign them are listed too.</li>
 *   <li>The day's totals — statement, books, ledger 1002 — must agree.</li>
 * </ol>
 */
final class Reconciler {

    private Reconciler() {
    }

    record Difference(DifferenceKind kind, String reference, Long statementLineId, Money statementAmount, Money booksAmount,
                      String message) {
    }

    record Result(int lines, Money statementTotal, Money booksTotal, Money ledgerTotal, List<Difference> differences) {
    }

    /**
     * @param movements  our books' movements valued on {@code day}, and those of other days confirmed by its lines
     * @param lineDate   the value date of a statement line of another day (for messages)
     */
    static Result compare(LocalDate day, List<StatementLine> lines, List<BankMovement> movements, Money ledgerTotal,
                          Function<Long, Optional<LocalDate>> lineDate) {
        List<Difference> out = new ArrayList<>();
        Map<Long, StatementLine> byId = new LinkedHashMap<>();
        lines.forEach(l -> byId.put(l.id(), l));
        Map<Long, Money> linkedAmount = new HashMap<>();
        Map<Long, List<BankMovement>> linkedMovements = new HashMap<>();
        List<BankMovement> unlinkedMovements = new ArrayList<>();

        for (BankMovement m : movements) {
            boolean today = m.valueDate().equals(day);
            for (BankMovement.Confirmation c : m.confirmedBy()) {
                if (byId.containsKey(c.statementLineId())) {
                    linkedAmount.merge(c.statementLineId(), c.amount(), Money::plus);
                    linkedMovements.computeIfAbsent(c.statementLineId(), k -> new ArrayList<>()).add(m);
                } else if (today) {
                    String seen = lineDate.apply(c.statementLineId()).map(d -> "银行于 " + d + " 入账").orElse("银行于其他日期入账");
                    out.add(new Difference(DifferenceKind.DATE_DIFFERS, m.reference(), c.statementLineId(), c.amount(), c.amount(),
                            "账面于 " + day + " 记" + what(m) + "，" + seen + "（流水 #" + c.statementLineId() + "，" + c.amount() + " 元）"));
                }
            }
            if (!today) continue;
            if (m.confirmedBy().isEmpty()) {
                unlinkedMovements.add(m);
            } else {
                Money open = abs(m.amount()).minus(m.confirmedAmount());
                if (open.isPositive()) {
                    out.add(new Difference(DifferenceKind.IN_BOOKS_NOT_ON_STATEMENT, m.reference(), null, null, signed(open, m.amount()),
                            "账面记" + what(m) + "，其中 " + open + " 元尚未见银行流水"));
                }
            }
            if (BankMovement.UNMATCHED_RECEIPT.equals(m.kind())) {
                Long lineId = m.confirmedBy().isEmpty() ? null : m.confirmedBy().getFirst().statementLineId();
                out.add(new Difference(DifferenceKind.UNASSIGNED_RECEIPT, m.reference(), lineId, m.amount(), m.amount(),
                        "收款 " + m.amount() + " 元未能对应缴费单，已记入待清分收款（2241），请财务认领"
                                + (m.description() == null ? "" : "：" + m.description())));
            }
        }

        List<StatementLine> unlinkedLines = new ArrayList<>();
        for (StatementLine l : lines) {
            Money linked = linkedAmount.get(l.id());
            if (linked == null) {
                unlinkedLines.add(l);
                continue;
            }
            if (linked.compareTo(l.amount()) != 0) {
                out.add(new Difference(DifferenceKind.AMOUNT_DIFFERS, reference(l), l.id(), l.signedAmount(), signed(linked, l.signedAmount()),
                        "银行流水 " + describe(l) + " 金额 " + l.amount() + " 元，账面对应 " + linked + " 元"));
            }
            for (BankMovement m : linkedMovements.get(l.id())) {
                if (!m.valueDate().equals(day)) {
                    out.add(new Difference(DifferenceKind.DATE_DIFFERS, m.reference(), l.id(), l.signedAmount(), m.amount(),
                            "银行于 " + day + " 入账 " + describe(l) + "，账面已于 " + m.valueDate() + " 记" + what(m)));
                }
            }
        }

        matchByReference(unlinkedLines, unlinkedMovements, out);
        for (StatementLine l : unlinkedLines) {
            out.add(new Difference(DifferenceKind.ON_STATEMENT_NOT_IN_BOOKS, reference(l), l.id(), l.signedAmount(), null,
                    "银行流水 " + describe(l) + (l.credit() ? " 收入 " : " 支出 ") + l.amount() + " 元，账面没有对应记录"));
        }
        for (BankMovement m : unlinkedMovements) {
            out.add(new Difference(DifferenceKind.IN_BOOKS_NOT_ON_STATEMENT, m.reference(), null, null, m.amount(),
                    "账面记" + what(m) + "，当日银行流水中没有"));
        }

        Money statementTotal = lines.stream().map(StatementLine::signedAmount).reduce(Money.ZERO, Money::plus);
        Money booksTotal = movements.stream().filter(m -> m.valueDate().equals(day)).map(BankMovement::amount).reduce(Money.ZERO, Money::plus);
        if (statementTotal.compareTo(ledgerTotal) != 0) {
            out.add(new Difference(DifferenceKind.DAY_TOTAL_DIFFERS, null, null, statementTotal, ledgerTotal,
                    "当日银行流水净额 " + statementTotal + " 元，总账银行存款（1002）当日净发生额 " + ledgerTotal + " 元，相差 "
                            + statementTotal.minus(ledgerTotal) + " 元"));
        }
        if (booksTotal.compareTo(ledgerTotal) != 0) {
            out.add(new Difference(DifferenceKind.DAY_TOTAL_DIFFERS, null, null, null, booksTotal,
                    "各业务账面当日合计 " + booksTotal + " 元，与总账银行存款（1002）当日净发生额 " + ledgerTotal + " 元不符，相差 "
                            + booksTotal.minus(ledgerTotal) + " 元：有未经业务模块登记的银行存款记账"));
        }
        out.sort(Comparator.comparing(Difference::kind).thenComparing(d -> d.statementLineId() == null ? Long.MAX_VALUE : d.statementLineId()));
        return new Result(lines.size(), statementTotal, booksTotal, ledgerTotal, List.copyOf(out));
    }

    /** Pairs lines and movements that name the same reference, same direction: equal amounts match, others differ. */
    private static void matchByReference(List<StatementLine> lines, List<BankMovement> movements, List<Difference> out) {
        for (boolean exact : new boolean[]{true, false}) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                StatementLine l = it.next();
                BankMovement found = null;
                for (BankMovement m : movements) {
                    if (m.reference() == null || m.amount().isPositive() != l.credit() || !names(l, m.reference())) continue;
                    if (!exact || abs(m.amount()).compareTo(l.amount()) == 0) {
                        found = m;
                        break;
                    }
                }
                if (found == null) continue;
                movements.remove(found);
                it.remove();
                if (!exact) {
                    out.add(new Difference(DifferenceKind.AMOUNT_DIFFERS, found.reference(), l.id(), l.signedAmount(), found.amount(),
                            "银行流水 " + describe(l) + " 金额 " + l.amount() + " 元，账面" + what(found)));
                }
            }
        }
    }

    static boolean names(StatementLine l, String reference) {
        if (reference.equals(l.endToEndId()) || reference.equals(l.bankReference())) return true;
        String text = l.remittance();
        return text != null && Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(reference) + "(?![A-Za-z0-9])").matcher(text).find();
    }

    private static String reference(StatementLine l) {
        if (l.matchedReference() != null) return l.matchedReference();
        return l.endToEndId() != null ? l.endToEndId() : l.bankReference();
    }

    private static String describe(StatementLine l) {
        StringBuilder s = new StringBuilder("#").append(l.id());
        if (l.bankReference() != null) s.append("（流水号 ").append(l.bankReference()).append("）");
        return s.toString();
    }

    private static String what(BankMovement m) {
        return (m.reference() == null ? "" : " " + m.reference()) + (m.amount().isNegative() ? " 支出 " : " 收入 ")
                + abs(m.amount()) + " 元" + (m.description() == null ? "" : "（" + m.description() + "）");
    }

    private static Money abs(Money m) {
        return m.isNegative() ? Money.ZERO.minus(m) : m;
    }

    private static Money signed(Money magnitude, Money like) {
        return like.isNegative() ? Money.ZERO.minus(magnitude) : magnitude;
    }
}
