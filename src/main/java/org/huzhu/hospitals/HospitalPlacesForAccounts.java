package org.huzhu.hospitals;

import org.huzhu.identity.HospitalPlaces;
import org.huzhu.shared.scope.CurrentUser;
import org.springframework.stereotype.Component;

/** Tells identity where a hospital desk account sits: the partner hospital, within the caller's scope. */
@Component
class HospitalPlacesForAccounts implements HospitalPlaces {

    private final Hospitals hospitals;

    HospitalPlacesForAccounts(Hospitals hospitals) {
        this.hospitals = hospitals;
    }

    @Override
    public Place visible(long hospitalId, CurrentUser caller) {
        Hospital h = hospitals.visible(hospitalId, caller);
        return new Place(h.id(), h.officeId(), h.officePath(), h.active());
    }
}
