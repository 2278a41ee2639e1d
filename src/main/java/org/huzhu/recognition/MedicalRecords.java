package org.huzhu.recognition;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a discharge summary (出院小结) or a diagnosis certificate (诊断证明书) once
 * {@link MedicalRecordKinds} says a page is one: the patient block's labelled values (姓名, 科室,
 * 入院日期, 出院日期, 就诊日期), the hospital from its letterhead, the date the certificate was
 * issued, and the diagnoses under 出院诊断 (or 诊断, 临床诊断, 诊断结果), numbered 1. 2. … or one
 * line. Dates in any of the usual forms become {@code yyyy-MM-dd}; an impossible date, or admission
 * after discharge, is dropped with a warning. A field not found is absent, never guessed.
 */
final class MedicalRecords {

    /** Labels a value stops at when several stand on one line. */
    private static final Pattern LABEL = Pattern.compile(
            "(患者姓名|病人姓名|姓名|性别|年龄|科室|科别|就诊科室|床号|住院号|病案号|门诊号|ID号|入院日期|入院时间|出院日期|出院时间"
                    + "|住院天数|就诊日期|就诊时间|身份证号|职业|开具日期|出具日期)");
    private static final List<String> DIAGNOSIS_LABELS = List.of("出院诊断", "诊断结果", "临床诊断", "诊断意见", "疾病诊断", "诊断");
    private static final List<String> SECTIONS = List.of("出院医嘱", "诊疗经过", "入院情况", "出院情况", "治疗经过", "医嘱", "建议",
            "处理意见", "医师", "医生", "签名", "签字", "入院诊断", "特此证明");
    private static final Pattern NUMBERED = Pattern.compile("^(?:(\\d{1,2})[.、)]|[(（](\\d{1,2})[)）])");
    private static final Pattern ONLY_A_DATE = Pattern.compile("^(?:日期:?)?\\d{4}[年\\-./]\\d{1,2}[月\\-./]\\d{1,2}日?$");
    private static final Pattern HOSPITAL = Pattern.compile("^(.*?(?:医院|卫生院|保健院|医疗中心|卫生服务中心))");
    private static final List<String> TITLES = List.of("出院小结", "出院记录", "疾病诊断证明书", "疾病诊断证明", "诊断证明书", "诊断证明", "疾病证明书");

    /**
     * Below this OCR confidence a letterhead's name is dropped: large or red letterheads come back from photos as other
     * characters before a well-read 医院 (名科代医院 at 0.56), while well-read ones score 0.9.
     */
    static final double LETTERHEAD_TRUST = 0.7;

    private final List<TextLine> lines;
    private final TextSource source;
    private final boolean exact;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, Double> confidence = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private MedicalRecords(List<TextLine> lines, TextSource source) {
        this.lines = lines;
        this.source = source;
        this.exact = source != TextSource.OCR;
    }

    /** The record on the first page that is one, or empty when no page is (a receipt, or nothing known). */
    static Optional<Recognition> read(List<PageText> pages, TextSource source) {
        for (PageText page : pages) {
            List<TextLine> lines = TextLine.of(page);
            Optional<DocumentKind> kind = MedicalRecordKinds.of(lines);
            if (kind.isPresent()) return Optional.of(new MedicalRecords(lines, source).read(kind.get()));
        }
        return Optional.empty();
    }

    private Recognition read(DocumentKind kind) {
        name("patientName", "患者姓名", "病人姓名", "姓名");
        hospital();
        name("department", "就诊科室", "科室", "科别");
        date("admissionDate", "入院日期", "入院时间");
        date("dischargeDate", "出院日期", "出院时间");
        date("visitDate", "就诊日期", "就诊时间");
        date("issueDate", "开具日期", "出具日期");
        if (kind == DocumentKind.DIAGNOSIS_CERTIFICATE && !fields.containsKey("issueDate")) dateAlone();
        stayInOrder();
        diagnoses();
        return new Recognition(kind, source, fields, confidence, warnings, List.of());
    }

    /** The text right of the first of these labels, up to the next label or a wide gap. */
    private void labelled(String field, String... labels) {
        for (String label : labels) {
            for (TextLine line : lines) {
                int at = labelAt(line.text(), label);
                if (at < 0) continue;
                int from = at + label.length();
                while (from < line.length() && PageReading.isColon(line.text().charAt(from))) from++;
                int to = from;
                while (to < line.length() && (to == from || !line.gapBefore(to)) && !labelStartsAt(line.text(), to)) to++;
                String value = line.text().substring(from, to);
                if (FieldText.name(value).isEmpty()) continue;
                put(field, value, line.confidence(from, to));
                return;
            }
        }
    }

    private void name(String field, String... labels) {
        labelled(field, labels);
        fields.computeIfPresent(field, (f, read) -> FieldText.name(read));
    }

    /** Where a label stands on a line as a label (not inside a longer one: 姓名 in 患者姓名 is that label's). */
    private static int labelAt(String text, String label) {
        Matcher m = LABEL.matcher(text);
        while (m.find()) if (m.group().equals(label)) return m.start();
        return -1;
    }

