package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * The claims on a member's cover that keep it from being cancelled: paid, or still being handled (filed and not
 * rejected or withdrawn), for an incident inside the cover's period. Implemented by the claims module (which knows
 * membership, not the other way round).
 */
public interface ClaimsOnCover {

    /** Each such claim as the worker's office would name it, e.g. {@code 申领 #42（审核中）}; empty when there is none. */
    List<String> blocking(long memberId, LocalDate from, LocalDate to);
}
