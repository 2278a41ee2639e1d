package org.huzhu.banking.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.banking.statement.StatementLine;
import org.huzhu.banking.statement.Statements;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reconciliation front door: run the comparison of one value date ({@link Reconciler}) and
 * keep it, or read the latest run of a date. Runs daily on its own ({@link ReconciliationSchedule})
 * and whenever finance asks. It only reads and records: nothing is marked settled by it.
 */
@Service
public class Reconciliation {

    private final Statements statements;
    private final List<BankBook> books;
    private final ReconciliationRepository repository;
    private final Clock clock;

    Reconciliation(Statements statements, List<BankBook> books, ReconciliationRepository repository, Clock clock) {
        this.statements = statements;
        this.books = books;
        this.repository = repository;
        this.clock = clock;
    }

    public record DifferenceView(String kind, String kindName, String reference, Long statementLineId, Money statementAmount,
                                 Money booksAmount, String message) {
    }

    public record RunView(long id, LocalDate date, int statementLines, Money statementTotal, Money booksTotal, Money ledgerTotal,
                          boolean clean, int differenceCount, List<DifferenceView> differences, String runBy, OffsetDateTime runAt) {
    }

    @Transactional
    public RunView run(LocalDate day, CurrentUser user) {
        requireFinance(user);
        if (day == null) throw InvalidInputException.of("date", "缺少对账日期");
        if (day.isAfter(LocalDate.now(clock))) throw InvalidInputException.of("date", "对账日期不能晚于今天");
        return run(day, user.username());
    }

    @Transactional
    public RunView run(LocalDate day, String by) {
        List<StatementLine> lines = statements.valuedOn(day);
        List<Long> lineIds = lines.stream().map(StatementLine::id).toList();
        List<BankMovement> movements = new ArrayList<>();
        for (BankBook book : books) {
            movements.addAll(book.movementsOn(day));
            if (!lineIds.isEmpty()) book.confirmedBy(lineIds).stream().filter(m -> !m.valueDate().equals(day)).forEach(movements::add);
        }
        Reconciler.Result result = Reconciler.compare(day, lines, movements, repository.ledgerBankMovement(day),
                id -> statements.line(id).map(StatementLine::valueDate));
        long id = repository.store(day, result, by);
        return view(repository.latest(day).filter(r -> r.id() == id).orElseThrow(), result.differences());
    }

    public RunView latest(LocalDate day, CurrentUser user) {
        requireFinance(user);
        var run = repository.latest(day).orElseThrow(() -> new NotFoundException(day + " 尚未对账"));
        return view(run, repository.differences(run.id()));
    }

    public List<RunView> recent(CurrentUser user) {
        requireFinance(user);
        return repository.recent(30).stream().map(r -> view(r, List.of())).toList();
    }

    private static RunView view(ReconciliationRepository.Run run, List<Reconciler.Difference> differences) {
        return new RunView(run.id(), run.valueDate(), run.statementLines(), run.statementTotal(), run.booksTotal(), run.ledgerTotal(),
                run.differences() == 0, run.differences(), differences.stream().map(d -> new DifferenceView(d.kind().name(),
                        d.kind().chinese(), d.reference(), d.statementLineId(), d.statementAmount(), d.booksAmount(), d.message())).toList(),
                run.runBy(), run.runAt());
    }

    private static void requireFinance(CurrentUser user) {
        if (!user.holds(Right.RECONCILIATION)) throw new AccessDeniedException("finance only");
    }
}
