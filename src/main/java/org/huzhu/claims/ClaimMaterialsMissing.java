package org.huzhu.claims;

import java.time.LocalDate;
import java.util.List;

/**
 * A claim lacks materials: the member is asked for {@code materials} (their Chinese names, each
 * requirement once: "出院小结或诊断证明书") by {@code deadline}. Published when a claim is judged
 * without all the documents its paying items need, and — by {@code requestedBy}, a reviewer — whenever
 * more are asked for (退回补件). Each distinct request is its own notice; the unit's operators ({@code unitId}, null for
 * a worker without a unit) are told too.
 */
public record ClaimMaterialsMissing(long claimId, long memberId, String reference, List<String> materials, LocalDate deadline,
                                    String requestedBy, Long unitId) {

    public ClaimMaterialsMissing {
        materials = List.copyOf(materials);
    }
}
