package org.huzhu.realname;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.web.FieldProblem;
import org.huzhu.shared.web.InvalidInputException;

/**
 * The elements of one question, checked for form and normalised before anything is asked: the name as
 * written, the 18-character ID number, the 11-digit mainland mobile number and, for four factors, the
 * card's digits (Luhn-checked). Every element that fails is named in one 400 answer.
 */
record Factors(String name, IdNumber idNumber, String phone, String card) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern CARD = Pattern.compile("\\d{12,19}");

    static Factors of(String name, String idNumber, String phone, String card, boolean withCard, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) problems.add(new FieldProblem("name", "姓名不能为空"));
        else if (cleanName.length() > 50) problems.add(new FieldProblem("name", "姓名不能超过50个字"));
        IdNumber id = null;
        try {
            id = IdNumber.parse(idNumber, today);
        } catch (IdNumber.InvalidIdNumber e) {
            problems.add(new FieldProblem("idNumber", e.getMessage()));
        }
        String mobile = digits(phone);
        if (mobile.startsWith("86") && mobile.length() == 13) mobile = mobile.substring(2);
        if (!MOBILE.matcher(mobile).matches()) problems.add(new FieldProblem("phone", "手机号码应为11位中国大陆手机号"));
        String cardDigits = withCard ? digits(card) : null;
        if (withCard && !CARD.matcher(cardDigits).matches()) problems.add(new FieldProblem("bankCard", "银行卡号应为12至19位数字"));
        else if (withCard && !BankAccount.luhnValid(cardDigits)) problems.add(new FieldProblem("bankCard", "银行卡号校验位错误，请核对卡号"));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return new Factors(cleanName, id, mobile, cardDigits);
    }

    private static String digits(String written) {
        return written == null ? "" : written.replaceAll("[\\s+-]", "");
    }
}
