package org.huzhu.organisation;

/**
 * An employer unit (单位) under a union office of any level (省直、市直 or under a county).
 * {@code path} is its node's path plus {@code u<id>/}. A closed unit takes no new enrolments.
 * {@code contactPhone} is masked; the full number is kept encrypted.
 */
public record Unit(long id, String name, String creditCode, Ownership ownership, int headcount,
                   long organisationId, String fundingPolicy, String path, String contactName, String contactPhone,
                   boolean closed) {
}
