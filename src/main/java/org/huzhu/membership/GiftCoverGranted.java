package org.huzhu.membership;

import java.time.LocalDate;

/** The union gave a verified new-form worker free cover ({@link Enrolments#grantGiftCover}); published in its transaction. */
public record GiftCoverGranted(long enrolmentId, long memberId, String item, LocalDate coverFrom, LocalDate coverEnd) {
}