    private static boolean labelStartsAt(String text, int at) {
        Matcher m = LABEL.matcher(text);
        return m.find(at) && m.start() == at;
    }

    private void date(String field, String... labels) {
        labelled(field, labels);
        String read = fields.remove(field);
        if (read == null) return;
        double sure = confidence.remove(field);
        List<String> dates = FieldText.dates(read);
        if (!dates.isEmpty() && real(dates.getFirst())) put(field, dates.getFirst(), sure);
        else warnings.add("「" + labels[0] + "」不是有效日期，已舍弃");
    }

    /** A certificate's date of issue: a line holding only a date, the lowest on the page. */
    private void dateAlone() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            TextLine line = lines.get(i);
            if (!ONLY_A_DATE.matcher(line.text()).matches()) continue;
            List<String> dates = FieldText.dates(line.text());
            if (dates.size() == 1 && real(dates.getFirst())) put("issueDate", dates.getFirst(), line.confidence(0, line.length()));
            return;
        }
    }

    private void stayInOrder() {
        String admission = fields.get("admissionDate");
        String discharge = fields.get("dischargeDate");
        if (admission == null || discharge == null || admission.compareTo(discharge) <= 0) return;
        for (String f : List.of("admissionDate", "dischargeDate")) {
            fields.remove(f);
            confidence.remove(f);
        }
        warnings.add("入院日期晚于出院日期，两个日期均已舍弃");
    }

    /** The letterhead: the name before the title on its line, else the nearest line above the title that names a hospital. */
    private void hospital() {
        int title = -1;
        for (int i = 0; i < lines.size() && title < 0; i++) if (titleAt(lines.get(i).text()) >= 0) title = i;
        for (int i = title < 0 ? 0 : title; i >= 0; i--) {
            TextLine line = lines.get(i);
            int end = i == title ? titleAt(line.text()) : line.length();
            Matcher m = HOSPITAL.matcher(line.text().substring(0, end));
            if (m.find() && m.group(1).length() >= 4 && !LABEL.matcher(m.group(1)).find()) {
                double sure = line.confidence(0, m.end(1));
                if (!exact && sure < LETTERHEAD_TRUST) warnings.add("医院名称识别不清，已舍弃");
                else put("hospital", FieldText.name(m.group(1)), sure);
                return;
            }
        }
    }

    private static int titleAt(String text) {
        for (String title : TITLES) {
            int at = text.indexOf(title);
            if (at >= 0) return at;
        }
        return -1;
    }

    /** The diagnoses under the first diagnosis label found at a line's start: the main one and the list. */
    private void diagnoses() {
        for (String label : DIAGNOSIS_LABELS) {
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).text();
                if (!text.startsWith(label) || titleAt(text) >= 0) continue;
                String rest = text.substring(label.length());
                if (!rest.isEmpty() && !PageReading.isColon(rest.charAt(0))) continue;
                rest = rest.replaceFirst("^[:;]+", "");
                List<String> found = new ArrayList<>();
                double sure = 1;
                if (!rest.isEmpty()) found.addAll(items(rest));
                for (int k = i + 1; k < lines.size(); k++) {
                    String next = lines.get(k).text();
                    boolean numbered = NUMBERED.matcher(next).find();
                    if (SECTIONS.stream().anyMatch(next::startsWith) || labelStartsAt(next, 0)) break;
                    if (!numbered && !found.isEmpty()) break;
                    found.addAll(items(next));
                    sure = Math.min(sure, lines.get(k).confidence(0, next.length()));
                    if (!numbered) break;
                }
                found.removeIf(String::isEmpty);
                if (found.isEmpty()) continue;
                put("diagnosis", found.getFirst(), sure);
                put("diagnoses", String.join("\n", found), sure);
                return;
            }
        }
        warnings.add("没有读出诊断");
    }

    /**
     * One line's diagnoses. Several numbered ones may share it (1.高血压2.2型糖尿病): the line is cut
     * where the next number in sequence stands, so a diagnosis that starts with a digit stays whole.
     */
    private static List<String> items(String text) {
        Matcher first = NUMBERED.matcher(text);
        if (!first.find()) return List.of(clean(text));
        int number = Integer.parseInt(first.group(1) != null ? first.group(1) : first.group(2));
        List<String> items = new ArrayList<>();
        int from = first.end();
        while (true) {
            Matcher next = Pattern.compile("(?<!\\d)(?:" + (number + 1) + "[.、)]|[(（]" + (number + 1) + "[)）])").matcher(text);
            if (!next.find(from)) break;
            items.add(clean(text.substring(from, next.start())));
            from = next.end();
            number++;
        }
        items.add(clean(text.substring(from)));
        return items;
    }

    private static String clean(String item) {
        return item.replaceAll("^[\\s:;,.，。；、]+|[\\s,.，。；、]+$", "");
    }

    private void put(String field, String value, double sure) {
        fields.put(field, value);
        confidence.put(field, exact ? 1.0 : Math.round(sure * 100) / 100.0);
    }

    private static boolean real(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
