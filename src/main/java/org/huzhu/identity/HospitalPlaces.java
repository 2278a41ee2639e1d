package org.huzhu.identity;

import org.huzhu.shared.scope.CurrentUser;

/**
 * Where a hospital desk account sits: the partner hospital it is bound to, as the hospitals module answers (it
 * implements this, so that identity does not depend on it). {@link #visible} is a 404 for a hospital outside the
 * caller's scope.
 */
public interface HospitalPlaces {

    /** A partner hospital as an account is bound to it: its union office and whether the partnership is active. */
    record Place(long id, long officeId, String officePath, boolean active) {
    }

    Place visible(long hospitalId, CurrentUser caller);
}
