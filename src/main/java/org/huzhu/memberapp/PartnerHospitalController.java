package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huzhu.hospitals.Hospitals;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner hospital a worker came from: its 申领提示牌's QR code opens {@code /m/#claim?hospital=CODE}, and the
 * claim form shows the hospital's name before the worker files (an unknown or former partner: 404, and the form
 * goes on without it).
 */
@RestController
@Tag(name = "掌上办")
class PartnerHospitalController {

    private final Hospitals hospitals;

    PartnerHospitalController(Hospitals hospitals) {
        this.hospitals = hospitals;
    }

    record PartnerHospital(String code, String name) {
    }

    @Requires(Right.OWN_CLAIM)
    @GetMapping("/api/v1/m/hospitals/{code}")
    @Operation(summary = "扫码来自的合作医院（申领提示牌二维码带的医院编码）")
    PartnerHospital hospital(@PathVariable String code) {
        return hospitals.active(code).map(h -> new PartnerHospital(h.code(), h.name()))
                .orElseThrow(() -> new NotFoundException("未找到该合作医院"));
    }
}
