package org.huzhu.organisation;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.huzhu.shared.Masks;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering and editing units, with history. A unit hangs under an open union office of any level
 * inside the caller's scope; its credit code is its identity and never changes; the contact phone is
 * stored encrypted and shown masked.
 */
@Service
class UnitAdministration {

    /** An edit: fields left null stay as they are; {@code status} is ACTIVE or CLOSED (正常 / 注销). */
    record UnitChange(String name, String ownership, Integer headcount, String contactName, String contactPhone, String status) {
    }

    private final OrganisationRepository repository;
    private final OrganisationHistory history;
    private final PersonalDataCipher cipher;

    UnitAdministration(OrganisationRepository repository, OrganisationHistory history, PersonalDataCipher cipher) {
        this.repository = repository;
        this.history = history;
        this.cipher = cipher;
    }

    @Transactional
    Unit create(Organisations.NewUnit command, CurrentUser user) {
        requireRight(user);
        Checks checks = new Checks();
        String name = UnitRules.name(command.name(), checks, "name");
        String creditCode = UnitRules.creditCode(command.creditCode(), checks, "creditCode");
        Ownership ownership = UnitRules.ownership(command.ownership(), checks, "ownership");
        Integer headcount = headcount(command.headcount(), checks);
        String contactName = UnitRules.contactName(command.contactName(), checks, "contactName");
        String phone = UnitRules.contactPhone(command.contactPhone(), checks, "contactPhone");
        OrgNode node = null;
        if (command.organisationId() == null) {
            checks.add("organisationId", "缺少所属工会组织");
        } else {
            node = repository.node(command.organisationId()).filter(n -> user.sees(n.path())).orElse(null);
            if (node == null) checks.add("organisationId", "所属工会组织不存在或不在您的管辖范围内");
        }
        checks.throwIfInvalid();
        UnitFields fields = fields(name, creditCode, ownership, headcount, contactName, phone, false);
        return insert(fields, node, command.fundingPolicy(), user.username());
    }

    Unit insert(UnitFields fields, OrgNode node, String fundingPolicy, String by) {
        if (node.closed()) throw new ConflictException("organisationId", "所属工会组织已撤销，不能登记新单位");
        if (repository.creditCodeTaken(fields.creditCode())) throw duplicateCreditCode();
        Unit unit;
        try {
            unit = repository.insertUnit(fields, node, fundingPolicy);
        } catch (DuplicateKeyException e) {
            throw duplicateCreditCode();
        }
        history.changed(OrganisationHistory.UNIT, unit.id(), "CREATED", "organisation", null, node.name(), by);
        history.changed(OrganisationHistory.UNIT, unit.id(), "CREATED", "creditCode", null, fields.creditCode(), by);
        fields.shown().forEach((field, value) -> history.changed(OrganisationHistory.UNIT, unit.id(), "CREATED", field, null, value, by));
        return unit;
    }

    @Transactional
    Unit edit(long id, UnitChange change, CurrentUser user) {
        requireRight(user);
        Unit unit = repository.lockUnit(id).filter(u -> user.sees(u.path())).orElseThrow(() -> new NotFoundException("单位不存在"));
        Checks checks = new Checks();
        String name = change.name() == null ? unit.name() : UnitRules.name(change.name(), checks, "name");
        Ownership ownership = change.ownership() == null ? unit.ownership() : UnitRules.ownership(change.ownership(), checks, "ownership");
        Integer headcount = change.headcount() == null ? Integer.valueOf(unit.headcount()) : headcount(change.headcount(), checks);
        String contactName = change.contactName() == null ? unit.contactName() : UnitRules.contactName(change.contactName(), checks, "contactName");
        String phone = change.contactPhone() == null ? null : UnitRules.contactPhone(change.contactPhone(), checks, "contactPhone");
        Boolean closed = change.status() == null ? Boolean.valueOf(unit.closed()) : UnitRules.closed(change.status(), checks, "status");
        if (change.status() != null && change.status().isBlank()) checks.add("status", "状态应为 正常 或 注销（ACTIVE、CLOSED）");
        checks.throwIfInvalid();
        byte[] stored = repository.contactPhoneCipher(id).orElse(null);
        UnitFields before = UnitFields.of(unit, stored);
        UnitFields after = change.contactPhone() == null
                ? new UnitFields(name, unit.creditCode(), ownership, headcount, contactName, stored, unit.contactPhone(), closed)
                : fields(name, unit.creditCode(), ownership, headcount, contactName, phone, closed);
        update(unit, before, after, samePhone(stored, phone, change.contactPhone() == null), "EDITED", user.username());
        return repository.unit(id).orElseThrow();
    }

    /** Stores {@code after} over {@code before} with history, unless nothing changed; whether it changed anything. */
    boolean update(Unit unit, UnitFields before, UnitFields after, boolean samePhone, String action, String by) {
        if (before.sameAs(after, samePhone)) return false;
        if (before.closed() && after.closed()) {
            throw new ConflictException("status", "单位已注销，不能修改；如需修改请先恢复为正常状态");
        }
        repository.updateUnit(unit.id(), samePhone ? withCipher(after, before.contactPhoneCipher()) : after, history.now());
        Map<String, String> was = before.shown();
        after.shown().forEach((field, value) -> history.changed(OrganisationHistory.UNIT, unit.id(), action, field, was.get(field), value, by));
        return true;
    }

    /** Whether a newly typed phone equals the stored one (null typed: the phone is not being changed). */
    boolean samePhone(byte[] stored, String typed, boolean untouched) {
        if (untouched) return true;
        String current = stored == null ? null : cipher.decrypt(stored);
        return java.util.Objects.equals(current, typed);
    }

    UnitFields fields(String name, String creditCode, Ownership ownership, int headcount, String contactName, String phone, boolean closed) {
        return new UnitFields(name, creditCode, ownership, headcount, contactName, phone == null ? null : cipher.encrypt(phone),
                Masks.phone(phone), closed);
    }

    Optional<byte[]> storedPhone(long unitId) {
        return repository.contactPhoneCipher(unitId);
    }

    private static UnitFields withCipher(UnitFields f, byte[] cipher) {
        return Arrays.equals(f.contactPhoneCipher(), cipher) ? f : new UnitFields(f.name(), f.creditCode(), f.ownership(), f.headcount(),
                f.contactName(), cipher, f.contactPhoneMasked(), f.closed());
    }

    private static Integer headcount(Integer headcount, Checks checks) {
        if (headcount == null) checks.add("headcount", "缺少职工人数");
        else checks.check(headcount > 0 && headcount <= 1_000_000, "headcount", "职工人数应在1至1000000之间");
        return headcount;
    }

    static void requireRight(CurrentUser user) {
        if (!user.holds(Right.UNIT_MANAGE)) throw new AccessDeniedException("only union staff manage units");
    }

    static ConflictException duplicateCreditCode() {
        return new ConflictException("creditCode", "该统一社会信用代码已登记过单位");
    }
}
