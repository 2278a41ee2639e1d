package org.huzhu.hospitals;

/**
 * A partner hospital: its code (on its poster and named by its desk as the FHIR provider; never changes), name,
 * grade, address, and the union office that partners with it ({@code officeId}, whose part of the tree is
 * {@code officePath}). An ended partnership is kept, inactive.
 */
public record Hospital(long id, String code, String name, HospitalGrade grade, String address, long officeId, String officePath,
                       boolean active) {
}
