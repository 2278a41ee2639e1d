package org.huzhu.shared.scope;

import static org.huzhu.shared.scope.Role.ADMIN;
import static org.huzhu.shared.scope.Role.FINANCE;
import static org.huzhu.shared.scope.Role.HOSPITAL;
import static org.huzhu.shared.scope.Role.MEMBER;
import static org.huzhu.shared.scope.Role.REVIEWER;
import static org.huzhu.shared.scope.Role.UNION_STAFF;
import static org.huzhu.shared.scope.Role.UNIT_OPERATOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a person may do, and the roles that hold each right: the one place where a role's rights
 * are written. Every endpoint names the right it needs ({@link Requires}); the API enforces it
 * and the console reads the caller's rights ({@code GET /api/v1/me}) to choose what to show.
 * Where a right is used is decided here; which records it reaches is the caller's data scope.
 */
public enum Right {
    /** No login needed. */
    PUBLIC("公开"),
    /** Anyone logged in. */
    SIGNED_IN("登录用户", ADMIN, UNION_STAFF, REVIEWER, FINANCE, UNIT_OPERATOR, MEMBER, HOSPITAL),

    ORGANISATION_READ("查看组织机构与单位", ADMIN, UNION_STAFF, REVIEWER, FINANCE, UNIT_OPERATOR),
    UNIT_MANAGE("新建与维护单位", ADMIN, UNION_STAFF),
    /** Create, rename, move and close union offices below one's own node, and load division files. */
    ORGANISATION_MANAGE("维护组织机构", ADMIN, UNION_STAFF),

