package org.huzhu.claims;

import java.util.Optional;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner hospital a claim came from: the worker scanned its 申领提示牌 and filed in the member app with the
 * hospital filled in. Kept beside the claim (its code and its name at filing), written once, shown on the claim page.
 */
@Service
public class ClaimHospitals {

    private final Claims claims;
    private final JdbcClient jdbc;

    ClaimHospitals(Claims claims, JdbcClient jdbc) {
        this.claims = claims;
        this.jdbc = jdbc;
    }

    /** A hospital as the claim names it. */
    public record ClaimHospital(String code, String name) {
    }

    /** Records the hospital on a claim the caller sees (else 404); a claim that names one already keeps it. */
    @Transactional
    public void record(long claimId, ClaimHospital hospital, CurrentUser user) {
        visible(claimId, user);
        int changed = jdbc.sql("update claims.claim set hospital_code = ?, hospital_name = ? where id = ? and hospital_code is null")
                .params(hospital.code(), hospital.name(), claimId).update();
        if (changed > 0) Audit.changed("claim", claimId, "合作医院", null, hospital.code() + " " + hospital.name());
    }

    /** The hospital of a claim the caller sees (else 404); empty when the claim came from none. */
    public Optional<ClaimHospital> of(long claimId, CurrentUser user) {
        visible(claimId, user);
        return jdbc.sql("select hospital_code, hospital_name from claims.claim where id = ? and hospital_code is not null")
                .param(claimId).query((rs, n) -> new ClaimHospital(rs.getString(1), rs.getString(2))).optional();
    }

    private void visible(long claimId, CurrentUser user) {
        if (!Claims.visible(claims.load(claimId), user)) throw new NotFoundException("理赔申请不存在");
    }
}
