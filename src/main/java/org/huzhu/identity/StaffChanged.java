package org.huzhu.identity;

/**
 * An account was created, or its roles, its place in the tree or its enabled state changed: who works at which
 * office may be different now. Published in the changing transaction.
 */
public record StaffChanged(long accountId) {
}
