// The console shell: who is logged in, which sections their rights open, hash navigation.

import { api, catalogue, fill, h, icon, setToday, toast } from './lib.js';
import * as organisation from './sections/organisation.js';
import * as members from './sections/members.js';
import * as enrolment from './sections/enrolment.js';
import * as roster from './sections/roster.js';
import * as ledger from './sections/ledger.js';
import * as claims from './sections/claims.js';
import * as payouts from './sections/payouts.js';
import * as contributions from './sections/contributions.js';
import * as transfers from './sections/transfers.js';
import * as renewal from './sections/renewal.js';
import * as accounts from './sections/accounts.js';
import * as account from './sections/account.js';
import * as orgadmin from './sections/orgadmin.js';
import * as oplog from './sections/oplog.js';
import * as templates from './sections/templates.js';
import * as deliveries from './sections/deliveries.js';
import * as inbox from './sections/inbox.js';
import * as campaigns from './sections/campaigns.js';
import * as hospitals from './sections/hospitals.js';
import * as hospitalDesk from './sections/hospital-desk.js';
import * as office from './sections/claim-office.js';
import * as audit from './sections/claim-audit.js';
import * as refunds from './sections/refunds.js';
import * as statistics from './sections/statistics.js';
import * as statisticsTargets from './sections/statistics-targets.js';
import * as statisticsReports from './sections/statistics-reports.js';

/** Sections in navigation order, each with the right it needs (the rights come from GET /api/v1/me). */
const SECTIONS = [
  { id: 'org', title: '组织与单位', icon: 'org', right: 'ORGANISATION_READ', module: organisation },
  { id: 'members', title: '职工', memberTitle: '我的保障', icon: 'members', right: 'MEMBER_READ', module: members },
  { id: 'enrol', title: '参保', icon: 'enrol', right: 'ENROL', module: enrolment },
  { id: 'import', title: '花名册导入', icon: 'import', right: 'ROSTER_IMPORT', module: roster },
  { id: 'transfers', title: '职工调动', icon: 'members', right: 'MEMBER_TRANSFER', module: transfers },
  { id: 'refunds', title: '退保与退费', icon: 'bills', right: 'ENROLMENT_CANCEL', module: refunds },
  { id: 'renewal', title: '续保', icon: 'enrol', right: 'RENEWAL', module: renewal },
  { id: 'expiring', title: '到期与断保', icon: 'chart', right: 'COVER_LISTS', module: renewal.lists },
  { id: 'apply', title: '申请互助金', icon: 'apply', right: 'CLAIM_FILE', module: claims.apply },
  { id: 'claims', title: '申领记录', memberTitle: '我的申领', icon: 'claims', right: 'CLAIM_READ', module: claims.list },
  { id: 'review', title: '审核队列', icon: 'review', right: 'CLAIM_DECIDE', module: claims.queue },
  { id: 'desk', title: '出院参保查询', icon: 'hospital', right: 'ELIGIBILITY_QUERY', module: hospitalDesk },
  { id: 'hospitals', title: '合作医院', icon: 'hospital', right: 'HOSPITAL_MANAGE', module: hospitals },
  { id: 'workload', title: '审核工作量', icon: 'chart', right: 'CLAIM_WORKLOAD', module: office.workload },
  { id: 'audits', title: '事后抽查', icon: 'log', right: 'CLAIM_AUDIT', module: audit.audits },
  { id: 'payouts', title: '互助金支付', icon: 'payouts', right: 'PAYOUT_READ', module: payouts },
  { id: 'bills', title: '缴费与对账', icon: 'bills', right: 'BILL_READ', module: contributions },
  { id: 'ledger', title: '总账', icon: 'ledger', right: 'LEDGER_READ', module: ledger },
  { id: 'statistics', title: '统计看板', icon: 'chart', right: 'REPORT_READ', module: statistics },
  { id: 'targets', title: '目标管理', icon: 'target', right: 'REPORT_TARGET_SET', module: statisticsTargets },
  { id: 'reports', title: '统计报表', icon: 'report', right: 'REPORT_MONEY', module: statisticsReports },
  { id: 'templates', title: '通知 · 模板', icon: 'template', right: 'NOTIFICATION_READ', module: templates },
  { id: 'campaigns', title: '通知 · 宣传推广', icon: 'campaign', right: 'CAMPAIGN_MANAGE', module: campaigns },
  { id: 'deliveries', title: '通知 · 发送统计', icon: 'chart', right: 'NOTIFICATION_READ', module: deliveries },
  { id: 'inbox', title: '站内消息', memberTitle: '我的消息', icon: 'bell', right: 'SIGNED_IN', module: inbox },
  // 系统管理
  { id: 'orgadmin', title: '系统管理 · 组织机构', icon: 'org', right: 'ORGANISATION_MANAGE', module: orgadmin },
  { id: 'accounts', title: '系统管理 · 用户', icon: 'members', right: 'ACCOUNT_MANAGE', module: accounts },
  { id: 'oplog', title: '系统管理 · 操作日志', icon: 'log', right: 'OPERATION_LOG_READ', module: oplog.operations },
  { id: 'loginlog', title: '系统管理 · 登录日志', icon: 'login', right: 'LOGIN_LOG_READ', module: oplog.logins },
  { id: 'account', title: '我的账户', icon: 'account', right: 'SIGNED_IN', module: account },
];

