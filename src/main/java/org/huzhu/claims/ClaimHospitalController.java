package org.huzhu.claims;

import io.swagger.v3.oas.annotations.Operation;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The partner hospital a claim came from, for the claim page (both null when it came from none). */
@RestController
class ClaimHospitalController {

    private final ClaimHospitals hospitals;

    ClaimHospitalController(ClaimHospitals hospitals) {
        this.hospitals = hospitals;
    }

    record HospitalOfClaim(String code, String name) {
    }

    @GetMapping("/api/v1/claims/{id}/hospital")
    @Requires(Right.CLAIM_READ)
    @Operation(summary = "申领来自的合作医院（职工扫描医院申领提示牌申领时）")
    HospitalOfClaim hospital(@PathVariable long id) {
        return hospitals.of(id, CurrentUser.get()).map(h -> new HospitalOfClaim(h.code(), h.name()))
                .orElse(new HospitalOfClaim(null, null));
    }
}
