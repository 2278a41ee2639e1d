package org.huzhu.claims;

import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Organisations;
import org.huzhu.support.ApiTest;
import org.huzhu.support.ClaimOffices;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The office tests' fixtures ({@link ClaimOffices}): fresh offices, their staff, workers under them and their claims. */
abstract class OfficeFixtures extends ApiTest {

    @Autowired
    Organisations organisations;
    @Autowired
    private Accounts accounts;

    ClaimOffices offices;

    @BeforeEach
    void fixtures() {
        offices = new ClaimOffices(this, organisations, accounts);
    }
}
