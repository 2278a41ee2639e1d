package org.huzhu.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.contributions.Contributions;
import org.huzhu.identity.Accounts;
import org.huzhu.membership.GiftCovers;
import org.huzhu.membership.Member;
import org.huzhu.membership.MemberTransfers;
import org.huzhu.membership.Members;
import org.huzhu.membership.RosterImports;
import org.huzhu.membership.SubsidyBudgetAdmin;
import org.huzhu.notifications.Consents;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Seeds demo data once, through the same services a union office uses. */
@Component
@ConditionalOnProperty(name = "huzhu.demo.enabled", havingValue = "true")
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final CurrentUser SYSTEM = new CurrentUser(0, "demo-seeder", Role.ADMIN, "/", null, null, null);
    private static final CurrentUser FINANCE = new CurrentUser(0, "demo-finance", Role.FINANCE, "/", null, null, null);

    private final Organisations organisations;
    private final Members members;
    private final RosterImports imports;
    private final SubsidyBudgetAdmin budgets;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final DemoProperties properties;
    private final PayoutDemo payoutDemo;
    private final MemberTransfers transfers;
    private final Clock clock;
    private final Consents consents;
    private final GiftCovers gifts;
    private final HospitalDemo hospitals;
    private final ReportingDemo reporting;
    private final Contributions contributions;

    DemoSeeder(Organisations organisations, Members members, RosterImports imports, SubsidyBudgetAdmin budgets,
               Accounts accounts, JdbcClient jdbc, DemoProperties properties, PayoutDemo payoutDemo, MemberTransfers transfers,
               Clock clock, Consents consents, GiftCovers gifts, HospitalDemo hospitals, Contributions contributions,
               ReportingDemo reporting) {
        this.contributions = contributions;
        this.reporting = reporting;
        this.hospitals = hospitals;
        this.consents = consents;
        this.gifts = gifts;
        this.payoutDemo = payoutDemo;
        this.transfers = transfers;
        this.organisations = organisations;
        this.members = members;
        this.imports = imports;
        this.budgets = budgets;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    private record County(String name, String area) {
    }

    private record City(String name, String area, List<County> counties) {
    }

    private static final List<City> CITIES = List.of(
            new City("武汉市总工会", "4201", List.of(new County("江岸区总工会", "420102"), new County("武昌区总工会", "420106"),
                    new County("洪山区总工会", "420111"))),
            new City("荆门市总工会", "4208", List.of(new County("东宝区总工会", "420802"), new County("掇刀区总工会", "420804"),
                    new County("京山市总工会", "420882"))),
            new City("恩施州总工会", "4228", List.of(new County("恩施市总工会", "422801"), new County("利川市总工会", "422802"),
                    new County("巴东县总工会", "422823"))));

    private static final String[][] UNIT_NAMES = {
            {"GOVERNMENT", "人民医院"}, {"STATE_OWNED", "供电公司"}, {"PRIVATE", "物流有限公司"}, {"OTHER", "商会服务中心"},
            {"PRIVATE", "外卖配送站"}, {"STATE_OWNED", "城市建设投资集团"}, {"GOVERNMENT", "第一中学"},
            {"PRIVATE", "食品有限公司"}, {"PRIVATE", "网约车服务有限公司"}, {"OTHER", "社区卫生服务中心"}};

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.sql("select count(*) from organisation.org_node").query(Long.class).single() > 0) {
            log.info("Demo data already present; not seeding again");
            hospitals.seed(SYSTEM);
            reporting.seed();
            return;
        }
        long started = System.nanoTime();
        DemoPeople people = new DemoPeople(20260101L);
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        OrgNode province = organisations.createNode("湖北省总工会", Level.PROVINCE, null, "420000");
        budgets.set(new SubsidyBudgetAdmin.BudgetChange(province.id(), year, "2000000.00"), SYSTEM);
        for (int y = year - 1; y <= year + 1; y++) gifts.setQuota(province.id(), y, 400_000);
        List<Unit> units = new ArrayList<>();
        List<OrgNode> cities = new ArrayList<>();
        OrgNode wuhan = null;
        OrgNode jingmen = null;
        int u = 0;
        for (City city : CITIES) {
            OrgNode cityNode = organisations.createNode(city.name(), Level.CITY, province, city.area() + "00");
            cities.add(cityNode);
            if (city.area().equals("4201")) wuhan = cityNode;
            if (city.area().equals("4208")) jingmen = cityNode;
            budgets.set(new SubsidyBudgetAdmin.BudgetChange(cityNode.id(), year, "300000.00"), SYSTEM);
            for (County county : city.counties()) {
                OrgNode countyNode = organisations.createNode(county.name(), Level.COUNTY, cityNode, county.area());
                if (county.area().equals("420823") || county.area().equals("422823")) {
                    budgets.set(new SubsidyBudgetAdmin.BudgetChange(countyNode.id(), year, "2000.00"), SYSTEM);
                }
                for (int k = 0; k < 3 + (county.area().equals("420102") ? 1 : 0); k++) {
                    String[] kind = UNIT_NAMES[u++ % UNIT_NAMES.length];
                    String place = county.name().replace("总工会", "");
                    Unit unit = organisations.createUnit(new Organisations.NewUnit(place + kind[1], people.creditCode(county.area(),
                            kind[0].equals("GOVERNMENT") ? 'G' : 'E'), kind[0], headcount(people),
                            countyNode.id(), null), SYSTEM);
                    units.add(unit);
                    seedMembers(unit, county.area(), people, today);
                }
            }
        }
        Unit demoUnit = units.getFirst();
        Member demoMember = members.search(SYSTEM, null, null, 1, 0).stream().filter(m -> demoUnit.id() == m.unitId())
                .findFirst().orElseThrow();
        members.changeBankAccount(demoMember.id(), new Members.BankAccountChange("中国建设银行武汉江岸支行", people.bankCard()),
                new CurrentUser(0, "demo-member", Role.MEMBER, demoUnit.path(), null, demoUnit.id(), demoMember.id()));
        verifyGigWorkers();
        consentToPublicity();
        createAccounts(province, wuhan, jingmen, demoUnit, demoMember);
        payoutDemo.seed(cities, SYSTEM, new CurrentUser(0, "demo-finance", Role.FINANCE, province.path(), province.id(), null, null), people);
        seedTransfersAndAccountChange(units, wuhan, demoUnit, demoMember, people);
        hospitals.seed(SYSTEM);
        reporting.seed();
        log.info("Demo data seeded in {} ms: {} units, {} members", (System.nanoTime() - started) / 1_000_000, units.size(),
                jdbc.sql("select count(*) from membership.member").query(Long.class).single());
    }

    /** Large enough that the seeded roster meets the unit's minimum participation. */
    private int headcount(DemoPeople people) {
        int enrolled = properties.membersPerUnit();
        return enrolled <= 30 ? enrolled : enrolled + people.nextInt(enrolled / 2);
    }

    private void seedMembers(Unit unit, String area, DemoPeople people, LocalDate today) throws IOException {
        Path csv = Files.createTempFile("demo-roster", ".csv");
        boolean gig = unit.name().contains("配送") || unit.name().contains("网约车");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\n");
            for (int i = 0; i < properties.membersPerUnit(); i++) {
                char sex = people.sex();
                String plan = switch (i % 10) {
                    case 0 -> sex == 'F' ? "HOSPITAL+FEMALE_SPECIAL:UPG" : "HOSPITAL+CRITICAL_ILLNESS";
                    case 1 -> "HOSPITAL+ACCIDENT";
                    default -> "BASIC";
                };
                LocalDate paidOn = payday(unit, today, people.nextInt(300));
                out.write(people.name() + "," + people.idNumber(area, 1966, 2004, sex) + "," + people.phone() + ","
                        + (gig && i % 2 == 0 ? "NEW_FORM" : "REGULAR") + "," + plan + "," + (1 + (i % 7 == 0 ? 1 : 0)) + ","
                        + paidOn + "\n");
            }
        }
        long importId = imports.importNow(unit.id(), csv, SYSTEM);
        Files.deleteIfExists(csv);
        contributions.confirmDeclarationsOfBatch(Contributions.BatchKind.ROSTER_IMPORT, importId, FINANCE);
    }

    /**
     * The day a seeded row was paid: one of four paydays of the unit over the past year (a unit pays its roster in a few
     * transfers), never within the last 20 days. Rows dated that far back wait for finance (payment truth), so the seeder
     * then plays demo-finance and confirms each payday's money, and each payday's workers are covered from the day after it.
     */
    private static LocalDate payday(Unit unit, LocalDate today, int drawn) {
        return today.minusDays(20 + drawn / 75 * 75 + unit.id() % 30);
    }

    /** About two thirds of the new-form workers are verified; of those, every other one claimed the gift cover. */
    private void verifyGigWorkers() {
        List<Long> ids = jdbc.sql("select id from membership.member where employment_form = 'NEW_FORM' order by id")
                .query(Long.class).list();
        GiftCovers.WorkKind[] kinds = GiftCovers.WorkKind.values();
        for (int i = 0; i < ids.size(); i++) {
            if (i % 3 == 2) continue;
            members.verifyRealName(ids.get(i), SYSTEM);
            if (i % 2 == 0) gifts.claim(ids.get(i), kinds[i % kinds.length]);
        }
    }

    /** About two thirds of the members agreed on the roster to receive publicity, so that campaigns reach people. */
    private void consentToPublicity() {
        List<Long> ids = jdbc.sql("select id from membership.member order by id").query(Long.class).list();
        for (int i = 0; i < ids.size(); i++) {
            if (i % 3 != 0) consents.record(ids.get(i), true, Consents.Source.ROSTER, "演示数据");
        }
    }

    /**
     * Two transfers into the demo unit from another Wuhan unit, asked by demo-unit: one approved by
     * demo-wuhan, one waiting for it; and a change of the demo member's account proposed by demo-unit,
     * waiting for a second person (demo-admin or demo-wuhan).
     */
    private void seedTransfersAndAccountChange(List<Unit> units, OrgNode wuhan, Unit demoUnit, Member demoMember, DemoPeople people) {
        CurrentUser operator = new CurrentUser(0, "demo-unit", Role.UNIT_OPERATOR, demoUnit.path(), demoUnit.organisationId(),
                demoUnit.id(), null);
        CurrentUser wuhanStaff = new CurrentUser(0, "demo-wuhan", Role.UNION_STAFF, wuhan.path(), wuhan.id(), null, null);
        Unit other = units.stream().filter(x -> x.id() != demoUnit.id() && x.path().startsWith(wuhan.path())
                && x.organisationId() != demoUnit.organisationId()).findFirst().orElseThrow();
        for (int i = 0; i < 2; i++) {
            String idNumber = people.idNumber("420106", 1975, 1995, people.sex());
            Member m = members.register(new Members.NewMember(people.name(), idNumber, people.phone(), "REGULAR", other.id()), SYSTEM);
            var transfer = transfers.request(new MemberTransfers.TransferRequest(idNumber, m.name(), demoUnit.id(),
                    i == 0 ? "职工劳动合同转至本单位" : "职工调入本单位工作"), operator);
            if (i == 0) transfers.approve(transfer.id(), new MemberTransfers.Decision("已与原单位核实"), wuhanStaff);
        }
        members.changeBankAccount(demoMember.id(), new Members.BankAccountChange("中国农业银行武汉江岸支行", people.bankCard(),
                "职工更换工资卡，本人到单位申请", "新银行卡复印件、职工签字的变更申请表"), operator);
    }

    private void createAccounts(OrgNode province, OrgNode wuhan, OrgNode jingmen, Unit unit, Member member) {
        account("demo-admin", "演示管理员（湖北省总工会）", Role.ADMIN, province.id(), null, null, province.path());
        account("demo-admin2", "演示复核管理员（湖北省总工会）", Role.ADMIN, province.id(), null, null, province.path());
        account("demo-reviewer", "演示审核员（中互会湖北办事处）", Role.REVIEWER, province.id(), null, null, province.path());
        account("demo-reviewer2", "演示复核审核员（中互会湖北办事处）", Role.REVIEWER, province.id(), null, null, province.path());
        account("demo-finance", "演示财务（湖北省总工会）", Role.FINANCE, province.id(), null, null, province.path());
        account("demo-finance-checker", "演示复核财务（湖北省总工会）", Role.FINANCE, province.id(), null, null, province.path());
        account("demo-wuhan", "演示工作人员（武汉市总工会）", Role.UNION_STAFF, wuhan.id(), null, null, wuhan.path());
        account("demo-jingmen", "演示工作人员（荆门市总工会）", Role.UNION_STAFF, jingmen.id(), null, null, jingmen.path());
        account("demo-unit", "演示经办人（" + unit.name() + "）", Role.UNIT_OPERATOR, unit.organisationId(), unit.id(), null, unit.path());
        account("demo-member", "演示职工（" + member.name() + "）", Role.MEMBER, null, unit.id(), member.id(), unit.path());
    }

    private void account(String username, String displayName, Role role, Long orgNodeId, Long unitId, Long memberId, String scope) {
        if (accounts.exists(username)) return;
        accounts.create(new Accounts.NewAccount(username, username, displayName, role, orgNodeId, unitId, memberId, scope, true));
    }
}
