package org.huzhu.shared.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the running request changed or revealed, for the operation log (操作日志). A service calls
 * {@link #changed} for each field it changes (personal data already masked by the caller: never a
 * full ID number, account, phone or password) and {@link #revealed} when it serves unmasked personal
 * data, a claim document or an export; the operation log writes them with the request's caller,
 * address, time and action once the request has ended. Outside a web request both do nothing.
 */
public final class Audit {

    /** One field of one record, before and after (null for a record created or removed). */
    public record Change(String record, String recordId, String field, String before, String after) {
    }

    /** Something shown or handed out that the log must name: what, and of which record. */
    public record Revealed(String what, String record, String recordId) {
    }

    private static final String CHANGES = Audit.class.getName() + ".changes";
    private static final String REVEALED = Audit.class.getName() + ".revealed";

    private Audit() {
    }

    public static void changed(String record, Object recordId, String field, Object before, Object after) {
        if (Objects.equals(before, after)) return;
        add(CHANGES, new Change(record, text(recordId), field, text(before), text(after)));
    }

    public static void revealed(String what, String record, Object recordId) {
        add(REVEALED, new Revealed(what, record, text(recordId)));
    }

    public static List<Change> changes(RequestAttributes request) {
        return list(request, CHANGES);
    }

    public static List<Revealed> revealed(RequestAttributes request) {
        return list(request, REVEALED);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(RequestAttributes request, String name) {
        Object list = request == null ? null : request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        return list == null ? List.of() : List.copyOf((List<T>) list);
    }

    @SuppressWarnings("unchecked")
    private static <T> void add(String name, T item) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) return;
        List<T> list = (List<T>) request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (list == null) {
            list = new ArrayList<>();
            request.setAttribute(name, list, RequestAttributes.SCOPE_REQUEST);
        }
        list.add(item);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
