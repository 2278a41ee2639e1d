package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The free gift cover (the catalogue's GIG_ACCIDENT item), claimed by the worker in the member app after reading
 * what it is: a verified worker of one of the new employment forms claims it once a year, within the yearly
 * places of the offices above them ({@link GiftCoverQuotas}), with or without an employer unit. Staff never grant
 * it; real-name verification alone grants nothing.
 */
@Service
public class GiftCovers {

    static final String USED_UP = "今年的赠送名额已发完";

    /** The kinds of new-form work the gift is for; the worker says which on the consent screen. */
    public enum WorkKind {
        DELIVERY_RIDER("外卖骑手"), COURIER("快递员"), RIDE_HAILING_DRIVER("网约车司机"), TRUCK_DRIVER("货车司机");

        private final String chinese;

        WorkKind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    public record Kind(String code, String name) {
    }

    /**
     * Whether the worker may claim now ({@code reason} says why not, in plain words), and the consent screen's text:
     * what the cover is, its conditions and what the worker agrees to.
     */
    public record Offer(boolean eligible, boolean claimed, String reason, String itemName, String explanation,
                        List<String> conditions, String consent, List<Kind> workKinds) {
    }

    private final MemberRepository members;
    private final Enrolments enrolments;
    private final GiftCoverQuotas quotas;
    private final Catalogue catalogue;
    private final Clock clock;

    GiftCovers(MemberRepository members, Enrolments enrolments, GiftCoverQuotas quotas, Catalogue catalogue, Clock clock) {
        this.members = members;
        this.enrolments = enrolments;
        this.quotas = quotas;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Offer offer(long memberId) {
        Member member = members.find(memberId).orElseThrow(() -> new NotFoundException("职工不存在"));
        LocalDate today = LocalDate.now(clock);
        Optional<CatalogueVersion.Item> item = item(today);
        boolean claimed = quotas.claimed(memberId, today.getYear());
        String reason = claimed ? "您今年已领取免费意外保障" : refusal(member, item, quotas.onPath(member.orgPath(), today.getYear(), false));
        String name = item.map(CatalogueVersion.Item::name).orElse("免费意外保障");
        int months = item.flatMap(i -> i.plan(i.defaultPlan())).map(CatalogueVersion.Plan::termMonths).orElse(12);
        String explanation = "工会免费为您提供一份「" + name + "」：在保障期内因意外受伤、致残或身故，可按规定申领互助金。"
                + "保障期 " + months + " 个月，自领取的次日起生效，您和单位都不用缴费。";
        List<String> conditions = List.of(
                "已完成实名认证的新就业形态劳动者（外卖骑手、快递员、网约车司机、货车司机）可以领取，有无工作单位均可。",
                "每人每年限领一份；已持有该保障且尚未到期的，不能重复领取。",
                "名额由工会按年度设定，发完即止。");
        String consent = "本人确认从事所选的新就业形态工作，同意工会以本人登记的姓名、身份证号码为本人办理该项保障。";
        List<Kind> kinds = Arrays.stream(WorkKind.values()).map(k -> new Kind(k.name(), k.chinese())).toList();
        return new Offer(reason == null, claimed, reason, name, explanation, conditions, consent, kinds);
    }

    /**
     * The worker claims the gift cover, having agreed to the consent screen: 409 when not eligible, already claimed
     * this year, already covered, or when the places of an office above them are used up.
     */
    @Transactional
    public Enrolments.EnrolmentView claim(long memberId, WorkKind kind) {
        Member member = members.lock(memberId).orElseThrow(() -> new NotFoundException("职工不存在"));
        LocalDate today = LocalDate.now(clock);
        if (quotas.claimed(memberId, today.getYear())) throw new ConflictException("您今年已领取免费意外保障");
        String refusal = refusal(member, item(today), quotas.onPath(member.orgPath(), today.getYear(), true));
        if (refusal != null) throw new ConflictException(refusal);
        Enrolments.EnrolmentView granted = enrolments.grantGiftCover(memberId, today);
        if (granted == null) throw new ConflictException("您已持有该保障，到期后可再领取");
        quotas.recordClaim(memberId, today.getYear(), granted.id(), member.orgPath(), kind, clock.instant());
        return granted;
    }

    /** Sets an office's number of gift places for a year (demo data and administration). */
    @Transactional
    public void setQuota(long nodeId, int year, int quota) {
        if (quota < 0) throw new IllegalArgumentException("名额不能为负数");
        quotas.set(nodeId, year, quota);
    }

    private static String refusal(Member member, Optional<CatalogueVersion.Item> item, List<GiftCoverQuotas.Quota> places) {
        if (member.realNameVerifiedAt() == null) return "请先完成实名认证";
        if (member.employmentForm() != EmploymentForm.NEW_FORM) return "免费意外保障仅面向新就业形态劳动者";
        if (item.isEmpty()) return "目前没有可领取的赠送保障";
        if (places.isEmpty() || places.stream().anyMatch(q -> q.left() == 0)) return USED_UP;
        return null;
    }

    private Optional<CatalogueVersion.Item> item(LocalDate today) {
        return catalogue.activeOn(today.plusDays(1)).item(Enrolments.GIFT_ITEM);
    }
}
