/**
 * Members (workers) and their enrolments: who they are (real name, resident ID — encrypted,
 * masked, hashed for look-up), which items and shares they hold, from when to when, and who
 * paid the premium. Enrolment happens one by one or a whole roster at a time; either way the
 * same rules decide, and every enrolment is booked in the ledger.
 */
package org.huzhu.membership;
