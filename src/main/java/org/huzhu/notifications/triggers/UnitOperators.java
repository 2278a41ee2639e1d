package org.huzhu.notifications.triggers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.identity.Accounts;
import org.huzhu.notifications.Notice;
import org.huzhu.notifications.Recipient;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.springframework.stereotype.Component;

/** Notices for a unit: one to each of its enabled operator accounts, the unit's name filled in. */
@Component
class UnitOperators {

    private final Accounts accounts;
    private final Organisations organisations;

    UnitOperators(Accounts accounts, Organisations organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    List<Notice> notices(Long unitId, String template, Map<String, String> values, String eventKey) {
        if (unitId == null) return List.of();
        Map<String, String> named = new HashMap<>(values);
        named.put("unitName", organisations.unit(unitId).map(Unit::name).orElse("贵单位"));
        return accounts.unitOperators(unitId).stream()
                .map(c -> new Notice(template, Recipient.account(c.accountId()), named, eventKey)).toList();
    }
}
