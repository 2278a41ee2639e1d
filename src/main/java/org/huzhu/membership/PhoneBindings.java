package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.Masks;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which member a mobile number signs in to the member app (掌上办) as. A worker binds their number once, by
 * name and ID number as registered (the sign-in code has proved they hold the number): a number belongs to
 * one member and a member to one number. Binding makes the number the member's phone (the one it replaces
 * goes to the phone history); changing the member's phone to another number ends the binding. Refusals
 * never say which member holds a number, nor whether an ID number is registered under another name.
 */
@Service
public class PhoneBindings {

    public static final String NOT_FOUND = "未找到您的参保登记，请联系所在单位或工会";
    public static final String BOUND_ELSEWHERE = "该手机号已绑定其他参保人，不能再绑定。如有疑问，请联系所在单位或工会";
    public static final String MEMBER_BOUND = "您的参保登记已绑定其他手机号，请用该手机号登录；如已换号，请联系所在单位或工会";

    private final MemberRepository repository;
    private final Members members;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PhoneBindings(MemberRepository repository, Members members, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.members = members;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /** The member the number is bound to, if any. */
    public Optional<Member> boundMember(String phone) {
        return repository.boundTo(hash(cipher, number(phone))).flatMap(repository::find);
    }

    /**
     * Binds the number to the member registered under this name and ID number, or answers the member it is
     * bound to already. Refused when no member matches both, when the number is another member's and when
     * the member signs in with another number.
     */
    @Transactional
    public Member bind(String phone, String name, String idNumber) {
        String number = number(phone);
        Checks checks = new Checks();
        String given = checks.parse("name", () -> MemberFacts.name(name));
        IdNumber id = checks.parse("idNumber", () -> MemberFacts.idNumber(idNumber, LocalDate.now(clock)));
        checks.throwIfInvalid();
        Member member = repository.idByHash(MemberFacts.idHash(cipher, id)).flatMap(repository::lock)
                .filter(m -> m.name().equals(given))
                .orElseThrow(() -> InvalidInputException.of("idNumber", NOT_FOUND));
        byte[] hash = hash(cipher, number);
        Optional<Long> holder = repository.boundTo(hash);
        if (holder.isPresent() && holder.get() == member.id()) return member;
        if (holder.isPresent()) throw new ConflictException("phone", BOUND_ELSEWHERE);
        if (repository.bound(member.id())) throw new ConflictException("idNumber", MEMBER_BOUND);
        members.replacePhone(member.id(), number);
        if (!repository.bind(member.id(), hash, clock.instant())) throw new ConflictException("phone", BOUND_ELSEWHERE);
        Audit.changed("member", member.id(), "appPhone", null, Masks.phone(number));
        return repository.find(member.id()).orElseThrow();
    }

    /**
     * The signed-in worker moves their binding to a new number (the sign-in code sent to it has proved they hold
     * it): the number becomes their phone, the one it replaces goes to the phone history and {@link PhoneChanged}
     * is published (a notice to the old number). Refused when the number is already theirs or another member's.
     */
    @Transactional
    public Member rebind(CurrentUser worker, String phone) {
        if (worker.role() != Role.MEMBER || worker.memberId() == null) throw new AccessDeniedException("only a worker rebinds their phone");
        String number = number(phone);
        Member member = repository.lock(worker.memberId()).orElseThrow(() -> new NotFoundException("职工不存在"));
        byte[] hash = hash(cipher, number);
        Optional<Long> holder = repository.boundTo(hash);
        if (holder.isPresent() && holder.get() == member.id()) throw new ConflictException("phone", "这已是您绑定的手机号码");
        if (holder.isPresent()) throw new ConflictException("phone", BOUND_ELSEWHERE);
        String old = members.contact(member.id()).map(Members.Contact::phone).orElse(null);
        members.replacePhone(member.id(), number);
        if (!repository.bind(member.id(), hash, clock.instant())) throw new ConflictException("phone", BOUND_ELSEWHERE);
        Audit.changed("member", member.id(), "appPhone", Masks.phone(old), Masks.phone(number));
        events.publishEvent(new PhoneChanged(member.id(), Masks.phone(old), Masks.phone(number), clock.instant()));
        return repository.find(member.id()).orElseThrow();
    }

    /** The mobile number as written by people (spaces, dashes, +86), as stored; refused (400, field phone) if it is none. */
    public static String number(String phone) {
        String number;
        try {
            number = MemberFacts.phone(phone);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("phone", "请输入正确的11位手机号码");
        }
        if (number == null) throw InvalidInputException.of("phone", "请输入手机号码");
        return number;
    }

    static byte[] hash(PersonalDataCipher cipher, String number) {
        return cipher.hash("phone:" + number);
    }
}