    MEMBER_READ("查看职工与参保记录", ADMIN, UNION_STAFF, REVIEWER, FINANCE, UNIT_OPERATOR, MEMBER),
    MEMBER_REGISTER("登记职工", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    MEMBER_VERIFY("实名认证", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    /** A worker asks the identity-verification service about themself (三要素, in the member app). */
    REAL_NAME_SELF("本人实名认证", MEMBER),
    /** A worker's own payout card in the member app: seen masked, changed after the four-element check. */
    OWN_BANK_CARD("本人收款银行卡", MEMBER),
    /** A worker moves their member-app binding to a new mobile number (a code texted to it first). */
    OWN_PHONE("本人更换手机号码", MEMBER),
    BANK_ACCOUNT_CHANGE("变更收款账户（职工本人直接变更，工作人员提出申请）", ADMIN, UNION_STAFF, UNIT_OPERATOR, MEMBER),
    /** The second person of a staff-proposed payee change (never the proposer). */
    BANK_ACCOUNT_APPROVE("审批收款账户变更", ADMIN, UNION_STAFF),
    /** Ask for a worker of another unit, or decide such a request for the worker's present unit. */
    MEMBER_TRANSFER("职工调动", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    ENROL("办理参保", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    ROSTER_IMPORT("花名册导入", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    SUBSIDY_BUDGET_READ("查看工会补贴预算", ADMIN, UNION_STAFF, FINANCE),
    SUBSIDY_BUDGET_SET("设定工会补贴预算", ADMIN, UNION_STAFF, FINANCE),
    /** Ask to cancel an enrolment (退保), see cancellations and their refunds in scope, correct a unit's refund account. */
    ENROLMENT_CANCEL("申请退保与查看退费", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    /** The second person of a cancellation that refunds money (never the requester). */
    ENROLMENT_CANCEL_APPROVE("复核退保退费", ADMIN, UNION_STAFF),
    /** A unit renews from last year's list: propose, review, confirm (one bill). */
    RENEWAL("单位续保", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    /** Cover expiring soon and lapsed cover, per unit and per office, within scope. */
    COVER_LISTS("查看保障到期与断保名单", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    /** Record that a worker left their unit (离职): the cover stays theirs, the unit no longer lists them. */
    MEMBER_LEAVE("登记职工离职", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    /** Propose a correction of a worker's personal details (name, ID number, employment form) for a second person. */
    MEMBER_CORRECTION("提出职工信息更正", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    /** The second person of a correction of personal details (never its proposer). */
    MEMBER_CORRECTION_APPROVE("审批职工信息更正", ADMIN, UNION_STAFF),
    /** Record a worker's death (身故, ends the cover) and propose the heir who is paid (approved under BANK_ACCOUNT_APPROVE). */
    DEATH_RECORD("登记职工身故与继承人收款", ADMIN, UNION_STAFF, UNIT_OPERATOR),
    /** The list of a unit's insured workers (参保人员名单) as a PDF: the unit its own, offices their tree. */
    INSURED_LIST("下载参保人员名单", ADMIN, UNION_STAFF, UNIT_OPERATOR),

    BILL_READ("查看缴费单", ADMIN, FINANCE, UNION_STAFF, UNIT_OPERATOR),
    PAYMENT_REGISTER("登记到账、冲销与认领", ADMIN, FINANCE),
    BANK_STATEMENT("银行对账单与流水", ADMIN, FINANCE),
    RECONCILIATION("银行对账", ADMIN, FINANCE),
    LEDGER_READ("查看总账", ADMIN, FINANCE),
    /** Back-dated declarations of payment and declared money the bank has not shown: confirmed or refused by finance, never by the declarer. */
    DECLARATION_CONFIRM("确认补报缴费与未到账申报", ADMIN, FINANCE),

    CLAIM_READ("查看申领", ADMIN, UNION_STAFF, REVIEWER, FINANCE, UNIT_OPERATOR, MEMBER),
    CLAIM_FILE("提交申领", ADMIN, UNION_STAFF, UNIT_OPERATOR, MEMBER),
    CLAIM_DOCUMENT_ADD("补充申领材料", ADMIN, UNION_STAFF, REVIEWER, UNIT_OPERATOR, MEMBER),
    CLAIM_DOCUMENT_READ("查看申领材料内容与诊断", ADMIN, UNION_STAFF, REVIEWER, MEMBER),
    CLAIM_DECIDE("审核申领", ADMIN, REVIEWER),
    PAYMENT_RETRY("重新发起支付", FINANCE),
    RECOGNITION("票据识别", ADMIN, UNION_STAFF, REVIEWER, FINANCE, UNIT_OPERATOR, MEMBER),
    /** An office's head (its union staff) or the administrator hands claims in review to reviewers, or back to the pool. */
    CLAIM_ASSIGN("分派与改派审核任务", ADMIN, UNION_STAFF),
    /** Follow-up notes on a claim by the province, city and county unions (省、市、县三级工会专人跟进): append-only. */
    CLAIM_NOTE("理赔跟进记录", ADMIN, UNION_STAFF, REVIEWER),
    /** Who holds which claim in review, per reviewer and office, with the claims' ageing against the payment promise. */
    CLAIM_WORKLOAD("查看审核工作量与分派情况", ADMIN, UNION_STAFF, REVIEWER),
    /** The post-payment check queue of automatic approvals and the recoveries it opened (recording results: CLAIM_DECIDE). */
    CLAIM_AUDIT("查看事后抽查与互助金追回", ADMIN, REVIEWER, FINANCE),
    /** The partner hospitals inside one's scope and their 申领提示牌 (a hospital desk: its own hospital only). */
    HOSPITAL_READ("查看合作医院与下载申领提示牌", ADMIN, UNION_STAFF, HOSPITAL),
    /** Register partner hospitals of one's office and below, edit them and end a partnership (合作医院). */
    HOSPITAL_MANAGE("维护合作医院", ADMIN, UNION_STAFF),
    /** A hospital desk asks, at discharge, whether a patient has cover (FHIR CoverageEligibilityRequest). */
    ELIGIBILITY_QUERY("出院参保查询", HOSPITAL),

    PAYOUT_READ("查看互助金支付", ADMIN, FINANCE),
    PAYOUT_MANAGE("编制、放行与重新支付", FINANCE),

    /** A member's message history and the delivery statistics, within scope. */
    NOTIFICATION_READ("查看通知记录与发送统计", ADMIN, UNION_STAFF, REVIEWER),
    /** A worker's own choice about publicity, or staff recording it from the worker's signed consent. */
    /** A worker's own cover (我的保障) and the electronic cover certificate (参保凭证). */
    OWN_COVER("查看本人保障与下载参保凭证", MEMBER),
    /** A worker without a unit enrols and pays for themself online, and renews (参保缴费, member app). */
    OWN_ENROLMENT("本人参保缴费", MEMBER),
    /**
     * A worker's own claims in the member app: file with photos, confirm what was read, claim another item too,
     * submit, add photos, withdraw a draft and follow progress — their own claims only (others 404).
     */
    OWN_CLAIM("本人申领互助金与查看办理进度", MEMBER),
    /** A verified new-form worker claims the free gift cover themself, after its consent screen (member app). */
    GIFT_COVER_CLAIM("领取免费意外保障", MEMBER),
    CONSENT_RECORD("记录是否接收宣传推广", ADMIN, UNION_STAFF, UNIT_OPERATOR, MEMBER),
    /** Templates are the province's: a new version applies to every office. */
    NOTIFICATION_TEMPLATE_MANAGE("维护通知模板", ADMIN),
    /** Publicity campaigns (宣传推广) to workers inside one's scope who consented. */
    CAMPAIGN_MANAGE("宣传推广短信", ADMIN, UNION_STAFF),

    /** Dashboards (统计看板), the lists behind their figures and the statistical reports (统计报表) of one's part of the tree. */
    REPORT_READ("查看统计看板与报表", ADMIN, UNION_STAFF, FINANCE, REVIEWER, UNIT_OPERATOR),
    /**
     * The money among the statistics (billed, received, outstanding, subsidies, gift covers, refunds, payouts failed, the
     * loss ratio) and the statistical reports (统计报表), which carry it: for the offices and finance, not for reviewers,
     * who see the enrolment and claims figures only.
     */
    REPORT_MONEY("查看统计中的资金数字与统计报表", ADMIN, UNION_STAFF, FINANCE, UNIT_OPERATOR),
    /** Yearly targets (年度目标) of the offices directly below one's own. */
    REPORT_TARGET_SET("设定下级年度目标", ADMIN, UNION_STAFF),

    CALENDAR_LOAD("加载节假日安排", ADMIN),
    /**
     * Create and keep accounts inside one's scope (系统管理 → 用户), never granting a role with a
     * right the caller lacks (an administrator grants any role).
     */
    ACCOUNT_MANAGE("管理用户账户", ADMIN, UNION_STAFF),
    /** Union staff read the rows of accounts inside their own part of the tree; the administrator all. */
    OPERATION_LOG_READ("查看与导出操作日志", ADMIN, UNION_STAFF),
    LOGIN_LOG_READ("查看与导出登录日志", ADMIN, UNION_STAFF),
    /** Exports of the console's lists with ID numbers, phones and bank accounts in clear ({@code unmasked=true}); each one logged. */
    EXPORT_UNMASKED("导出未脱敏个人信息", ADMIN),
    /** The OpenAPI description and its browsable UI (open to all in demo mode). */
    API_DOCS("查看接口文档", ADMIN, UNION_STAFF, REVIEWER, FINANCE, UNIT_OPERATOR);

    private final String chinese;
    private final Set<Role> roles;

    Right(String chinese, Role... roles) {
        this.chinese = chinese;
        this.roles = roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public String chinese() {
        return chinese;
    }

    /** Whether the right needs no login. */
    public boolean isPublic() {
        return this == PUBLIC;
    }

    public boolean heldBy(Role role) {
        return isPublic() || roles.contains(role);
    }

    /** Whether any of the roles holds the right (an account may combine roles). */
    public boolean heldBy(java.util.Collection<Role> holders) {
        return isPublic() || holders.stream().anyMatch(roles::contains);
    }

    /** The rights a role holds, in declaration order (public ones left out). */
    public static List<Right> of(Role role) {
        return of(Set.of(role));
    }

    /** The rights any of the roles holds, in declaration order (public ones left out). */
    public static List<Right> of(java.util.Collection<Role> holders) {
        return java.util.Arrays.stream(values()).filter(r -> !r.isPublic() && r.heldBy(holders)).toList();
    }
}
