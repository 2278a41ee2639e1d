package org.huzhu.recognition.secondset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What one document says, before it is laid out: codes, people, dates, the fee items and the
 * payments, consistent by construction (the items add up to the total; total = fund + other +
 * personal account + cash; self-paid + self-funded ≤ cash). Amounts are whole cents.
 */
record Bill(Kind kind, String invoiceCode, String invoiceNumber, String checkCode, LocalDate issueDate,
            LocalDate admissionDate, LocalDate dischargeDate, LocalDate visitDate, String payer, String payerId,
            String hospital, boolean smallClinic, List<Item> items, long total, long fund, long other, long account,
            long cash, long selfPaid, long selfFunded, long prepaid, String serial, String insuranceNo,
            String insuranceType, String caseNo, String reviewer, String cashier) {

    /** The kind of document, named as the API names it. */
    enum Kind {
        INPATIENT("INPATIENT_RECEIPT"), OUTPATIENT("OUTPATIENT_RECEIPT"), SETTLEMENT("SETTLEMENT_STATEMENT");

        final String documentType;

        Kind(String documentType) {
            this.documentType = documentType;
        }
    }

    /** One fee item: its name, a specification, unit and quantity for the tables that print them, and its amount. */
    record Item(String name, String spec, String unit, int quantity, long amount) {
    }

    private static final String[][] INPATIENT_FEES = {
            {"床位费", "普通病房", "日"}, {"诊查费", "住院诊查", "日"}, {"检查费", "CT/MR", "次"}, {"化验费", "生化", "项"},
            {"治疗费", "静脉输液", "次"}, {"手术费", "", "台"}, {"护理费", "一级护理", "日"}, {"卫生材料费", "", "件"},
            {"西药费", "", "批"}, {"中成药费", "", "批"}, {"中草药费", "饮片", "剂"}, {"麻醉费", "", "次"},
            {"检验费", "", "项"}, {"输血费", "", "U"}, {"其他住院费用", "", "项"}};
    private static final String[][] OUTPATIENT_FEES = {
            {"挂号费", "普通号", "次"}, {"诊察费", "门诊", "次"}, {"检查费", "彩超", "次"}, {"化验费", "血常规", "项"},
            {"治疗费", "", "次"}, {"西药费", "", "批"}, {"中成药费", "", "批"}, {"中草药费", "饮片", "剂"},
            {"卫生材料费", "", "件"}, {"一般诊疗费", "", "次"}};
    private static final String[] INSURANCE = {"职工基本医疗保险", "城乡居民基本医疗保险", "职工医保", "居民医保"};

    static Bill random(Kind kind, Random random) {
        boolean inpatient = kind != Kind.OUTPATIENT;
        LocalDate issue = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(320));
        LocalDate admission = null;
        LocalDate discharge = null;
        LocalDate visit = null;
        if (inpatient) {
            discharge = issue.minusDays(random.nextInt(3));
            admission = discharge.minusDays(1 + random.nextInt(20));
        } else {
            visit = issue.minusDays(random.nextInt(4) == 0 ? 1 : 0);
        }
        List<Item> items = items(random, inpatient ? INPATIENT_FEES : OUTPATIENT_FEES, inpatient ? 4 + random.nextInt(9) : 2 + random.nextInt(5),
                inpatient ? 200_000 : 15_000);
        long total = items.stream().mapToLong(Item::amount).sum();
        boolean insured = random.nextInt(6) != 0;
        long fund = insured ? Math.round(total * (inpatient ? 0.45 + 0.35 * random.nextDouble() : 0.3 + 0.4 * random.nextDouble())) : 0;
        long other = insured && inpatient && random.nextInt(3) == 0 ? Math.round((total - fund) * 0.2 * random.nextDouble()) : 0;
        long account = insured && random.nextInt(3) == 0 ? Math.min(total - fund - other, 5_000 + random.nextInt(150_000)) : 0;
        long cash = total - fund - other - account;
        long selfFunded = Math.round(cash * 0.35 * random.nextDouble());
        long selfPaid = Math.round((cash - selfFunded) * random.nextDouble());
        // the deposit paid on admission, in whole thousands: mostly more than the cash due (退费), sometimes less (补缴)
        long prepaid = inpatient ? Math.max(100_000L, (long) Math.ceil(cash * (0.8 + 0.8 * random.nextDouble()) / 100_000) * 100_000) : 0;
        boolean[] small = new boolean[1];
        String hospital = Names.hospital(random, small);
        return new Bill(kind, "42" + digits(random, 2) + "26" + digits(random, 2), digits(random, 10), hex(random, 6), issue,
                admission, discharge, visit, Names.person(random), idNumber(random), hospital, small[0], items, total, fund,
                other, account, cash, selfPaid, selfFunded, prepaid, digits(random, 4) + "-" + digits(random, 12),
                "H42" + digits(random, 11), INSURANCE[random.nextInt(INSURANCE.length)],
                (inpatient ? "ZY" : "MZ") + digits(random, 8), Names.person(random), Names.person(random));
    }

    private static List<Item> items(Random random, String[][] catalogue, int count, int scale) {
        List<String[]> left = new ArrayList<>(List.of(catalogue));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count && !left.isEmpty(); i++) {
            String[] fee = left.remove(random.nextInt(left.size()));
            long amount = 100 + (long) (scale * Math.pow(random.nextDouble(), 2)) + random.nextInt(100);
            items.add(new Item(fee[0], fee[1], fee[2], 1 + random.nextInt(12), amount));
        }
        return items;
    }

    private static String digits(Random random, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) b.append((char) ('0' + random.nextInt(10)));
        return b.toString();
    }

    private static String hex(Random random, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) b.append("0123456789abcdef".charAt(random.nextInt(16)));
        return b.toString();
    }

    /** A resident ID number of Hubei (the 交款人统一社会信用代码 of a person), check digit included. */
    private static String idNumber(Random random) {
        String body = "4201" + "0" + (1 + random.nextInt(9)) + (1960 + random.nextInt(45))
                + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)) + digits(random, 3);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (body.charAt(i) - '0') * weights[i];
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Cents as the truth writes money: two decimals, no sign, no grouping. */
    static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
