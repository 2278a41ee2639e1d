package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.Masks;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Service;

/**
 * What a worker holds, told in plain words for the worker: each item of each enrolment with its name from the
 * catalogue, plan, shares, period, the end of the illness waiting period, who paid and whether it covers today.
 * Read by the member app's 我的保障 screen, the electronic cover certificate (参保凭证) and a partner hospital's
 * discharge desk ({@link #heldOn}).
 */
@Service
public class MemberCover {

    /** IN_FORCE: covers today; WAITING: paid but not started, or awaiting payment; ENDED: its period is over. */
    public enum Status {
        IN_FORCE("保障中"), WAITING("待生效"), ENDED("已结束");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One item held: {@code from}/{@code to} null while awaiting payment; {@code waitingEnds} null when there is none. */
    public record Item(String item, String itemName, String plan, String planName, int shares, LocalDate from, LocalDate to,
                       LocalDate waitingEnds, Status status, String statusWords, String paidBy) {
    }

    /** Who the cover belongs to, masked, and the union office that issues their certificate. */
    public record Holder(long memberId, String maskedName, String maskedIdNumber, String office) {
    }

    private final MemberRepository members;
    private final EnrolmentRepository enrolments;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final Clock clock;
    private final PersonalDataCipher cipher;

    MemberCover(MemberRepository members, EnrolmentRepository enrolments, Catalogue catalogue, Organisations organisations,
                Clock clock, PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.members = members;
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The member, masked, and the office of their unit (their union node); empty when there is no such member. */
    public Optional<Holder> holder(long memberId) {
        return members.find(memberId).map(m -> new Holder(m.id(), Masks.name(m.name()), m.maskedIdNumber(), office(m)));
    }

    /** Every item the member holds or held, newest period first (items awaiting payment first of all). */
    public List<Item> itemsOf(long memberId) {
        LocalDate today = LocalDate.now(clock);
        Map<String, CatalogueVersion> terms = new HashMap<>();
        List<Item> items = new ArrayList<>();
        for (EnrolmentRepository.Stored e : enrolments.ofMember(memberId)) {
            if (e.status() == EnrolmentRepository.Status.CANCELLED) continue;
            CatalogueVersion version = terms.computeIfAbsent(e.catalogueVersion(),
                    code -> catalogue.version(code).orElseGet(() -> catalogue.activeOn(today)));
            for (Coverage c : e.coverages()) items.add(item(c, version, paidBy(e), today));
        }
        items.sort((a, b) -> a.from() == null ? (b.from() == null ? 0 : -1) : b.from() == null ? 1 : b.from().compareTo(a.from()));
        return items;
    }

    /**
     * The items a person held on {@code day} (in force that day), found by their resident ID number and only when the
     * name on record is the one given (spaces and the middle dot of minority names aside): for a partner hospital's
     * discharge desk. An ID number nobody registered, another name and no cover that day all answer the same empty
     * list, so that the answer never tells whether someone is registered.
     */
    public List<Item> heldOn(IdNumber idNumber, String name, LocalDate day) {
        Optional<Member> member = members.idByHash(MemberFacts.idHash(cipher, idNumber)).flatMap(members::find)
                .filter(m -> sameName(m.name(), name));
        if (member.isEmpty()) return List.of();
        return itemsOf(member.get().id()).stream()
                .filter(i -> i.from() != null && !day.isBefore(i.from()) && !day.isAfter(i.to())).toList();
    }

    private static boolean sameName(String onRecord, String given) {
        return given != null && plainName(onRecord).equals(plainName(given));
    }

    private static String plainName(String name) {
        return name.replaceAll("[\\s\u00B7\u2022\u30FB\u2027.]", "");
    }

    private static Item item(Coverage c, CatalogueVersion version, String paidBy, LocalDate today) {
        Optional<CatalogueVersion.Item> item = version.item(c.item());
        String planName = item.flatMap(i -> i.plan(c.plan())).map(CatalogueVersion.Plan::name).orElse(c.plan());
        int waitingDays = item.map(CatalogueVersion.Item::illnessWaitingDays).orElse(0);
        LocalDate waitingEnds = c.inForce() && waitingDays > 0 && !c.renewedWithoutGap() ? c.from().plusDays(waitingDays - 1) : null;
        Status status = !c.inForce() || c.from().isAfter(today) ? Status.WAITING
                : c.to().isBefore(today) ? Status.ENDED : Status.IN_FORCE;
        return new Item(c.item(), item.map(CatalogueVersion.Item::name).orElse(c.item()), c.plan(), planName, c.shares(),
                c.from(), c.to(), waitingEnds, status, status.words(), paidBy);
    }

    /** Who paid, in the worker's words. */
    private static String paidBy(EnrolmentRepository.Stored e) {
        if (e.gift() != null && e.gift().isPositive()) return "工会赠送";
        Funding f = e.funding();
        if (f.member().isPositive()) return f.unit().isPositive() || f.union().isPositive() ? "单位、工会与本人共同缴费" : "本人缴费";
        if (f.union().isPositive()) return f.unit().isPositive() ? "单位缴费，工会补贴" : "工会补贴";
        return "单位缴费";
    }

    private String office(Member member) {
        if (member.unitId() == null) return "职工互助保障";
        return organisations.unit(member.unitId()).map(u -> organisations.node(u.organisationId()).name()).orElse("职工互助保障");
    }
}
