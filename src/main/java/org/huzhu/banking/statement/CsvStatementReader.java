package org.huzhu.banking.statement;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.huzhu.shared.Money;

/**
 * Reads the plain CSV statement export (docs/contributions.md): a header row, then one movement a
 * row with columns 交易日期, 金额 (credit positive, debit negative, at most two decimals), 对方户名,
 * 对方账号, 摘要/附言 and 银行流水号 (English headers date, amount, counterpartyName,
 * counterpartyAccount, remittance, bankReference also accepted, in any order). UTF-8 (with or
 * without BOM) or GBK, detected. Every problem names its line.
 */
final class CsvStatementReader {

    enum Column { DATE, AMOUNT, NAME, ACCOUNT, REMITTANCE, REFERENCE }

    private static final Map<String, Column> HEADERS = Map.ofEntries(
            Map.entry("交易日期", Column.DATE), Map.entry("日期", Column.DATE), Map.entry("记账日期", Column.DATE),
            Map.entry("date", Column.DATE),
            Map.entry("金额", Column.AMOUNT), Map.entry("交易金额", Column.AMOUNT), Map.entry("amount", Column.AMOUNT),
            Map.entry("对方户名", Column.NAME), Map.entry("对方名称", Column.NAME), Map.entry("counterpartyname", Column.NAME),
            Map.entry("对方账号", Column.ACCOUNT), Map.entry("counterpartyaccount", Column.ACCOUNT),
            Map.entry("摘要/附言", Column.REMITTANCE), Map.entry("摘要", Column.REMITTANCE), Map.entry("附言", Column.REMITTANCE),
            Map.entry("用途", Column.REMITTANCE), Map.entry("remittance", Column.REMITTANCE),
            Map.entry("银行流水号", Column.REFERENCE), Map.entry("流水号", Column.REFERENCE), Map.entry("交易流水号", Column.REFERENCE),
            Map.entry("bankreference", Column.REFERENCE));
    private static final Pattern AMOUNT = Pattern.compile("[+-]?\\d{1,13}(\\.\\d{1,2})?");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));

    private CsvStatementReader() {
    }

    static ParsedStatement read(byte[] content) {
        String text = decode(content);
        List<Record> records = records(text);
        int first = 0;
        while (first < records.size() && records.get(first).blank()) first++;
        if (first == records.size()) throw new StatementFileException("文件为空：没有表头和流水行");
        Record header = records.get(first);
        Map<Column, List<Integer>> columns = header(header);
        List<ParsedStatement.Line> lines = new ArrayList<>();
        for (int r = first + 1; r < records.size(); r++) {
            Record record = records.get(r);
            if (record.blank()) continue;
            if (record.cells().size() != header.cells().size()) {
                throw new StatementFileException("第 " + record.line() + " 行：有 " + record.cells().size() + " 列，表头有 "
                        + header.cells().size() + " 列");
            }
            lines.add(line(record, columns));
        }
        if (lines.isEmpty()) throw new StatementFileException("文件中没有流水行（只有表头）");
        return new ParsedStatement("CSV", null, lines);
    }

    private static ParsedStatement.Line line(Record record, Map<Column, List<Integer>> columns) {
        String at = "第 " + record.line() + " 行";
        String date = cell(record, columns, Column.DATE);
        String amount = cell(record, columns, Column.AMOUNT);
        String reference = cell(record, columns, Column.REFERENCE);
        LocalDate valueDate = date(date, at);
        if (amount.isEmpty()) throw new StatementFileException(at + "：缺少金额");
        String plain = amount.replace("+", "");
        if (!AMOUNT.matcher(amount).matches()) {
            throw new StatementFileException(at + "：金额格式不正确：" + amount + "（应为数字，最多两位小数，收入为正、支出为负，不带千位分隔符）");
        }
        Money signed = Money.of(plain);
        if (signed.isZero()) throw new StatementFileException(at + "：金额不能为 0");
        if (reference.isEmpty()) throw new StatementFileException(at + "：缺少银行流水号");
        boolean credit = signed.isPositive();
        return new ParsedStatement.Line(at, null, valueDate, valueDate, credit, credit ? signed : Money.ZERO.minus(signed), "CNY",
                blankToNull(cell(record, columns, Column.NAME)), blankToNull(cell(record, columns, Column.ACCOUNT)),
                blankToNull(cell(record, columns, Column.REMITTANCE)), null, reference);
    }

    private static LocalDate date(String raw, String at) {
        if (raw.isEmpty()) throw new StatementFileException(at + "：缺少交易日期");
        String day = raw.length() > 10 && (raw.charAt(10) == ' ' || raw.charAt(10) == 'T') ? raw.substring(0, 10) : raw;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(day, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        throw new StatementFileException(at + "：交易日期格式不正确或日期不存在：" + raw + "（应为 yyyy-MM-dd）");
    }

    private static Map<Column, List<Integer>> header(Record header) {
        Map<Column, List<Integer>> columns = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip();
            Column column = HEADERS.get(name.toLowerCase(Locale.ROOT));
            if (column == null && !name.isEmpty()) unknown.add(name);
            if (column != null) columns.computeIfAbsent(column, c -> new ArrayList<>()).add(i);
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(Column.DATE)) missing.add("交易日期");
        if (!columns.containsKey(Column.AMOUNT)) missing.add("金额");
        if (!columns.containsKey(Column.REFERENCE)) missing.add("银行流水号");
        if (!missing.isEmpty()) {
            throw new StatementFileException("第 " + header.line() + " 行（表头）缺少列：" + String.join("、", missing)
                    + "。应有列：交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号"
                    + (unknown.isEmpty() ? "" : "；无法识别的列：" + String.join("、", unknown)));
        }
        for (Column c : List.of(Column.DATE, Column.AMOUNT, Column.REFERENCE, Column.NAME, Column.ACCOUNT)) {
            if (columns.getOrDefault(c, List.of()).size() > 1) {
                throw new StatementFileException("第 " + header.line() + " 行（表头）：列重复：" + header.cells().get(columns.get(c).get(1)).strip());
            }
        }
        return columns;
    }

    /** The cell of a column, stripped; columns that may appear twice (摘要 and 附言) are joined. */
    private static String cell(Record record, Map<Column, List<Integer>> columns, Column column) {
        List<Integer> at = columns.get(column);
        if (at == null) return "";
        StringBuilder text = new StringBuilder();
        for (int i : at) {
            String value = record.cells().get(i).strip();
            if (value.isEmpty()) continue;
            if (!text.isEmpty()) text.append(' ');
            text.append(value);
        }
        return text.toString();
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GBK; neither is refused. */
    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.duplicate()).toString();
            } catch (CharacterCodingException e) {
                // try the next encoding
            }
        }
        throw new StatementFileException("文件编码无法识别：请上传 UTF-8 或 GBK 编码的 CSV 文件");
    }

    /** One CSV record and the physical line it starts on. */
    record Record(int line, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** RFC 4180: commas, quoted cells with "" for a quote and line breaks inside quotes; CR LF or LF. */
    static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!cell.toString().isBlank() || wasQuoted) {
                        throw new StatementFileException("第 " + line + " 行：引号位置不正确（引号只能包住整个单元格）");
                    }
                    cell.setLength(0);
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                }
                case '\r' -> {
                    // part of CR LF; a lone CR is ignored
                }
                case '\n' -> {
                    cells.add(cell.toString());
                    records.add(new Record(recordLine, List.copyOf(cells)));
                    cells.clear();
                    cell.setLength(0);
                    wasQuoted = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (wasQuoted && !Character.isWhitespace(c)) {
                        throw new StatementFileException("第 " + line + " 行：引号后有多余的字符");
                    }
                    cell.append(c);
                }
            }
        }
        if (quoted) throw new StatementFileException("第 " + quoteLine + " 行：引号没有闭合");
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
