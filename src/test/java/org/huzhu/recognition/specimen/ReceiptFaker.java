package org.huzhu.recognition.specimen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.huzhu.recognition.specimen.ReceiptTruth.DocumentType;
import org.huzhu.recognition.specimen.ReceiptTruth.FeeLine;
import org.huzhu.recognition.specimen.ReceiptTruth.Printed;
import org.huzhu.shared.IdNumber;

/**
 * Makes up realistic Hubei medical receipts from a seed: the same seed always gives the same
 * receipt. Fee lines come from the standard list and add up to the total; the total is split
 * exactly into fund, other funds, personal account and cash; 个人自付 + 个人自费 never exceed the
 * cash; admission ≤ discharge ≤ issue date, all in 2025–2026. {@link #receipt} prints it on the
 * national template, {@link #onOtherForm} on a form as other provinces and printers vary it.
 */
public final class ReceiptFaker {

    private static final List<String> INPATIENT_ITEMS = List.of("床位费", "诊察费", "检查费", "化验费", "治疗费",
            "手术费", "护理费", "卫生材料费", "西药费", "中成药费", "中草药费", "其他费");
    private static final List<String> OUTPATIENT_ITEMS = List.of("诊察费", "检查费", "化验费", "治疗费",
            "卫生材料费", "西药费", "中成药费", "中草药费", "其他费");
    private static final List<String> HOSPITALS = List.of("武汉市第一医院", "华中科技大学同济医学院附属协和医院",
            "华中科技大学同济医学院附属同济医院", "武汉大学人民医院", "武汉大学中南医院", "湖北省中医院", "武汉市中心医院",
            "武汉市第三医院", "武汉市江岸区百步亭社区卫生服务中心", "荆门市人民医院", "荆门市第二人民医院",
            "荆门市东宝区中医医院", "京山市人民医院", "京山市中医医院", "京山市永兴镇卫生院", "钟祥市人民医院",
            "恩施州中心医院", "湖北民族大学附属民大医院", "利川市人民医院", "巴东县人民医院", "宜昌市中心人民医院",
            "襄阳市中心医院");
    /** Invoice-code and identity-number prefixes: 武汉 江岸/武昌/洪山, 荆门 东宝/京山, 恩施 恩施/利川. */
    private static final List<String> AREAS = List.of("420102", "420106", "420111", "420802", "420882",
            "422801", "422802");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌海波宇浩晨欣怡子涵雪峰春林";
    private static final List<String> INSURANCE_TYPES = List.of("职工基本医疗保险", "城乡居民基本医疗保险");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    /** The last day a stay may start: 30 days in hospital and 3 days to the issue date still fit. */
    private static final LocalDate LATEST_START = LocalDate.of(2026, 10, 31).minusDays(33);

    private final Random random;

    private ReceiptFaker(long seed) {
        this.random = new Random(seed);
    }

