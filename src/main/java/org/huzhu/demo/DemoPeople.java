package org.huzhu.demo;

import java.time.LocalDate;
import java.util.Random;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;

/** Makes up plausible people and codes, deterministically, with valid check characters. */
public final class DemoPeople {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国建华志强俊峰海燕晓梅文军春梅丹丹晨阳子涵浩然欣怡雨轩思远";

    private final Random random;

    public DemoPeople(long seed) {
        this.random = new Random(seed);
    }

    public String name() {
        String s = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int len = 1 + random.nextInt(2);
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < len; i++) b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        return b.toString();
    }

    /** A valid ID number from an area code, born between the two years, of the given sex ('M' or 'F'). */
    public String idNumber(String areaCode, int bornFrom, int bornTo, char sex) {
        LocalDate birth = LocalDate.of(bornFrom, 1, 1).plusDays(random.nextInt(365 * (bornTo - bornFrom)));
        int sequence = random.nextInt(500) * 2 + (sex == 'M' ? 1 : 0);
        String first17 = areaCode + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    public String phone() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A unified social credit code with a valid check character, in the given area. */
    public String creditCode(String areaCode, char ownershipMark) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder().append(ownershipMark == 'G' ? "11" : "91").append(areaCode);
        for (int i = 0; i < 9; i++) b.append(alphabet.charAt(random.nextInt(10)));
        return b.toString() + CreditCode.checkCharacter(b);
    }

    public char sex() {
        return random.nextBoolean() ? 'M' : 'F';
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A UnionPay-like card number that passes the Luhn check. */
    public String bankCard() {
        StringBuilder b = new StringBuilder("621700");
        while (b.length() < 18) b.append(random.nextInt(10));
        for (int d = 0; d < 10; d++) {
            String candidate = b.toString() + d;
            if (org.huzhu.shared.BankAccount.luhnValid(candidate)) return candidate;
        }
        throw new IllegalStateException();
    }
}
