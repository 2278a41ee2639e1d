package org.huzhu.membership;

import java.util.Arrays;
import java.util.List;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.membership.roster.RosterTemplate;
import org.huzhu.shared.IdNumber;

/**
 * What the downloadable roster template holds, from the catalogue in force: the plan names of its
 * drop-down list ({@link PlanNames#choices}), the employment forms in Chinese, and two example rows
 * that pass the import's own checks (valid ID numbers, plans by name, 缴费日期 left blank: not paid yet).
 */
final class RosterTemplates {

    private RosterTemplates() {
    }

    static RosterTemplate.Content content(CatalogueVersion terms) {
        List<String> forms = Arrays.stream(EmploymentForm.values()).map(EmploymentForm::chinese).toList();
        List<List<String>> examples = List.of(
                example("张三", "42010619900101123", "13800000000", EmploymentForm.REGULAR, "基本保障"),
                example("李四", "42010619920315024", "13900000000", EmploymentForm.NEW_FORM, "住院医疗+女职工特殊疾病（升级版）"));
        return new RosterTemplate.Content(PlanNames.choices(terms), forms, examples);
    }

    private static List<String> example(String name, String first17, String phone, EmploymentForm form, String plan) {
        return Arrays.asList(name, first17 + IdNumber.checkCharacter(first17), phone, form.chinese(), plan, "1", null);
    }
}
