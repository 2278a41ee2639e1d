package org.huzhu.organisation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.FieldProblem;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk registration and update of units from a file ({@link UnitFile}). The file is read once, row
 * by row; every row is checked (the union office by division code or name, inside the caller's scope;
 * a credit code only once per file); if any row is wrong nothing is written and every problem is
 * named with its row and column. Otherwise, in one transaction, a unit whose credit code is new is
 * registered, a known one is updated where its facts differ (with history) and left alone where they
 * do not, so uploading the same file again changes nothing. Empty 联系人, 联系电话 and 状态 cells
 * leave those facts as they are.
 */
@Service
class UnitImport {

    static final int MAX_PROBLEMS = 200;

    record Result(long rows, int created, int updated, int unchanged) {
    }

    private record Parsed(long row, UnitFields fields, String phone, OrgNode node, boolean contactGiven, boolean statusGiven) {
    }

    private final OrganisationRepository repository;
    private final UnitAdministration units;

    UnitImport(OrganisationRepository repository, UnitAdministration units) {
        this.repository = repository;
        this.units = units;
    }

    @Transactional
    Result load(Path file, CurrentUser user) {
        UnitAdministration.requireRight(user);
        List<Parsed> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> offices = new HashMap<>();
        Set<String> creditCodes = new HashSet<>();
        long count = 0;
        try (UnitFile reader = UnitFile.open(file)) {
            for (UnitFile.Line line = reader.next(); line != null; line = reader.next()) {
                count++;
                Parsed parsed = parse(line, user, offices, creditCodes, problems);
                if (parsed != null && problems.isEmpty()) rows.add(parsed);
            }
        }
        if (count == 0) throw InvalidInputException.of("file", "文件中没有单位数据行");
        if (!problems.isEmpty()) throw new InvalidInputException(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        int created = 0;
        int updated = 0;
        for (Parsed p : rows) {
            Unit existing = repository.lockUnitByCreditCode(p.fields().creditCode()).orElse(null);
            if (existing == null) {
                units.insert(p.fields(), p.node(), null, user.username());
                created++;
            } else if (write(existing, p, user)) {
                updated++;
            }
        }
        return new Result(count, created, updated, rows.size() - created - updated);
    }

    private boolean write(Unit existing, Parsed p, CurrentUser user) {
        byte[] stored = units.storedPhone(existing.id()).orElse(null);
        UnitFields before = UnitFields.of(existing, stored);
        UnitFields typed = p.fields();
        boolean phoneUntouched = p.phone() == null;
        UnitFields after = new UnitFields(typed.name(), typed.creditCode(), typed.ownership(), typed.headcount(),
                p.contactGiven() ? typed.contactName() : existing.contactName(),
                phoneUntouched ? stored : typed.contactPhoneCipher(), phoneUntouched ? existing.contactPhone() : typed.contactPhoneMasked(),
                p.statusGiven() ? typed.closed() : existing.closed());
        return units.update(existing, before, after, units.samePhone(stored, p.phone(), phoneUntouched), "IMPORTED", user.username());
    }

    private Parsed parse(UnitFile.Line line, CurrentUser user, Map<String, Object> offices, Set<String> creditCodes,
                         List<FieldProblem> problems) {
        Checks checks = new Checks();
        String name = UnitRules.name(line.cell(0), checks, "name");
        String creditCode = UnitRules.creditCode(line.cell(1), checks, "creditCode");
        OrgNode node = office(line.cell(2), user, offices, checks);
        Ownership ownership = UnitRules.ownership(line.cell(3), checks, "ownership");
        Integer headcount = UnitRules.headcount(line.cell(4), checks, "headcount");
        String contactName = UnitRules.contactName(line.cell(5), checks, "contactName");
        String phone = UnitRules.contactPhone(line.cell(6), checks, "contactPhone");
        Boolean closed = UnitRules.closed(line.cell(7), checks, "status");
        if (creditCode != null && !creditCodes.add(creditCode)) checks.add("creditCode", "统一社会信用代码在文件中重复出现");
        if (creditCode != null && node != null) {
            repository.unitByCreditCode(creditCode).ifPresent(u -> {
                if (!user.sees(u.path())) checks.add("creditCode", "该统一社会信用代码已登记在您管辖范围以外的单位");
                else if (u.organisationId() != node.id()) checks.add("organisation", "该单位已登记在其他工会组织下，导入不能变更所属工会");
            });
        }
        for (FieldProblem p : checks.problems()) {
            problems.add(new FieldProblem("rows[" + line.number() + "]." + p.field(),
                    "第" + line.number() + "行 " + column(p.field()) + "：" + p.message()));
        }
        if (!checks.ok()) return null;
        UnitFields fields = units.fields(name, creditCode, ownership, headcount, contactName, phone, closed != null && closed);
        return new Parsed(line.number(), fields, phone, node, line.cell(5) != null, closed != null);
    }

    /** The open union office a cell names, by six-digit division code or by its name, inside the caller's scope. */
    private OrgNode office(String cell, CurrentUser user, Map<String, Object> offices, Checks checks) {
        if (cell == null) {
            checks.add("organisation", "缺少所属工会（行政区划代码或工会名称）");
            return null;
        }
        Object found = offices.computeIfAbsent(cell, key -> {
            List<OrgNode> nodes = key.matches("[0-9]{6}")
                    ? repository.openNodeWithDivisionCode(key).stream().toList()
                    : repository.openNodesNamed(key, user.scopePattern());
            nodes = nodes.stream().filter(n -> user.sees(n.path())).toList();
            if (nodes.size() == 1) return nodes.getFirst();
            return nodes.isEmpty() ? "所属工会“" + key + "”不存在、已撤销或不在您的管辖范围内" : "所属工会“" + key + "”有重名，请填写行政区划代码";
        });
        if (found instanceof OrgNode node) return node;
        checks.add("organisation", (String) found);
        return null;
    }

    private static String column(String field) {
        return switch (field) {
            case "name" -> "单位名称";
            case "creditCode" -> "统一社会信用代码";
            case "organisation" -> "所属工会";
            case "ownership" -> "所有制";
            case "headcount" -> "职工人数";
            case "contactName" -> "联系人";
            case "contactPhone" -> "联系电话";
            default -> "状态";
        };
    }
}
