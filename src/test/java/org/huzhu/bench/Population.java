package org.huzhu.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huzhu.membership.Members;
import org.huzhu.membership.RosterImports;
import org.huzhu.membership.roster.RosterTemplate;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmarks' members: roster lines, ids once imported, plans, shares, payment dates, phones and bank cards, all
 * derived from the member's number {@code j}; {@link #enrol} puts them into a fresh database (not timed).
 */
final class Population {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅晨阳宇浩然子涵欣怡梓轩雨泽思远诗琪嘉俊文博";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1975, 1, 1);
    private static final int MEMBERS_PER_UNIT = 2000;
    private static final CurrentUser ADMIN = new CurrentUser(0, "bench", Role.ADMIN, "/", null, null, null);

    final long[] ids;
    final long[] units;
    final String[] paths;
    private final LocalDate today;

    Population(int members, LocalDate today) {
        this.ids = new long[members];
        this.units = new long[members];
        this.paths = new String[members];
        this.today = today;
    }

    int size() {
        return ids.length;
    }

    boolean male(int j) {
        return j % 2 == 1;
    }

    String plan(int j) {
        return j % 10 < 7 ? "BASIC" : "HOSPITAL+ACCIDENT";
    }

    int shares(int j) {
        return j % 4 == 0 ? 2 : 1;
    }

    /** Paid 200 to 229 days ago: cover began the next day, every waiting period (at most 90 days) has passed. */
    LocalDate paidOn(int j) {
        return today.minusDays(200 + j % 30);
    }

    String phone(int j) {
        return "139" + String.format("%08d", j);
    }

    String name(int j) {
        return String.valueOf(SURNAMES.charAt(j % SURNAMES.length())) + GIVEN.charAt(j * 7 % GIVEN.length())
                + (j % 3 == 0 ? "" : String.valueOf(GIVEN.charAt(j * 13 % GIVEN.length())));
    }

    String idNumber(int j) {
        int half = j / 2;
        LocalDate birth = FIRST_BIRTH.plusDays(half % 10_000);
        int sequence = 2 * (half / 10_000) + (male(j) ? 1 : 0);
        String first17 = "420106" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    String rosterLine(int j) {
        return String.join(",", name(j), idNumber(j), phone(j), "REGULAR", plan(j), Integer.toString(shares(j)), paidOn(j).toString());
    }

    String card(int j) {
        String body = "622202" + String.format("%012d", 100_000_000_000L + j);
        for (int d = 0; d <= 9; d++) if (BankAccount.luhnValid(body + d)) return body + d;
        throw new IllegalStateException();
    }

    /**
     * Puts the members into the application's fresh database as an office would: the province, a city and three
     * counties, units of up to 2,000 workers enrolled through the roster import, then each worker's bank card; fills
     * {@link #ids}, {@link #units} and {@link #paths}. {@code bench} names the benchmark in the progress lines.
     */
    void enrol(ConfigurableApplicationContext app, Path data, int threads, String bench) throws Exception {
        Organisations organisations = app.getBean(Organisations.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        OrgNode province = organisations.createNode("湖北省总工会", Level.PROVINCE, null, "42");
        OrgNode city = organisations.createNode("武汉市总工会", Level.CITY, province, "4201");
        String[][] counties = {{"江岸区总工会", "420102"}, {"武昌区总工会", "420106"}, {"洪山区总工会", "420111"}};
        List<OrgNode> countyNodes = new ArrayList<>();
        for (String[] c : counties) countyNodes.add(organisations.createNode(c[0], Level.COUNTY, city, c[1]));

        RosterImports imports = app.getBean(RosterImports.class);
        int members = size();
        int unitCount = (members + MEMBERS_PER_UNIT - 1) / MEMBERS_PER_UNIT;
        Path csv = data.resolve(bench + "-roster.csv");
        for (int u = 0; u < unitCount; u++) {
            int from = u * MEMBERS_PER_UNIT;
            int to = Math.min(members, from + MEMBERS_PER_UNIT);
            OrgNode county = countyNodes.get(u % countyNodes.size());
            String first17 = "91" + counties[u % counties.length][1] + String.format("%09d", 700_000_000 + u);
            Unit unit = organisations.createUnit(new Organisations.NewUnit("压测单位" + (u + 1), first17
                    + CreditCode.checkCharacter(first17), "OTHER", to - from, county.id(), null), ADMIN);
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write(String.join(",", RosterTemplate.HEADERS) + "\n");
                for (int j = from; j < to; j++) out.write(rosterLine(j) + "\n");
            }
            long importId = imports.importNow(unit.id(), csv, ADMIN);
            Bench.confirmDeclaredPayments(app, importId);   // paid months back: finance confirms the money (payment truth)
            RosterImports.ImportView view = imports.visibleImport(importId, ADMIN, 3);
            if (!view.status().equals("DONE") || view.accepted() != to - from) {
                throw new IllegalStateException("roster import of unit " + unit.id() + " ended " + view.status() + " with "
                        + view.accepted() + " of " + (to - from) + " accepted: " + view.message() + " " + view.errors());
            }
            progress(bench, "unit %d/%d: %,d members enrolled through the roster import", u + 1, unitCount, to - from);
        }
        Files.deleteIfExists(csv);

        record Imported(long id, long unitId, String orgPath) {
        }
        Map<String, Imported> byPhone = new HashMap<>();
        var personalData = app.getBean(org.huzhu.shared.crypto.PersonalDataCipher.class);
        jdbc.sql("select id, phone_cipher, unit_id, org_path from membership.member where phone_cipher is not null")
                .query((rs, n) -> byPhone.put(personalData.decrypt(rs.getBytes(2)), new Imported(rs.getLong(1), rs.getLong(3), rs.getString(4).intern())))
                .list();
        for (int j = 0; j < members; j++) {
            Imported m = byPhone.get(phone(j));
            if (m == null) throw new IllegalStateException("member " + j + " was not imported");
            ids[j] = m.id();
            units[j] = m.unitId();
            paths[j] = m.orgPath();
        }
        long coverages = jdbc.sql("select count(*) from membership.enrolment e, json_array_elements(e.coverages::json) c")
                .query(Long.class).single();
        progress(bench, "%,d members hold %,d coverages (BASIC, HOSPITAL+ACCIDENT; 1 or 2 shares)", members, coverages);

        Members memberService = app.getBean(Members.class);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int j = thread; j < members; j += threads) {
                        memberService.changeBankAccount(ids[j], new Members.BankAccountChange("中国工商银行武汉分行", card(j)),
                                new CurrentUser(0, "bench-worker", Role.MEMBER, "/", null, null, ids[j]));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        progress(bench, "bank accounts set for %,d members", members);
    }

    private static void progress(String bench, String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench " + bench + "] " + format + "%n", args);
    }
}
