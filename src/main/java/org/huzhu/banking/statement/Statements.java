package org.huzhu.banking.statement;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.NotFoundException;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.shared.web.UploadTooLargeException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statement front door: import a statement file (camt.053 or CSV) — read and checked whole
 * first, then stored and offered to the {@link StatementLineHandler}s in one transaction, so a bad
 * file writes nothing — and read statement lines. Only finance and the scheme administrator
 * import statements and see them: they are the fund's account, not any office's.
 */
@Service
public class Statements {

    static final int MAX_BYTES = 50 * 1024 * 1024;

    private final StatementRepository repository;
    private final List<StatementLineHandler> handlers;
    private final PersonalDataCipher cipher;

    Statements(StatementRepository repository, List<StatementLineHandler> handlers, PersonalDataCipher cipher) {
        this.repository = repository;
        this.handlers = handlers;
        this.cipher = cipher;
    }

    /** What one line became during an import. */
    public record LineResult(long lineId, String position, String bankReference, LocalDate valueDate, boolean credit, Money amount,
                             String status, String statusName, String matchedReference, String note) {
    }

    /** The answer to an import: how many lines, how many new, and what became of them. */
    public record ImportSummary(long statementId, String format, int lines, int newLines, int duplicates, int credits, int debits,
                                int matched, int partial, int overpaid, int confirmed, int unmatched, int unhandled,
                                List<LineResult> results) {
    }

    @Transactional
    public ImportSummary importFile(String fileName, byte[] content, CurrentUser user) {
        requireFinance(user);
        return importStatement(fileName, content, user.username());
    }

    /**
     * Imports a statement the bank sent over the bank connection (a camt.053 message the bank
     * adapter received), exactly as if finance had uploaded it; importing it again adds nothing.
     */
    @Transactional
    public ImportSummary importFromBank(String messageName, byte[] content) {
        return importStatement(messageName, content, "银企直连");
    }

    private ImportSummary importStatement(String fileName, byte[] content, String by) {
        if (content == null || content.length == 0) throw new UnreadableUploadException("文件为空");
        if (content.length > MAX_BYTES) throw new UploadTooLargeException("对账单文件不能超过 50 MB");
        ParsedStatement parsed;
        try {
            parsed = Camt053Reader.looksLikeXml(content) ? Camt053Reader.read(content) : CsvStatementReader.read(content);
        } catch (StatementFileException e) {
            throw new UnreadableUploadException(e.getMessage());
        }
        long statementId = repository.createStatement(parsed.format(), fileName, sha256(content), parsed.messageId(),
                parsed.lines().size(), by);
        Map<String, Integer> seen = new HashMap<>();
        List<LineResult> results = new ArrayList<>();
        int duplicates = 0;
        int credits = 0;
        int debits = 0;
        Map<LineStatus, Integer> counts = new java.util.EnumMap<>(LineStatus.class);
        for (ParsedStatement.Line parsedLine : parsed.lines()) {
            Optional<Long> id = repository.insertLine(statementId, key(parsedLine, seen, cipher), parsedLine);
            if (id.isEmpty()) {
                duplicates++;
                continue;
            }
            StatementLine line = repository.line(id.get()).orElseThrow();
            if (line.credit()) credits++;
            else debits++;
            LineOutcome outcome = offer(line, by);
            if (outcome != null) repository.record(line.id(), outcome);
            LineStatus status = outcome != null ? outcome.status() : line.status();
            counts.merge(status, 1, Integer::sum);
            results.add(new LineResult(line.id(), parsedLine.position(), line.bankReference(), line.valueDate(), line.credit(),
                    line.amount(), status.name(), status.chinese(), outcome == null ? null : outcome.matchedReference(),
                    outcome == null ? null : outcome.note()));
        }
        int newLines = parsed.lines().size() - duplicates;
        repository.counted(statementId, newLines, duplicates);
        return new ImportSummary(statementId, parsed.format(), parsed.lines().size(), newLines, duplicates, credits, debits,
                counts.getOrDefault(LineStatus.MATCHED, 0) + counts.getOrDefault(LineStatus.OVERPAID, 0)
                        + counts.getOrDefault(LineStatus.CONFIRMED, 0),
                counts.getOrDefault(LineStatus.PARTIAL, 0), counts.getOrDefault(LineStatus.OVERPAID, 0),
                counts.getOrDefault(LineStatus.CONFIRMED, 0), counts.getOrDefault(LineStatus.UNMATCHED, 0),
                counts.getOrDefault(LineStatus.NEW, 0), results.size() > 1000 ? results.subList(0, 1000) : results);
    }

    private LineOutcome offer(StatementLine line, String by) {
        for (StatementLineHandler handler : handlers) {
            Optional<LineOutcome> outcome = handler.handle(line, by);
            if (outcome.isPresent()) return outcome.get();
        }
        return null;
    }

    /** The line, for finance and the administrator; 404 otherwise. */
    public StatementLine visibleLine(long id, CurrentUser user) {
        requireFinance(user);
        return repository.line(id).orElseThrow(() -> new NotFoundException("银行流水不存在"));
    }

    /** The line, locked until the caller's transaction ends (assigning an unmatched line to a bill). */
    public Optional<StatementLine> lockLine(long id) {
        return repository.lockLine(id);
    }

    public Optional<StatementLine> line(long id) {
        return repository.line(id);
    }

    /** Records what a module did with a line after the import (finance assigned an unmatched line). */
    @Transactional
    public void record(long lineId, LineOutcome outcome) {
        repository.record(lineId, outcome);
    }

    /** Every line with the given value date: what the bank says moved on the account that day. */
    public List<StatementLine> valuedOn(LocalDate day) {
        return repository.valuedOn(day);
    }

    public List<StatementLine> lines(CurrentUser user, LineStatus status, LocalDate from, LocalDate to, int limit, int offset) {
        requireFinance(user);
        return repository.find(status, from, to, Math.min(Math.max(limit, 1), 1000), Math.max(offset, 0));
    }

    public List<StatementLine> linesOf(long statementId, CurrentUser user) {
        requireFinance(user);
        return repository.ofStatement(statementId);
    }

    List<StatementRepository.Imported> recent(CurrentUser user) {
        requireFinance(user);
        return repository.recent(50);
    }

    static void requireFinance(CurrentUser user) {
        if (!user.holds(Right.BANK_STATEMENT)) throw new AccessDeniedException("finance only");
    }

    /**
     * A line's identity: the bank's reference; without one (optional in camt.053), a keyed digest of
     * what the line says and how many identical lines came before it in the same file.
     */
    static String key(ParsedStatement.Line l, Map<String, Integer> seen, PersonalDataCipher cipher) {
        if (l.bankReference() != null && !l.bankReference().isBlank()) return "R:" + l.bankReference().strip();
        String digest = digest(cipher, l.account(), l.valueDate(), l.credit(), l.amount(), l.counterpartyAccount(), l.remittance(),
                l.endToEndId());
        int occurrence = seen.merge(digest, 1, Integer::sum);
        return "K:" + digest + "#" + occurrence;
    }

    /** Keyed (HMAC), because what it digests names the counterparty's account, which a plain digest would let anyone guess back. */
    static String digest(PersonalDataCipher cipher, String account, LocalDate valueDate, boolean credit, Money amount,
                         String counterpartyAccount, String remittance, String endToEndId) {
        String content = String.join("|", String.valueOf(account), String.valueOf(valueDate), String.valueOf(credit),
                amount.toString(), String.valueOf(counterpartyAccount), String.valueOf(remittance), String.valueOf(endToEndId));
        return HexFormat.of().formatHex(cipher.hash(content));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
