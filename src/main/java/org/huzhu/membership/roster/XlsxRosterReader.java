package org.huzhu.membership.roster;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams the first sheet of an XLSX workbook with fastexcel-reader. The header is the first
 * non-empty row. Numbers come out as typed (no exponent, no ".0"), date cells as ISO dates.
 */
final class XlsxRosterReader extends LookAheadRosterReader {

    static final String CORRUPT = "Excel 文件已损坏，无法读取：请重新保存为 .xlsx 或 CSV 后再上传";

    /** A plain number in the 缴费日期 column within this range is taken as an Excel date serial. */
    static final double MIN_DATE_SERIAL = 20_000;
    static final double MAX_DATE_SERIAL = 80_000;

    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final boolean date1904;
    private final Map<String, Boolean> dateFormats = new HashMap<>();

    private int[] slotToCol;
    private final String[] values = new String[RosterColumns.COUNT];
    private long lastRowNumber;

    private XlsxRosterReader(ReadableWorkbook workbook, Stream<Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        this.date1904 = workbook.isDate1904();
    }

    static XlsxRosterReader open(Path file) {
        ReadableWorkbook workbook = openWorkbook(file);
        XlsxRosterReader reader = null;
        try {
            Sheet sheet = workbook.getSheets().findFirst()
                    .orElseThrow(() -> new RosterFileException("Excel 文件中没有工作表"));
            reader = new XlsxRosterReader(workbook, sheet.openStream());
            reader.readHeader();
            return reader;
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                reader.close();
            } else {
                closeQuietly(workbook);
            }
            throw e instanceof RosterFileException rfe ? rfe : new RosterFileException(CORRUPT, e);
        }
    }

    private static ReadableWorkbook openWorkbook(Path file) {
        try {
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
        } catch (IOException | RuntimeException withFormats) {
            // a workbook without styles.xml cannot be opened with cell formats: try without them
            try {
                return new ReadableWorkbook(file.toFile(), new ReadingOptions(false, true));
            } catch (IOException | RuntimeException e) {
                e.addSuppressed(withFormats);
                throw new RosterFileException(CORRUPT, e);
            }
        }
    }

    private void readHeader() {
        while (true) {
            Row row = nextRawRow();
            if (row == null) {
                throw new RosterFileException("文件中没有内容：未找到表头行");
            }
            List<String> header = new ArrayList<>(row.getCellCount());
            boolean any = false;
            for (int col = 0; col < row.getCellCount(); col++) {
                String text = text(row.getCell(col), RosterColumns.UNMAPPED);
                any |= text != null;
                header.add(text);
            }
            if (any) {
                slotToCol = RosterColumns.slotToColumn(RosterColumns.mapHeader(header));
                return;
            }
        }
    }

    private Row nextRawRow() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            lastRowNumber = row.getRowNum();
            return row;
        } catch (RosterFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RosterFileException("Excel 文件内容已损坏（第 " + (lastRowNumber + 1) + " 行附近），无法继续读取", e);
        }
    }

    @Override
    protected RosterRow readRow() {
        Row row;
        while ((row = nextRawRow()) != null) {
            int cellCount = row.getCellCount();
            boolean any = false;
            for (int slot = 0; slot < RosterColumns.COUNT; slot++) {
                int col = slotToCol[slot];
                String value = col < cellCount ? text(row.getCell(col), slot) : null;
                values[slot] = value;
                any |= value != null;
            }
            if (any || hasOtherContent(row)) {
                return RosterColumns.toRow(row.getRowNum(), values);
            }
        }
        return null;
    }

    /** Whether a row whose roster columns are all empty still has something in another column. */
    private boolean hasOtherContent(Row row) {
        for (int col = 0; col < row.getCellCount(); col++) {
            if (text(row.getCell(col), RosterColumns.UNMAPPED) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void release() {
        try {
            stream.close();
        } catch (RuntimeException ignored) {
            // closing a read-only file: nothing to report
        } finally {
            closeQuietly(workbook);
        }
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a read-only file: nothing to report
        }
    }

    // ---------------------------------------------------------------- cell decoding

    /** The text of a cell for roster column {@code slot} ({@link RosterColumns#UNMAPPED} for others). */
    private String text(Cell cell, int slot) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getType();
        switch (type) {
            case EMPTY:
                return null;
            case STRING:
                return CellText.clean(cell.getRawValue());
            case NUMBER:
                return number(cell, (BigDecimal) cell.getValue(), slot);
            case BOOLEAN:
                Object b = cell.getValue();
                return b == null ? null : (Boolean.TRUE.equals(b) ? "TRUE" : "FALSE");
            case FORMULA:
                Object v = cell.getValue();
                if (v instanceof BigDecimal d) {
                    return number(cell, d, slot);
                }
                return CellText.clean(v == null ? null : v.toString());
            case ERROR:
            default:
                return CellText.clean(cell.getRawValue());
        }
    }

    private String number(Cell cell, BigDecimal value, int slot) {
        if (value == null) {
            return null;
        }
        if (isDateFormatted(cell)
                || (slot == RosterColumns.PAID_ON && value.signum() > 0
                && value.doubleValue() >= MIN_DATE_SERIAL && value.doubleValue() < MAX_DATE_SERIAL)) {
            String date = excelDate(value.doubleValue(), date1904);
            if (date != null) {
                return date;
            }
        }
        return plainNumber(value);
    }

    /** Digits as typed: no exponent, no trailing ".0". */
    static String plainNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return stripped.toPlainString();
    }

    /** ISO date of an Excel date serial (the 1900 system with its phantom 1900-02-29, or 1904), or null. */
    static String excelDate(double serial, boolean date1904) {
        if (!(serial >= 0) || serial > 2_958_465) { // 9999-12-31
            return null;
        }
        long days = (long) Math.floor(serial);
        LocalDate date;
        if (date1904) {
            date = EPOCH_1904.plusDays(days);
        } else if (days >= 61) {
            date = EPOCH_1900.plusDays(days);
        } else if (days >= 1 && days < 60) {
            date = EPOCH_1900.plusDays(days + 1);
        } else {
            return null; // 0 and Excel's non-existent 1900-02-29
        }
        return date.toString();
    }

    private boolean isDateFormatted(Cell cell) {
        String format = cell.getDataFormatString();
        if (format == null) {
            Integer formatId = cell.getDataFormatId();
            return formatId != null && isBuiltInDateFormat(formatId);
        }
        Boolean known = dateFormats.get(format);
        if (known == null) {
            Integer formatId = cell.getDataFormatId();
            known = (formatId != null && isBuiltInDateFormat(formatId)) || isDateFormat(format);
            dateFormats.put(format, known);
        }
        return known;
    }

    /** Excel's built-in number formats that show dates (incl. the East Asian ones, 27–36 and 50–58). */
    static boolean isBuiltInDateFormat(int id) {
        return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
    }

    /** Whether a number format code shows a date (y, d or month), ignoring quoted and bracketed parts. */
    static boolean isDateFormat(String format) {
        boolean quoted = false;
        boolean bracket = false;
        boolean sawMonthOrMinute = false;
        boolean sawTime = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
                continue;
            }
            if (bracket) {
                bracket = c != ']';
                if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
                    sawTime = true; // elapsed time: [h], [ss]
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '[' -> bracket = true;
                case '\\', '_', '*' -> i++; // escaped / padding character
                case ';' -> {
                    return false; // only the first (positive) section matters
                }
                case 'y', 'Y', 'd', 'D' -> {
                    return true;
                }
                case 'm', 'M' -> sawMonthOrMinute = true;
                case 'h', 'H', 's', 'S' -> sawTime = true;
                default -> {
                }
            }
        }
        return sawMonthOrMinute && !sawTime;
    }
}
