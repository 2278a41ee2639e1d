package org.huzhu.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;

/**
 * 导出Excel of one of the console's lists: the list's own filters and data scope, its rows read from
 * the database and written into the response as they come ({@link SpreadsheetExport}), in the
 * request's thread, so that a million rows never sit in memory. Personal data is masked unless the
 * caller holds {@link Right#EXPORT_UNMASKED} and asks {@code unmasked=true} (without the right: 403). Every export is
 * written in the operation log with the list, its filters and the rows it held, an unmasked one as such.
 */
public final class ListExport {

    /** A column: its Chinese header and width in characters. */
    public record Column(String header, double width) {
    }

    private final String title;
    private final Map<String, String> filters;
    private final boolean unmasked;

    private ListExport(String title, Map<String, String> filters, boolean unmasked) {
        this.title = title;
        this.filters = filters;
        this.unmasked = unmasked;
    }

    /**
     * The export of list {@code title} with the filters as the caller gave them (name, value; blank ones left out;
     * personal data among them already masked by the caller), unmasked only for a holder of the right.
     */
    public static ListExport of(String title, boolean unmasked, CurrentUser user, Object... filters) {
        if (unmasked && !user.holds(Right.EXPORT_UNMASKED)) {
            throw new AccessDeniedException("an unmasked export needs " + Right.EXPORT_UNMASKED);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < filters.length; i += 2) {
            Object value = filters[i + 1];
            if (value != null && !value.toString().isBlank()) given.put(filters[i].toString(), value.toString().strip());
        }
        return new ListExport(title, given, unmasked);
    }

    public boolean unmasked() {
        return unmasked;
    }

    /** Writes the workbook ({@code title}.xlsx, one sheet) into the response, row by row as {@code rows} produces them. */
    public void send(HttpServletResponse response, List<Column> columns, Consumer<SpreadsheetExport> rows) throws IOException {
        response.setContentType(SpreadsheetExport.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(title + ".xlsx", StandardCharsets.UTF_8).build().toString());
        int written;
        try (SpreadsheetExport sheet = new SpreadsheetExport(response.getOutputStream(), title,
                columns.stream().map(Column::header).toList(), columns.stream().mapToDouble(Column::width).toArray())) {
            try {
                rows.accept(sheet);
            } catch (RuntimeException | Error e) {
                sheet.abandon();
                throw e;
            }
            written = sheet.rows();
        }
        Audit.revealed((unmasked ? "导出未脱敏Excel：" : "导出Excel：") + title, "export", describe() + "；共" + written + "行");
    }

    private String describe() {
        return filters.isEmpty() ? "全部" : filters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("，"));
    }

    /** A date as yyyy-MM-dd, empty when there is none. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** An amount as text with two decimals, empty when there is none. */
    public static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Empty for null. */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
