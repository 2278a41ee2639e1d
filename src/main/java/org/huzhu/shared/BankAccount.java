package org.huzhu.shared;

import java.util.regex.Pattern;

/**
 * A payout bank account: the bank's name and the card or account number. UnionPay cards (62…,
 * 16–19 digits) carry a Luhn check digit and are checked; other account numbers are only
 * checked for form. Never log {@link #number()}.
 */
public record BankAccount(String bankName, String number) {

    private static final Pattern DIGITS = Pattern.compile("\\d{10,30}");

    public BankAccount {
        if (bankName == null || bankName.isBlank()) throw new IllegalArgumentException("开户银行不能为空");
        if (number == null || number.isBlank()) throw new IllegalArgumentException("银行账号不能为空");
        bankName = bankName.strip();
        number = number.replace(" ", "").strip();
        if (!DIGITS.matcher(number).matches()) throw new IllegalArgumentException("银行账号应为10至30位数字");
        if (number.startsWith("62") && number.length() >= 16 && number.length() <= 19 && !luhnValid(number)) {
            throw new IllegalArgumentException("银行卡号校验位错误，请核对卡号");
        }
    }

    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public String masked() {
        return Masks.accountNumber(number);
    }

    @Override
    public String toString() {
        return bankName + " " + masked();
    }
}