    /** An inpatient receipt (住院), drawn from random seeds until one is. */
    public static ReceiptTruth inpatientReceipt() {
        ReceiptTruth truth;
        do {
            truth = receipt(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        } while (!truth.inpatient());
        return truth;
    }

    /** The receipt of this seed: about two in three are inpatient receipts. */
    public static ReceiptTruth receipt(long seed) {
        return new ReceiptFaker(seed).make();
    }

    /**
     * The receipt of this seed printed on a form drawn from the same seed ({@link ReceiptForm#drawn}):
     * other wordings, date forms, grid orders and a data layer off the grid; one in five is the
     * 医保结算单 of the same stay or visit instead ({@link SettlementLayout}).
     */
    public static ReceiptTruth onOtherForm(long seed) {
        Random random = new Random(~seed);
        ReceiptTruth receipt = receipt(seed).on(ReceiptForm.drawn(random));
        return random.nextInt(5) == 0 ? receipt.settled() : receipt;
    }

    private ReceiptTruth make() {
        DocumentType type = random.nextInt(3) < 2 ? DocumentType.INPATIENT_RECEIPT : DocumentType.OUTPATIENT_RECEIPT;
        boolean inpatient = type == DocumentType.INPATIENT_RECEIPT;
        String area = pick(AREAS);
        String invoiceCode = area.substring(0, 4) + "01" + (25 + random.nextInt(2));
        String invoiceNumber = random.nextInt(10) < 7 ? "00" + digits(8) : digits(10);
        String checkCode = HexFormat.of().toHexDigits(random.nextInt(1 << 24)).substring(2);

        LocalDate start = FIRST_DAY.plusDays(random.nextInt((int) FIRST_DAY.until(LATEST_START, ChronoUnit.DAYS) + 1));
        LocalDate end = inpatient ? start.plusDays(1 + random.nextInt(30)) : start;
        LocalDate issued = end.plusDays(random.nextInt(4));

        List<FeeLine> lines = feeLines(inpatient);
        long total = lines.stream().mapToLong(line -> cents(line.amount())).sum();
        Split split = split(total, inpatient);
        String hospital = pick(HOSPITALS);
        Printed printed = new Printed(idNumber(area), type.recordPrefix() + end.getYear() + digits(6),
                hospitalType(hospital), issued.toString().replace("-", "") + digits(8), pick(INSURANCE_TYPES),
                name(), name(), CapitalAmount.of(yuan(total)));
        return new ReceiptTruth(type, invoiceCode, invoiceNumber, checkCode, issued.toString(), name(), hospital,
                inpatient ? start.toString() : null, inpatient ? end.toString() : null,
                inpatient ? null : start.toString(), text(total), text(split.fund), text(split.other),
                text(split.account), text(split.cash), text(split.selfPaid), text(split.selfFunded), lines, printed,
                ReceiptForm.NATIONAL);
    }

    /** 3–12 distinct items (3–9 for a visit) in the standard order, tens to tens of thousands of yuan. */
    private List<FeeLine> feeLines(boolean inpatient) {
        List<String> items = new ArrayList<>(inpatient ? INPATIENT_ITEMS : OUTPATIENT_ITEMS);
        int count = 3 + random.nextInt(items.size() - 2);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) chosen.add(i);
        Collections.shuffle(chosen, random);
        chosen = new ArrayList<>(chosen.subList(0, count));
        Collections.sort(chosen);
        double ceiling = (inpatient ? 90_000_00.0 : 8_000_00.0) / count;
        List<FeeLine> lines = new ArrayList<>();
        for (int index : chosen) {
            long cents = Math.round(Math.exp(Math.log(10_00) + random.nextDouble() * Math.log(ceiling / 10_00)));
            if (random.nextInt(5) == 0) {
                cents = Math.max(10_00, cents / 100 * 100);
            }
            lines.add(new FeeLine(items.get(index), text(cents)));
        }
        return lines;
    }

    private record Split(long fund, long other, long account, long cash, long selfPaid, long selfFunded) {}

    /** Who paid the total: the fund often, other funds and the personal account sometimes, cash the rest. */
    private Split split(long total, boolean inpatient) {
        long fund = random.nextInt(5) == 0 ? 0 : share(total, inpatient ? 0.35 : 0.10, inpatient ? 0.80 : 0.60);
        long other = random.nextInt(4) == 0 ? share(total - fund, 0.05, 0.30) : 0;
        long account = random.nextInt(3) == 0 ? share(total - fund - other, 0.10, 0.60) : 0;
        long cash = total - fund - other - account;
        long selfFunded = random.nextInt(5) == 0 ? 0 : share(cash, 0.0, 0.5);
        long selfPaid = random.nextInt(3) == 0 ? cash - selfFunded : share(cash - selfFunded, 0.0, 1.0);
        return new Split(fund, other, account, cash, selfPaid, selfFunded);
    }

    private long share(long cents, double from, double to) {
        return (long) Math.floor(cents * (from + random.nextDouble() * (to - from)));
    }

    private String idNumber(String area) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 45));
        String first17 = area + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private String name() {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        return name.toString();
    }

    private static String hospitalType(String hospital) {
        if (hospital.contains("中医")) return "中医医院";
        if (hospital.endsWith("卫生院") || hospital.endsWith("中心")) return "基层医疗机构";
        return "综合医院";
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) digits.append(random.nextInt(10));
        return digits.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static String text(long cents) {
        return yuan(cents).toPlainString();
    }

    private static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
