package org.huzhu.membership.roster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Manual benchmark, not part of the test run (no "Test" in the name). From the project directory:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * CP=target/test-classes:target/classes:$(cat target/cp.txt)
 * java -Xmx4g   -cp $CP org.huzhu.membership.roster.RosterBenchmark gen-csv  target/bench/roster-1m.csv  1000000
 * java -Xmx4g   -cp $CP org.huzhu.membership.roster.RosterBenchmark gen-xlsx target/bench/roster-1m.xlsx 1000000
 * java -Xmx512m -cp $CP org.huzhu.membership.roster.RosterBenchmark read target/bench/roster-1m.csv
 * java -Xmx512m -cp $CP org.huzhu.membership.roster.RosterBenchmark read target/bench/roster-1m.xlsx
 * </pre>
 *
 * Every row has a distinct name, ID number and phone, so an XLSX written with shared strings holds
 * about 3 million distinct strings.
 */
public final class RosterBenchmark {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅晨阳宇浩然子涵欣怡梓轩雨泽思远诗琪嘉俊文博一鸣佳天佑雅婷晓东海燕春";
    private static final String[] PLANS = {"BASIC", "HOSPITAL+CRITICAL_ILLNESS", "HOSPITAL+FEMALE_SPECIAL:UPG", "ACCIDENT"};

    private RosterBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "gen-csv" -> genCsv(Path.of(args[1]), Integer.parseInt(args[2]));
            case "gen-xlsx" -> genXlsx(Path.of(args[1]), Integer.parseInt(args[2]));
            case "read" -> read(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String name(int i) {
        // distinct for the first |SURNAMES| * |GIVEN|^3 (> 10 million) rows
        int n = GIVEN.length();
        int rest = i / SURNAMES.length();
        StringBuilder sb = new StringBuilder(4).append(SURNAMES.charAt(i % SURNAMES.length()));
        for (int k = 0; k < 3; k++) {
            sb.append(GIVEN.charAt(rest % n));
            rest /= n;
        }
        return sb.toString();
    }

    static String id(int i) {
        return "420106" + String.format("%012d", i);
    }

    static String phone(int i) {
        return "138" + String.format("%08d", i);
    }

    private static void genCsv(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\uFEFF姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\r\n");
            for (int i = 0; i < rows; i++) {
                w.write(name(i));
                w.write(',');
                w.write(i % 10 == 0 ? "=\"" + id(i) + "\"" : id(i));
                w.write(',');
                w.write(phone(i));
                w.write(i % 3 == 0 ? ",NEW_FORM," : ",REGULAR,");
                String plan = PLANS[i % PLANS.length];
                w.write(i % 7 == 0 ? '"' + plan + '"' : plan);
                w.write(',');
                w.write(Integer.toString(1 + i % 3));
                w.write(",2026-01-09\r\n");
            }
        }
        System.out.printf("wrote %s: %,d rows, %,d bytes%n", file, rows, Files.size(file));
    }

    private static void genXlsx(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LocalDate paidOn = LocalDate.of(2026, 1, 9);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("花名册");
            for (int c = 0; c < RosterTemplate.HEADERS.size(); c++) {
                ws.value(0, c, RosterTemplate.HEADERS.get(c));
            }
            for (int i = 0; i < rows; i++) {
                int r = i + 1;
                ws.value(r, 0, name(i));       // shared strings, all distinct
                ws.value(r, 1, id(i));
                ws.value(r, 2, phone(i));
                ws.value(r, 3, i % 3 == 0 ? "NEW_FORM" : "REGULAR");
                ws.value(r, 4, PLANS[i % PLANS.length]);
                ws.value(r, 5, 1 + i % 3);     // number
                ws.value(r, 6, paidOn);        // date cell
                ws.style(r, 6).format("yyyy-mm-dd").set();
                if (r % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        System.out.printf("wrote %s: %,d rows, %,d bytes%n", file, rows, Files.size(file));
    }

    private static void read(Path file) {
        System.gc();
        long start = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        try (RosterReader reader = RosterReader.open(file)) {
            while (reader.hasNext()) {
                RosterRow row = reader.next();
                rows++;
                checksum += row.idNumber().length() + row.name().length() + row.paidOn().length();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s: %,d rows in %.2f s = %,.0f rows/s; max heap %,d MB; sum of heap pool peaks %,d MB; checksum %d%n",
                file.getFileName(), rows, seconds, rows / seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20,
                checksum);
    }
}
