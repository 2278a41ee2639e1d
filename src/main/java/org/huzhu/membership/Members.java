package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.huzhu.contributions.PaymentTruth;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.realname.DocumentType;
import org.huzhu.realname.Verification;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.Masks;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.Pipeline;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member front door: registration, real-name verification, payout account, look-up within scope. */
@Service
public class Members {

    private final MemberRepository repository;
    private final Organisations organisations;
    private final Enrolments enrolments;
    private final PersonalDataCipher cipher;
    private final BankAccountChanges bankAccountChanges;
    private final RealNameVerifications realNames;
    private final Clock clock;
    private final PaymentTruth paymentTruth;

    Members(MemberRepository repository, Organisations organisations, Enrolments enrolments, PersonalDataCipher cipher,
            BankAccountChanges bankAccountChanges, RealNameVerifications realNames, Clock clock, PaymentTruth paymentTruth) {
        this.repository = repository;
        this.paymentTruth = paymentTruth;
        this.realNames = realNames;
        this.bankAccountChanges = bankAccountChanges;
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record NewMember(String name, String idNumber, String phone, String employmentForm, Long unitId) {
    }

    /** A new payout account; staff give a {@code reason} (and {@code evidence}: what they saw) for the second person. */
    public record BankAccountChange(String bankName, String accountNumber, String reason, String evidence) {
        public BankAccountChange(String bankName, String accountNumber) {
            this(bankName, accountNumber, null, null);
        }
    }

    @Transactional
    public Member register(NewMember command, CurrentUser user) {
        if (!user.holds(Right.MEMBER_REGISTER)) throw new AccessDeniedException("cannot register members");
        Checks checks = new Checks();
        String name = checks.parse("name", () -> MemberFacts.name(command.name()));
        IdNumber id = checks.parse("idNumber", () -> MemberFacts.idNumber(command.idNumber(), LocalDate.now(clock)));
        String phone = checks.parse("phone", () -> MemberFacts.phone(command.phone()));
        EmploymentForm form = checks.parse("employmentForm", () -> EmploymentForm.parse(command.employmentForm()));
        Long unitId = command.unitId() != null ? command.unitId() : user.unitId();
        Unit unit = unitId == null ? null : organisations.unit(unitId).filter(u -> user.sees(u.path())).orElse(null);
        if (unitId != null && unit == null) checks.add("unitId", "单位不存在或不在您的管辖范围内");
        checks.throwIfInvalid();
        byte[] hash = MemberFacts.idHash(cipher, id);
        Optional<Member> existing = repository.idByHash(hash).flatMap(repository::find);
        if (existing.isPresent()) throw duplicate(existing.get(), unit, user);
        String orgPath = unit != null ? unit.path() : user.scopePath();
        try {
            long memberId = repository.insert(new MemberRepository.NewMemberRow(name, hash, cipher.encrypt(id.value()),
                    id.masked(), id.gender(), id.birthDate(), MemberFacts.phoneCipher(cipher, phone), Masks.phone(phone), form, unit == null ? null : unit.id(), orgPath));
            Audit.changed("member", memberId, "name", null, name);
            Audit.changed("member", memberId, "idNumber", null, id.masked());
            Audit.changed("member", memberId, "phone", null, Masks.phone(phone));
            Audit.changed("member", memberId, "employmentForm", null, form);
            Audit.changed("member", memberId, "unitId", null, unit == null ? null : unit.id());
            return repository.find(memberId).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("idNumber", "该身份证号码已登记");
        }
    }

    /** A member the caller may see (a worker only themselves); otherwise 404. */
    public Member visibleMember(long id, CurrentUser user) {
        return repository.find(id).filter(m -> visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
    }

    public List<Member> search(CurrentUser user, String name, String idNumber, int limit, int offset) {
        if (user.role() == Role.MEMBER) {
            return user.memberId() == null ? List.of() : repository.find(user.memberId()).stream().toList();
        }
        return repository.visible(user.scopePattern(), name, searchedIdHash(idNumber), limit, offset);
    }

    /** The keyed hash a search by ID number looks for: null without one; for text that is no ID number, one nothing has. */
    byte[] searchedIdHash(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) return null;
        try {
            return MemberFacts.idHash(cipher, IdNumber.parse(idNumber, LocalDate.now(clock)));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /**
     * Records that the worker's real name was verified, with no evidence of how: for the demo's seeded workers
     * only. The free gift cover is not granted here: the worker claims it in the member app ({@link GiftCovers}).
     */
    @Transactional
    public Member verifyRealName(long id, CurrentUser user) {
        Member member = visibleMember(id, user);
        if (!user.holds(Right.MEMBER_VERIFY)) throw new AccessDeniedException("cannot verify real names");
        realNames.markVerified(member);
        return repository.find(member.id()).orElseThrow();
    }

    /**
     * The signed-in worker asks the identity-verification service (三要素) with the name, ID number and phone on
     * record; a match marks them verified. 409 when already verified.
     */
    public Verification verifyOwnRealName(CurrentUser worker) {
        if (worker.role() != Role.MEMBER) throw new AccessDeniedException("only a worker verifies their own real name");
        return realNames.own(worker);
    }

    /**
     * The signed-in worker asks the identity-verification service (四要素) whether a payout card belongs with the
     * name, ID number and phone on record. Nothing changes; on a match the caller changes the account as the worker
     * ({@link #changeBankAccount}). The card's form is checked first (400, field {@code bankCard}).
     */
    public Verification verifyOwnBankCard(CurrentUser worker, String cardNumber) {
        if (worker.role() != Role.MEMBER) throw new AccessDeniedException("only a worker verifies their own card");
        return realNames.ownCard(worker, cardNumber);
    }

    /** What staff saw at the counter: the document's type ({@link DocumentType} name) and the last four characters of its number. */
    public record CounterCheck(String documentType, String documentNumberLast4) {
    }

    /** Staff saw the worker in person with a document: the counter check is kept as evidence and the member marked verified. */
    @Transactional
    public Member counterCheck(long id, CounterCheck check, CurrentUser staff) {
        Member member = visibleMember(id, staff);
        if (!staff.holds(Right.MEMBER_VERIFY)) throw new AccessDeniedException("cannot verify real names");
        realNames.counter(member, check == null ? new CounterCheck(null, null) : check, staff);
        return repository.find(member.id()).orElseThrow();
    }

    /** The worker's own change applies at once; a staff member's is a proposal for a second person ({@link BankAccountChanges}). */
    public BankAccountChanges.Outcome changeBankAccount(long id, BankAccountChange change, CurrentUser user) {
        return bankAccountChanges.change(id, change, user);
    }

    /**
     * How to reach a member: name, mobile number (decrypted; null when none is recorded), the numbers it
     * replaced within the last {@value #FORMER_PHONE_DAYS} days (newest first; a security notice goes to
     * them too), unit and place in the tree. For the notifications module only: never show or log a number.
     */
    public record Contact(long memberId, String name, String phone, List<String> formerPhones, Long unitId, String orgPath) {
        public Contact {
            formerPhones = formerPhones == null ? List.of() : List.copyOf(formerPhones);
        }
    }

    static final int FORMER_PHONE_DAYS = 30;

    public Optional<Contact> contact(long memberId) {
        java.time.Instant since = clock.instant().minus(java.time.Duration.ofDays(FORMER_PHONE_DAYS));
        return repository.contact(memberId).map(c -> new Contact(c.id(), c.name(),
                c.phoneCipher() == null ? null : cipher.decrypt(c.phoneCipher()),
                repository.phonesReplacedSince(memberId, since).stream().map(cipher::decrypt).distinct().toList(), c.unitId(), c.orgPath()));
    }

    /**
     * The current contacts of several members, by member id, in at most one statement (no former numbers): for notices to many.
     * Members this transaction read to decide a claim ({@link #claimantToDecide}) are not read again.
     */
    public java.util.Map<Long, Contact> contacts(java.util.Collection<Long> memberIds) {
        java.util.Map<Long, Contact> out = new java.util.HashMap<>(memberIds.size() * 2);
        List<Long> unread = new java.util.ArrayList<>(memberIds.size());
        for (Long id : memberIds) {
            if (out.containsKey(id)) continue;
            MemberRepository.ContactRow known = ContactsOfTransaction.known(id);
            if (known != null) out.put(id, contact(known));
            else unread.add(id);
        }
        if (!unread.isEmpty()) {
            for (MemberRepository.ContactRow c : repository.contacts(unread.stream().distinct().toArray(Long[]::new))) out.put(c.id(), contact(c));
        }
        return out;
    }

    private Contact contact(MemberRepository.ContactRow c) {
        return new Contact(c.id(), c.name(), c.phoneCipher() == null ? null : cipher.decrypt(c.phoneCipher()), List.of(), c.unitId(),
                c.orgPath());
    }

    /**
     * Changes a member's mobile number (the worker themself, or staff who register members); the number it
     * replaces is kept, encrypted, in the phone history with the time of the change, so that security
     * notices of the next {@value #FORMER_PHONE_DAYS} days reach it too. The same number again changes nothing.
     */
    @Transactional
    public void changePhone(long memberId, String phone, CurrentUser user) {
        Member member = visibleMember(memberId, user);
        if (user.role() != Role.MEMBER && !user.holds(Right.MEMBER_REGISTER)) throw new AccessDeniedException("cannot change phones");
        Checks checks = new Checks();
        String number = checks.parse("phone", () -> MemberFacts.phone(phone));
        if (number == null) checks.add("phone", "请填写手机号码");
        checks.throwIfInvalid();
        replacePhone(member.id(), number);
    }

    /**
     * The member's phone becomes the (valid) number: the one replaced goes to the phone history, the change to the
     * operation log (masked), and a member-app binding to another number lapses ({@link PhoneBindings}).
     */
    void replacePhone(long memberId, String number) {
        repository.lock(memberId).orElseThrow(() -> new NotFoundException("职工不存在"));
        repository.unbindUnless(memberId, PhoneBindings.hash(cipher, number));
        String current = contact(memberId).map(Contact::phone).orElse(null);
        if (number.equals(current)) return;
        repository.changePhone(memberId, cipher.encrypt(number), Masks.phone(number), clock.instant());
        Audit.changed("member", memberId, "phone", Masks.phone(current), Masks.phone(number));
    }

    /**
     * Who a campaign is for, as criteria that all apply: the members of a unit or of an office's part
     * of the tree (neither: the caller's whole scope); of one employment form; enrolled or not (cover
     * in force today or later, or an enrolment awaiting its bill); whose newest cover ends within a
     * period (and who are not already renewing). A null criterion does not restrict.
     */
    public record Audience(Long unitId, Long orgNodeId, EmploymentForm employmentForm, Boolean enrolled, LocalDate coverEndsFrom,
                           LocalDate coverEndsTo) {
    }

    /**
     * A member of an audience: how to reach them ({@link Contact}'s facts; phone decrypted, null when
     * none is recorded) and the last day of their newest cover in force (null when none). For the
     * notifications module only: never show or log the number.
     */
    public record Addressee(long memberId, String name, String phone, Long unitId, String orgPath, LocalDate coverEnd) {
    }

    /**
     * The members of the audience inside the caller's scope, read in one statement, in member order.
     * A unit or office outside the scope answers 404 as if it did not exist; members see no audience.
     */
    public List<Addressee> audience(Audience criteria, CurrentUser user) {
        if (user.role() == Role.MEMBER) throw new AccessDeniedException("members see no audience");
        String path = user.scopePath();
        if (criteria.unitId() != null) {
            path = organisations.visibleUnit(criteria.unitId(), user).path();
        } else if (criteria.orgNodeId() != null) {
            path = Optional.of(organisations.node(criteria.orgNodeId())).filter(n -> user.sees(n.path()))
                    .orElseThrow(() -> new NotFoundException("组织不存在")).path();
        }
        return repository.audience(path, criteria, LocalDate.now(clock)).stream()
                .map(r -> new Addressee(r.id(), r.name(), r.phoneCipher() == null ? null : cipher.decrypt(r.phoneCipher()), r.unitId(),
                        r.orgPath(), r.coverEnd()))
                .toList();
    }

    /**
     * Who a benefit is paid to: the member's name and payout account, decrypted, and when that
     * account last replaced another one (null if never): payouts to a fresh change are held.
     */
    public record Payee(String name, BankAccount account, java.time.Instant accountChangedAt) {
    }

    /** The payee of a member's payouts, for the claims module; empty when no bank account is set. Never log it. */
    public Optional<Payee> payee(long memberId) {
        return repository.payee(memberId)
                .map(p -> new Payee(p.name(), new BankAccount(p.bankName(), cipher.decrypt(p.accountCipher())), p.accountChangedAt()));
    }

    /**
     * What judging and paying a member's claim needs: the member, every coverage in force
     * ({@link Enrolments#coveragesOf}), the payee when a bank account is set, the bills behind the enrolments in force
     * and, when read to decide a claim ({@link #claimantToDecide}), which of those bills hold declared money the bank has
     * not shown in time (empty when not read with the claimant: {@link CoverMoney} then asks).
     */
    public record Claimant(Member member, List<Coverage> coverages, Optional<Payee> payee, List<BilledCover> billed,
                           Optional<Set<Long>> unconfirmedBills) {
    }

    /** The claimant, read in one statement, when the caller may see the member; otherwise 404 (as {@link #visibleMember}). Never log it. */
    public Claimant claimant(long memberId, CurrentUser user) {
        return claimant(repository.claimant(memberId), Optional.empty(), user);
    }

    /**
     * As {@link #claimant}, and in the same round trip what payment truth says of the bills behind the cover
     * ({@link CoverMoney#unconfirmedOn} then asks no more): what deciding a claim reads.
     */
    public Claimant claimantToDecide(long memberId, CurrentUser user) {
        Pipeline pipeline = new Pipeline();
        Supplier<Optional<MemberRepository.ClaimantRow>> row = repository.claimant(memberId, pipeline);
        Supplier<Optional<Set<Long>>> unconfirmed = paymentTruth.unconfirmedBills(pipeline);
        repository.send(pipeline);
        Claimant claimant = claimant(row.get(), unconfirmed.get(), user);
        ContactsOfTransaction.remember(row.get().orElseThrow().contact());   // the decision's notices reach the member as read here
        return claimant;
    }

    private Claimant claimant(Optional<MemberRepository.ClaimantRow> read, Optional<Set<Long>> unconfirmedAnywhere, CurrentUser user) {
        MemberRepository.ClaimantRow row = read.filter(r -> visible(r.member(), user)).orElseThrow(() -> new NotFoundException("职工不存在"));
        Member m = row.member();
        List<BilledCover> billed = BilledCover.parse(row.backing());
        return new Claimant(m, CoverageJson.readAll(row.coverages()).stream().filter(Coverage::inForce).toList(),
                Optional.ofNullable(row.accountCipher())
                        .map(c -> new Payee(row.payeeName(), new BankAccount(m.bankName(), cipher.decrypt(c)), row.accountChangedAt())),
                billed, unconfirmedAnywhere.map(bills -> billed.stream().map(BilledCover::billId).filter(bills::contains)
                        .collect(Collectors.toUnmodifiableSet())));
    }

    /** The bill that paid for one of the member's enrolments in force, and the period it covers (for {@link CoverMoney}). */
    public record BilledCover(long billId, LocalDate from, LocalDate to) {

        boolean activeOn(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        /** "bill from to" entries joined by ';' as the claimant statement gives them; none for null. */
        static List<BilledCover> parse(String entries) {
            if (entries == null || entries.isEmpty()) return List.of();
            List<BilledCover> out = new java.util.ArrayList<>();
            for (String entry : entries.split(";")) {
                String[] part = entry.split(" ");
                out.add(new BilledCover(Long.parseLong(part[0]), LocalDate.parse(part[1]), LocalDate.parse(part[2])));
            }
            return out;
        }
    }

    static boolean visible(Member m, CurrentUser user) {
        if (user.role() == Role.MEMBER) return user.memberId() != null && user.memberId() == m.id();
        return user.sees(m.orgPath());
    }

    /** A worker registered already: said plainly within reach (the unit's own or visible without a unit), else nothing about where. */
    private static ConflictException duplicate(Member existing, Unit unit, CurrentUser user) {
        boolean reachable = existing.unitId() == null ? visible(existing, user) : unit != null && existing.unitId() == unit.id();
        return new ConflictException("idNumber", reachable ? "该身份证号码已登记" : MemberTransfers.REGISTERED_ELSEWHERE);
    }
}
