package org.huzhu.recognition;

import java.util.List;
import java.util.Optional;

/**
 * Whether a page is a discharge summary or a diagnosis certificate rather than a receipt, from
 * clues: its title in any ink (出院小结, 出院记录, 诊断证明书, 疾病诊断证明), or, the title unread
 * (OCR often loses a red letterhead), labels that only such a record prints (出院诊断 with 出院医嘱 or
 * 诊疗经过; 兹证明 with 诊断; 就诊日期 with 诊断 and 建议). The first row that fits decides. A page
 * with a receipt's title (票据, 结算单) is never one. Each clue is one row, so the rows can join the
 * recognition module's table of document-type clues.
 */
final class MedicalRecordKinds {

    /** One clue: every one of {@code words} on the page (title lines or labels) says {@code kind}. */
    record Clue(DocumentKind kind, List<String> words) {
    }

    static final List<Clue> CLUES = List.of(
            new Clue(DocumentKind.DISCHARGE_SUMMARY, List.of("出院小结")),
            new Clue(DocumentKind.DISCHARGE_SUMMARY, List.of("出院记录")),
            new Clue(DocumentKind.DIAGNOSIS_CERTIFICATE, List.of("诊断证明")),
            new Clue(DocumentKind.DIAGNOSIS_CERTIFICATE, List.of("疾病证明")),
            new Clue(DocumentKind.DISCHARGE_SUMMARY, List.of("出院诊断", "出院医嘱")),
            new Clue(DocumentKind.DISCHARGE_SUMMARY, List.of("出院诊断", "诊疗经过")),
            new Clue(DocumentKind.DIAGNOSIS_CERTIFICATE, List.of("兹证明", "诊断")),
            new Clue(DocumentKind.DIAGNOSIS_CERTIFICATE, List.of("就诊日期", "诊断", "建议")),
            new Clue(DocumentKind.DIAGNOSIS_CERTIFICATE, List.of("就诊时间", "诊断", "建议")));

    private static final List<String> RECEIPT_WORDS = List.of("收费票据", "结算单", "票据代码", "票据号码");

    private MedicalRecordKinds() {
    }

    /** The kind the first matching clue gives, or empty (a receipt, or nothing known). */
    static Optional<DocumentKind> of(List<TextLine> lines) {
        StringBuilder all = new StringBuilder();
        for (TextLine line : lines) all.append(line.text()).append('\n');
        String page = all.toString();
        if (RECEIPT_WORDS.stream().anyMatch(page::contains)) return Optional.empty();
        return CLUES.stream().filter(c -> c.words().stream().allMatch(page::contains)).map(Clue::kind).findFirst();
    }
}
