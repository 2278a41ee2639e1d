package org.huzhu.organisation;

/** An employer unit (单位) under a county union. {@code path} is its county's path plus {@code u<id>/}. */
public record Unit(long id, String name, String creditCode, Ownership ownership, int headcount,
                   long organisationId, String fundingPolicy, String path) {
}
