package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.pdf.ChinesePdf;
import org.huzhu.shared.pdf.DocumentParts;
import org.huzhu.shared.pdf.IssuedDocuments;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's list of insured workers (参保人员名单) as a PDF: every worker with cover in force now or later — name, masked ID
 * number, each item with its shares and cover period — with a QR code of its public verification link
 * ({@link IssuedDocuments}). Rows are read and drawn a page of the database at a time (keyset by enrolment), so a unit
 * of thousands is never held in memory as rows. The unit's operator gets their own unit; offices the units of their tree.
 */
@Service
class InsuredList implements IssuedDocuments.Verifier {

    static final String KIND = "INSURED_LIST";
    private static final int PAGE = 200;
    private static final float[] COLUMNS = {0, 34, 100, 240, 370, 400};

    private record Row(long enrolmentId, String name, String maskedIdNumber, List<Coverage> coverages) {
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final IssuedDocuments issued;
    private final ChinesePdf pdf;
    private final Clock clock;

    InsuredList(JdbcClient jdbc, Organisations organisations, Catalogue catalogue, IssuedDocuments issued, ChinesePdf pdf, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.issued = issued;
        this.pdf = pdf;
        this.clock = clock;
    }

    @Transactional   // registers the document it issues
    DocumentParts.Pdf of(long unitId, CurrentUser user) {
        Unit unit = organisations.unit(unitId).filter(u -> user.sees(u.path())).orElseThrow(() -> new NotFoundException("单位不存在"));
        LocalDate today = LocalDate.now(clock);
        IssuedDocuments.Issued doc = issued.issue(KIND, "HZMD", unitId, user.username());
        int workers = insuredCount(unitId, today);
        byte[] content = pdf.draw(w -> {
            w.title("职工互助保障参保人员名单");
            w.line("参保单位：" + unit.name());
            w.line("统计日期：" + today + "　　在保及待生效人数：" + workers + " 人");
            w.rule();
            DocumentParts.row(w, 10, COLUMNS, "序号", "姓名", "身份证号", "保障项目", "份数", "保障期");
            int n = 0;
            long after = 0;
            List<Row> page;
            do {
                page = page(unitId, today, after);
                for (Row r : page) {
                    n++;
                    boolean first = true;
                    for (Coverage c : r.coverages()) {
                        if (!c.inForce() || c.to().isBefore(today)) continue;
                        DocumentParts.row(w, 10, COLUMNS, first ? String.valueOf(n) : "", first ? r.name() : "", first ? r.maskedIdNumber() : "",
                                catalogue.itemName(c.item()), String.valueOf(c.shares()), c.from() + " 至 " + c.to());
                        first = false;
                    }
                    after = r.enrolmentId();
                }
            } while (page.size() == PAGE);
            if (n == 0) w.line(11, 0, "该单位目前没有在保职工。");
            w.gap(4).paragraph(10, 0, "本名单仅含姓名与脱敏身份证号，不含完整证件号码、联系方式和健康信息；保障以系统记录为准。");
            DocumentParts.verification(w, doc, clock.getZone(), "本名单");
        });
        return new DocumentParts.Pdf("参保人员名单-" + unit.name() + "-" + today + ".pdf", content);
    }

    private List<Row> page(long unitId, LocalDate today, long after) {
        return jdbc.sql("""
                select e.id, m.name, m.id_masked, e.coverages::text
                  from membership.enrolment e join membership.member m on m.id = e.member_id
                 where e.unit_id = ? and e.status = 'IN_FORCE' and e.coverage_to >= ? and e.id > ?
                 order by e.id limit ?""")
                .params(unitId, today, after, PAGE)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), CoverageJson.read(rs.getString(4)))).list();
    }

    private int insuredCount(long unitId, LocalDate today) {
        return jdbc.sql("""
                select count(distinct member_id) from membership.enrolment where unit_id = ? and status = 'IN_FORCE' and coverage_to >= ?""")
                .params(unitId, today).query(Integer.class).single();
    }

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind);
    }

    /** The unit and how many of its workers are insured today; the list itself stays with whoever holds it. */
    @Override
    public Optional<IssuedDocuments.Verification> verify(IssuedDocuments.Stored doc) {
        return organisations.unit(doc.subject()).map(unit -> new IssuedDocuments.Verification("参保人员名单核验", doc.number(), doc.issuedAt(),
                !unit.closed(), unit.closed() ? "该单位已注销" : "✓ 参保人员名单由本系统出具",
                List.of(new IssuedDocuments.Fact("参保单位", unit.name()),
                        new IssuedDocuments.Fact("当前在保人数", insuredCount(unit.id(), LocalDate.now(clock)) + " 人"))));
    }
}
