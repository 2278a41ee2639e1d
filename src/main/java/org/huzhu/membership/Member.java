package org.huzhu.membership;

import java.time.Instant;
import java.time.LocalDate;
import org.huzhu.shared.Gender;

/**
 * A registered worker as stored: personal numbers only in masked form; the cipher stays in the database.
 * {@code leftUnitOn}: the day they left {@code unitId} (离职), null while they work there; {@code diedOn}: the
 * day of death (身故), null while alive. {@link #status()} sums both up.
 */
public record Member(long id, String name, String maskedIdNumber, Gender gender, LocalDate birthDate, String maskedPhone,
                     EmploymentForm employmentForm, Instant realNameVerifiedAt, String bankName,
                     String maskedBankAccount, Long unitId, String orgPath, LocalDate leftUnitOn, LocalDate diedOn) {

    public MemberStatus status() {
        if (diedOn != null) return MemberStatus.DECEASED;
        return leftUnitOn != null ? MemberStatus.LEFT_UNIT : MemberStatus.ACTIVE;
    }

    /** Whether the member counts among {@code unit}'s current workers: theirs, not left, alive. */
    public boolean currentMemberOf(long unit) {
        return unitId != null && unitId == unit && status() == MemberStatus.ACTIVE;
    }
}
