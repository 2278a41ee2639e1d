/**
 * The operation log (操作日志): every change made through the API or the console, every refused
 * attempt at one, and every view of unmasked personal data, claim document or export, with who,
 * when, from where, what and which record, and the fields changed before and after as the services
 * reported them ({@link org.huzhu.shared.audit.Audit}). Append-only in its own schema; searched and
 * exported by the administrator and, for their own part of the tree, union staff.
 */
package org.huzhu.audit;
