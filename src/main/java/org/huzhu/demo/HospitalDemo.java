package org.huzhu.demo;

import java.util.List;
import org.huzhu.hospitals.Hospital;
import org.huzhu.hospitals.Hospitals;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.stereotype.Component;

/**
 * The demo's two partner hospitals (工会+医院) and their discharge desks' accounts: 武汉市第一医院 with 武汉市总工会
 * (demo-hospital) and 荆门市第二人民医院 with 荆门市总工会 (demo-hospital2). Seeded once, also into demo data made
 * before there were partner hospitals.
 */
@Component
class HospitalDemo {

    private record Partner(String code, String name, String address, String office, String username) {
    }

    private static final List<Partner> PARTNERS = List.of(
            new Partner("WHSDYYY", "武汉市第一医院", "武汉市硚口区中山大道215号", "武汉市总工会", "demo-hospital"),
            new Partner("JMSDERMYY", "荆门市第二人民医院", "荆门市东宝区象山一路39号", "荆门市总工会", "demo-hospital2"));

    private final Hospitals hospitals;
    private final Organisations organisations;
    private final Accounts accounts;

    HospitalDemo(Hospitals hospitals, Organisations organisations, Accounts accounts) {
        this.hospitals = hospitals;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    void seed(CurrentUser admin) {
        List<OrgNode> tree = organisations.visibleTree(admin);
        for (Partner p : PARTNERS) {
            OrgNode office = tree.stream().filter(n -> n.name().equals(p.office())).findFirst().orElse(null);
            if (office == null) continue;
            Hospital hospital = hospitals.active(p.code()).orElseGet(() -> hospitals.register(
                    new Hospitals.NewHospital(p.code(), p.name(), "GRADE_3A", p.address(), office.id()), admin));
            if (accounts.exists(p.username())) continue;
            accounts.create(new Accounts.NewAccount(p.username(), p.username(), "演示出院服务台（" + p.name() + "）", Role.HOSPITAL,
                    office.id(), null, null, office.path(), true, false, null, hospital.id()));
        }
    }
}