/** Until the one-time password is changed and a required second factor enrolled, only 我的账户 opens. */
function signInDue(me) {
  return me.mustChangePassword || (me.twoFactorRequired && !me.twoFactorEnabled);
}

const main = document.getElementById('main');

async function start() {
  let me;
  try {
    me = await api('/api/v1/me');
  } catch (e) {
    if (e.status !== 401) fill(main, h('div', { class: 'alert alert-error', role: 'alert', text: e.message }));
    return;
  }
  document.getElementById('user-name').textContent = me.displayName || me.username;
  document.getElementById('user-role').textContent = me.roleName;
  document.getElementById('logout').addEventListener('click', logout);

  const sections = SECTIONS.filter((s) => me.rights.includes(s.right) && (!signInDue(me) || s.id === 'account'))
    .map((s) => ({ ...s, title: me.role === 'MEMBER' && s.memberTitle ? s.memberTitle : s.title }));
  fill(document.getElementById('nav'), sections.map((s) =>
    h('li', {}, h('a', { href: `#${s.id}`, id: `nav-${s.id}`, dataset: { section: s.id } }, icon(s.icon), h('span', { text: s.title })))));

  if (!signInDue(me)) catalogue().then((terms) => {
    document.getElementById('catalogue-name').textContent = `保障目录：${terms.name}`;
  }).catch(() => {});

  setToday(me.today);
  const context = { me, can: (right) => me.rights.includes(right), is: (...roles) => roles.includes(me.role), go };
  const show = () => route(sections, context);
  if (sections.some((s) => s.id === 'inbox')) inbox.startBell(context);
  window.addEventListener('hashchange', show);
  show();
}

/** Navigates to a section with parameters: go('enrol', {member: 12}). */
function go(section, params = {}) {
  const query = new URLSearchParams(params).toString();
  location.hash = query ? `${section}?${query}` : section;
}

let current = 0;

async function route(sections, context) {
  const [id, query] = location.hash.slice(1).split('?');
  const section = sections.find((s) => s.id === id) || sections[0];
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.section === section.id) {
      a.setAttribute('aria-current', 'page');
      a.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else {
      a.removeAttribute('aria-current');
    }
  });
  document.title = `${section.title} · 互助 · 职工互助保障`;
  const ticket = ++current;
  const container = h('div', { class: 'section', id: `section-${section.id}` });
  fill(main, container);
  try {
    await section.module.render(container, { ...context, params: new URLSearchParams(query || '') });
  } catch (e) {
    if (ticket === current && e.status !== 401) {
      container.append(h('div', { class: 'alert alert-error', role: 'alert', text: e.message }));
    }
  }
}

async function logout() {
  try {
    await api('/logout', { method: 'POST' });
  } catch (e) {
    if (e.status !== 0) toast(e.message, 'error');
  }
  location.assign('/login?logout');
}

start();
