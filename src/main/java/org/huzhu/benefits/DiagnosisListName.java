package org.huzhu.benefits;

/**
 * A named ICD-10 list of the benefit rules (e.g. {@code CRITICAL_SEVERE}, 重大疾病（重症）) that a
 * diagnosis belongs to, for telling a worker which lump-sum items their diagnosis may open.
 */
public record DiagnosisListName(String code, String name) {
}
