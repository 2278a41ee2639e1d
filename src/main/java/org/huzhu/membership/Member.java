package org.huzhu.membership;

import java.time.Instant;
import java.time.LocalDate;
import org.huzhu.shared.Gender;

/** A registered worker as stored: personal numbers only in masked form; the cipher stays in the database. */
public record Member(long id, String name, String maskedIdNumber, Gender gender, LocalDate birthDate, String maskedPhone,
                     EmploymentForm employmentForm, Instant realNameVerifiedAt, String bankName,
                     String maskedBankAccount, Long unitId, String orgPath) {
}
