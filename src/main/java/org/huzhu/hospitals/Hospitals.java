package org.huzhu.hospitals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospitals module's front door: the partner-hospital registry (合作医院). Union staff register and keep the
 * hospitals of their own office and the offices below it; others are 404. A hospital desk account sees its own
 * hospital only. The code is given once and never changes: posters and hospital systems carry it.
 */
@Service
public class Hospitals {

    static final String RECORD = "合作医院";

    private final HospitalRepository repository;
    private final Organisations organisations;

    Hospitals(HospitalRepository repository, Organisations organisations) {
        this.repository = repository;
        this.organisations = organisations;
    }

    /** A hospital to register: code (letters, digits, -), name, grade ({@link HospitalGrade} name), address, partner office. */
    public record NewHospital(String code, String name, String grade, String address, Long officeId) {
    }

    /** What may change: everything but the code; {@code active} false ends the partnership (its desk accounts stop answering). */
    public record HospitalEdit(String name, String grade, String address, Long officeId, Boolean active) {
    }

    /** The hospitals the caller sees, by office then name; {@code active} null for all. */
    public List<Hospital> list(CurrentUser caller, Boolean active) {
        if (caller.is(Role.HOSPITAL)) {
            return ownHospital(caller).filter(h -> active == null || h.active() == active).stream().toList();
        }
        return repository.under(caller.scopePattern(), active);
    }

    /** A hospital the caller sees (a hospital desk: only its own); otherwise 404. */
    public Hospital visible(long id, CurrentUser caller) {
        return repository.find(id).filter(h -> sees(caller, h)).orElseThrow(() -> new NotFoundException("合作医院不存在"));
    }

    /** The partnering hospital of this code, while the partnership lasts (the member app's prefill, a desk's provider). */
    public Optional<Hospital> active(String code) {
        if (code == null || code.isBlank()) return Optional.empty();
        return repository.byCode(code.strip().toUpperCase(Locale.ROOT)).filter(Hospital::active);
    }

    /** The hospital a hospital desk account is bound to; empty for any other account. */
    public Optional<Hospital> ownHospital(CurrentUser caller) {
        return caller.hospitalId() == null ? Optional.empty() : repository.find(caller.hospitalId());
    }

    @Transactional
    public Hospital register(NewHospital command, CurrentUser caller) {
        requireManager(caller);
        Checks checks = new Checks();
        String code = command.code() == null ? null : command.code().strip().toUpperCase(Locale.ROOT);
        checks.require("code", code, "医院编码");
        if (code != null && !code.isEmpty()) {
            checks.check(code.matches("[A-Z0-9][A-Z0-9-]{1,31}"), "code", "医院编码应为2至32个字母、数字或 -，以字母或数字开头");
        }
        HospitalRepository.Row row = row(command.name(), command.grade(), command.address(), command.officeId(), true, checks, caller);
        if (code != null && repository.byCode(code).isPresent()) throw new ConflictException("code", "该医院编码已被使用");
        if (repository.nameTaken(row.name(), null)) throw new ConflictException("name", "已有同名的合作医院");
        long id;
        try {
            id = repository.insert(new HospitalRepository.Row(code, row.name(), row.grade(), row.address(), row.officeId(),
                    row.officePath(), true));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("code", "该医院编码或名称已被使用");
        }
        Audit.changed(RECORD, code, "名称", null, row.name());
        Audit.changed(RECORD, code, "等级", null, row.grade().chinese());
        Audit.changed(RECORD, code, "地址", null, row.address());
        Audit.changed(RECORD, code, "合作工会", null, row.officePath());
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public Hospital edit(long id, HospitalEdit edit, CurrentUser caller) {
        requireManager(caller);
        Hospital before = visible(id, caller);
        Checks checks = new Checks();
        boolean active = edit.active() == null ? before.active() : edit.active();
        HospitalRepository.Row row = row(edit.name(), edit.grade(), edit.address(),
                edit.officeId() == null ? before.officeId() : edit.officeId(), active, checks, caller);
        if (repository.nameTaken(row.name(), id)) throw new ConflictException("name", "已有同名的合作医院");
        repository.update(id, row);
        Audit.changed(RECORD, before.code(), "名称", before.name(), row.name());
        Audit.changed(RECORD, before.code(), "等级", before.grade().chinese(), row.grade().chinese());
        Audit.changed(RECORD, before.code(), "地址", before.address(), row.address());
        Audit.changed(RECORD, before.code(), "合作工会", before.officePath(), row.officePath());
        Audit.changed(RECORD, before.code(), "状态", before.active() ? "合作中" : "已停止合作", active ? "合作中" : "已停止合作");
        return repository.find(id).orElseThrow();
    }

    /** The partner office's name (union staff read it beside the hospital). */
    public String officeName(Hospital hospital) {
        return organisations.node(hospital.officeId()).name();
    }

    private HospitalRepository.Row row(String rawName, String rawGrade, String rawAddress, Long officeId, boolean active, Checks checks,
                                       CurrentUser caller) {
        String name = rawName == null ? null : rawName.strip();
        checks.require("name", name, "医院名称");
        if (name != null && !name.isEmpty()) checks.check(name.length() >= 2 && name.length() <= 100, "name", "医院名称应为2至100个字");
        HospitalGrade grade = rawGrade == null || rawGrade.isBlank() ? null : HospitalGrade.parse(rawGrade.strip()).orElse(null);
        checks.check(grade != null, "grade", "请选择医院等级");
        String address = rawAddress == null ? "" : rawAddress.strip();
        checks.check(address.length() <= 200, "address", "地址过长（最多200个字）");
        checks.require("officeId", officeId, "合作工会");
        checks.throwIfInvalid();
        OrgNode office = organisations.visibleNode(officeId, caller);
        return new HospitalRepository.Row(null, name, grade, address, office.id(), office.path(), active);
    }

    private static boolean sees(CurrentUser caller, Hospital hospital) {
        if (caller.is(Role.HOSPITAL)) return caller.hospitalId() != null && caller.hospitalId() == hospital.id();
        return caller.sees(hospital.officePath());
    }

    private static void requireManager(CurrentUser caller) {
        if (!caller.holds(Right.HOSPITAL_MANAGE)) throw new AccessDeniedException("cannot keep partner hospitals");
    }
}
