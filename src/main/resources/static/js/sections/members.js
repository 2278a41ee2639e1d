// 职工 (or 我的保障 for a worker): search, register, and a member's record with their enrolments.

import {
  api, responsive, busy, catalogue, EMPLOYMENT, exportButton, field, fill, formError, GENDER, h, submitting, toast, today, yuan,
} from '../lib.js';
import { payeeCard } from './payee.js';
import { lifeEventsCard } from './life-events.js';
import { notificationCards } from './messages.js';
import * as refunds from './refunds.js';

const PAGE = 20;

export async function render(root, context) {
  const terms = await catalogue();
  if (context.me.role === 'MEMBER') return renderOwn(root, context, terms);

  const detail = h('div', { id: 'member-detail', style: 'min-width:0' }, placeholder());
  const results = h('div', {}, h('p', { class: 'loading', text: '正在加载…' }));
  const name = h('input', { type: 'search', name: 'name', id: 'member-search-name', autocomplete: 'off', placeholder: '例如：张' });
  const idNumber = h('input', { type: 'search', name: 'idNumber', id: 'member-search-id', autocomplete: 'off', spellcheck: 'false', placeholder: '完整 18 位' });
  const searchButton = h('button', { type: 'submit', class: 'btn btn-primary', id: 'member-search' }, '查询');
  const search = h('form', { class: 'search-bar', role: 'search', 'aria-label': '查找职工' },
    field('姓名', name), field('身份证号码', idNumber), searchButton);

  const open = (id) => {
    results.querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
    results.querySelector(`tr[data-id="${id}"]`)?.classList.add('selected');
    return showMember(detail, id, context, terms).catch((e) => toast(e.message, 'error'));
  };

  const list = { query: '', items: [], more: false };
  const exported = exportButton(context, '/api/v1/members', { id: 'members-export', personal: true });
  async function find(offset = 0) {
    const query = new URLSearchParams();
    if (name.value.trim()) query.set('name', name.value.trim());
    if (idNumber.value.trim()) query.set('idNumber', idNumber.value.trim().toUpperCase());
    exported.set(query);
    query.set('limit', PAGE + 1);
    query.set('offset', offset);
    const page = await api(`/api/v1/members?${query}`);
    list.items = (offset ? list.items : []).concat(page.slice(0, PAGE));
    list.more = page.length > PAGE;
    fill(results, membersTable(list.items, open, list.more ? () => find(list.items.length) : null));
  }
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(searchButton, '查询中…', () => find()).catch((e) => toast(e.message, 'error'));
  });

  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '职工' }), h('p', { text: '身份证号码、手机号码均脱敏显示' }))),
    h('div', { class: 'grid grid-master' },
      h('section', { class: 'card', 'aria-labelledby': 'member-search-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'member-search-title', text: '查找职工' }), exported.el),
        search, h('div', { style: 'margin-top:14px' }, results)),
      h('div', { class: 'stack' },
        detail,
        context.can('MEMBER_REGISTER') ? await registerForm(context, open) : null)));

  const wanted = context.params.get('id');
  await find();
  if (wanted) await open(Number(wanted));
}

function placeholder() {
  return h('div', { class: 'card placeholder' },
    h('p', { class: 'empty', text: '在列表中选择一名职工，查看其信息和参保记录' }));
}

async function renderOwn(root, context, terms) {
  const [self] = await api('/api/v1/members');
  const detail = h('div', { id: 'member-detail' });
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '我的保障' }), h('p', { text: '您的会员信息、保障项目和保障期' }))),
    detail);
  if (!self) {
    fill(detail, h('div', { class: 'card' }, h('p', { class: 'empty', text: '未找到您的会员记录，请联系单位经办人。' })));
    return;
  }
  await showMember(detail, self.id, context, terms, self);
}

function membersTable(items, open, more) {
  if (!items.length) return h('p', { class: 'empty', text: '没有找到符合条件的职工' });
  const moreButton = more ? h('button', { type: 'button', class: 'btn btn-small' }, '加载更多') : null;
  moreButton?.addEventListener('click', () => busy(moreButton, '加载中…', more).catch((e) => toast(e.message, 'error')));
  return h('div', {},
    h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'members-table' },
      h('caption', { class: 'visually-hidden', text: '职工列表' }),
      h('thead', {}, h('tr', {},
        h('th', { text: '姓名' }), h('th', { text: '性别' }), h('th', { text: '出生日期' }), h('th', { text: '身份证号码' }),
        h('th', { text: '就业形态' }), h('th', { text: '实名' }))),
      h('tbody', {}, items.map((m) => h('tr', { dataset: { id: m.id } },
        h('td', { class: 'nowrap' }, h('button', { type: 'button', class: 'linklike', onclick: () => open(m.id), title: '查看详情' }, m.name)),
        h('td', { text: GENDER[m.gender] || m.gender }),
        h('td', { class: 'nowrap', text: m.birthDate }),
        h('td', { class: 'mono', text: m.maskedIdNumber }),
        h('td', { class: 'nowrap', text: EMPLOYMENT[m.employmentForm] || m.employmentForm }),
        h('td', {}, verifiedBadge(m)))))))),
    h('div', { class: 'list-foot' },
      h('span', { class: 'muted', text: `已显示 ${items.length} 名` }), moreButton));
}

const DOCUMENT_TYPES = {
  RESIDENT_ID_CARD: '居民身份证', TEMPORARY_ID_CARD: '临时身份证', HOUSEHOLD_REGISTER: '户口簿', PASSPORT: '护照',
  HK_MACAO_PERMIT: '港澳居民来往内地通行证', TAIWAN_PERMIT: '台湾居民来往大陆通行证', RESIDENCE_PERMIT: '港澳台居民居住证',
  FOREIGN_PERMANENT_RESIDENT_CARD: '外国人永久居留身份证',
};

/** 柜台核验: staff record the document they saw in person (its type and the last four characters of its number). */
function counterCheckForm(member, done, cancel) {
  const type = h('select', { name: 'documentType', id: 'counter-document-type' },
    h('option', { value: '', text: '请选择' }),
    Object.entries(DOCUMENT_TYPES).map(([value, text]) => h('option', { value, text })));
  const last4 = h('input', { name: 'documentNumberLast4', id: 'counter-document-last4', maxlength: 4, autocomplete: 'off',
    spellcheck: 'false', inputmode: 'text', placeholder: '如 001X' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'counter-check-submit' }, '确认已当面核验');
  const close = h('button', { type: 'button', class: 'btn', onclick: cancel }, '取消');
  const form = h('form', { class: 'counter-check', novalidate: true, 'aria-label': '柜台核验' },
    h('p', { class: 'muted', text: `请当面查验 ${member.name} 本人及其证件原件，证件信息与登记一致后记录。` }),
    field('查验的证件', type), field('证件号码后四位', last4, { hint: '只记录后四位，不记录完整号码' }),
    formError(), h('div', { class: 'actions' }, submit, close));
  submitting(form, submit, '正在记录…', async (text) => {
    await api(`/api/v1/members/${member.id}/real-name-verification`, {
      method: 'POST', json: { documentType: text('documentType'), documentNumberLast4: text('documentNumberLast4') },
    });
    await done();
  });
  return form;
}

function verifiedBadge(m) {
  return m.realNameVerified ? h('span', { class: 'badge badge-green', text: '已认证' }) : h('span', { class: 'badge', text: '未认证' });
}

async function showMember(box, id, context, terms, known) {
  fill(box, h('div', { class: 'card' }, h('p', { class: 'loading', text: '正在加载职工信息…' })));
  const [member, enrolments] = await Promise.all([
    known ? known : api(`/api/v1/members/${id}`),
    api(`/api/v1/members/${id}/enrolments`),
  ]);
  const unit = member.unitId ? await api(`/api/v1/units/${member.unitId}`).catch(() => null) : null;
  const actions = [];
  const counterSlot = h('div', { id: 'counter-check-slot' });
  if (!member.realNameVerified && context.can('MEMBER_VERIFY')) {
    const verify = h('button', { type: 'button', class: 'btn', id: 'verify-member' }, '柜台核验');
    verify.addEventListener('click', () => {
      verify.disabled = true;
      fill(counterSlot, counterCheckForm(member, async () => {
        toast(member.employmentForm === 'NEW_FORM'
          ? `${member.name} 已通过实名认证，可在掌上办领取免费意外保障` : `${member.name} 已通过实名认证`, 'ok');
        await showMember(box, member.id, context, terms);
      }, () => { fill(counterSlot); verify.disabled = false; }));
      counterSlot.querySelector('select')?.focus();
    });
    actions.push(verify);
  }
  if (context.can('ENROL')) {
    actions.push(h('button', { type: 'button', class: 'btn btn-primary', onclick: () => context.go('enrol', { member: member.id }) }, '为其参保'));
  }
  const fact = (label, value, wide) => h('div', { class: wide ? 'wide-sm' : null }, h('dt', { text: label }), h('dd', {}, value ?? '—'));
  fill(box, h('section', { class: 'card', 'aria-labelledby': 'member-name' },
    h('div', { class: 'person-head' },
      h('div', { class: 'avatar', 'aria-hidden': 'true', text: member.name.slice(0, 1) }),
      h('div', {}, h('h2', { id: 'member-name', text: member.name }),
        h('p', { class: 'muted' }, `${GENDER[member.gender] || ''} · ${member.birthDate} 出生 · `, verifiedBadge(member),
          member.status && member.status !== 'ACTIVE' ? h('span', { class: 'badge badge-amber', style: 'margin-left:6px', text: member.statusName }) : null)),
      actions.length ? h('div', { class: 'actions' }, actions) : null),
    counterSlot,
    h('dl', { class: 'facts' },
      fact('身份证号码', member.maskedIdNumber, true),
      fact('手机号码', member.maskedPhone),
      fact('就业形态', EMPLOYMENT[member.employmentForm] || member.employmentForm),
      fact('所在单位', unit ? unit.name : null),
      fact('收款银行', member.bankName, true),
      fact('银行账号', member.maskedBankAccount, true)),
    h('h3', { style: 'margin-top:22px', text: `参保记录（${enrolments.length}）` }),
    enrolments.length
      ? h('div', { id: 'member-enrolments' }, enrolments.slice().reverse().map((e) => enrolmentCard(e, terms, refunds.cancelAction(e, context))))
      : h('p', { class: 'empty', text: '暂无参保记录' })));
  if (context.can('BANK_ACCOUNT_CHANGE')) {
    box.append(await payeeCard(member, context, () => showMember(box, member.id, context, terms)));
  }
  if (!context.is('MEMBER')) box.append(await lifeEventsCard(member, context, () => showMember(box, member.id, context, terms)));
  box.append(...(await notificationCards(member, context)));
  if (!known && box.getBoundingClientRect().top < 0) box.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** One enrolment: its coverages (items in Chinese, periods), premium and who pays it. */
export function enrolmentCard(e, terms, action = null) {
  const day = today();
  const status = (c) => (e.status === 'CANCELLED' ? h('span', { class: 'badge', text: '已退保' }) : !c.from ? h('span', { class: 'badge badge-amber', text: '待缴费' })
    : c.to < day ? h('span', { class: 'badge', text: '已到期' })
      : c.from > day ? h('span', { class: 'badge badge-blue', text: '待生效' })
        : h('span', { class: 'badge badge-green', text: '保障中' }));
  const money = (label, amount) => h('div', {}, h('dt', { text: label }), h('dd', { text: yuan(amount) }));
  return h('article', { class: 'enrolment', dataset: { id: e.id } },
    h('div', { class: 'enrolment-head' },
      h('strong', { text: `参保记录 #${e.id}` }),
      e.status === 'AWAITING_PAYMENT'
        ? h('span', { class: 'muted' }, '待缴费：', h('a', { href: `#bills?id=${e.billId}`, class: 'mono', text: e.billReference }), '，缴清后自到账次日起生效')
        : h('span', { class: 'muted', text: e.status === 'CANCELLED' ? '已退保' : `缴费日期 ${e.paidOn}` }),
      h('span', { class: 'muted', text: `目录 ${e.catalogueVersion}` }),
      h('span', { class: 'premium' }, h('span', { class: 'muted', style: 'font-size:13px;font-weight:400', text: '保费 ' }), yuan(e.premium)),
      action),
    h('div', { class: 'table-wrap' }, responsive(h('table', {},
      h('thead', {}, h('tr', {},
        h('th', { text: '保障项目' }), h('th', { text: '方案' }), h('th', { class: 'num', text: '份数' }),
        h('th', { text: '保障期' }), h('th', { class: 'num', text: '保费' }), h('th', { text: '状态' }))),
      h('tbody', {}, e.coverages.map((c) => h('tr', {},
        h('td', { class: 'name', text: terms.itemName(c.item) }),
        h('td', { class: 'nowrap', text: terms.planName(c.item, c.plan) }),
        h('td', { class: 'num', text: c.shares }),
        h('td', { class: 'period' }, c.from ? h('span', {}, h('span', { text: c.from }), ' 至 ', h('span', { text: c.to })) : '缴费后确定'),
        h('td', { class: 'num', text: yuan(c.premium) }),
        h('td', {}, status(c)))))))),
    h('dl', { class: 'split', 'aria-label': '缴费分担' },
      money('单位缴纳', e.funding?.unit),
      money('工会补贴', e.funding?.union),
      money('个人缴纳', e.funding?.member)),
    h('p', { class: 'hint', style: 'margin-top:8px' },
      `缴费政策：${terms.policyName(e.funding?.policy)}`,
      e.gift && e.gift !== '0.00' ? `；工会赠送保障 ${yuan(e.gift)}` : ''));
}

async function registerForm(context, open) {
  const units = context.is('UNIT_OPERATOR') ? [] : await api('/api/v1/units?limit=500');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'member-submit' }, '登记职工');
  const form = h('form', { id: 'member-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('姓名', h('input', { type: 'text', name: 'name', id: 'member-name-input', autocomplete: 'name', maxlength: 50 })),
      field('身份证号码', h('input', { type: 'text', name: 'idNumber', id: 'member-id-input', maxlength: 18, autocomplete: 'off', spellcheck: 'false' }),
        { hint: '18 位，性别和出生日期由号码得出' }),
      field('手机号码', h('input', { type: 'tel', name: 'phone', id: 'member-phone-input', maxlength: 11, inputmode: 'numeric', autocomplete: 'tel' })),
      field('就业形态', h('select', { name: 'employmentForm', id: 'member-form-input' },
        h('option', { value: 'REGULAR', text: '常规就业' }), h('option', { value: 'NEW_FORM', text: '新就业形态（骑手、快递员、网约车司机等）' }))),
      units.length ? field('所在单位', h('select', { name: 'unitId', id: 'member-unit-input' },
        h('option', { value: '', text: '暂不指定' }), units.map((u) => h('option', { value: u.id, text: u.name })))) : null),
    formError(),
    h('div', { class: 'form-actions' }, submit));

  submitting(form, submit, '正在登记…', async (text) => {
    const member = await api('/api/v1/members', { method: 'POST', json: {
      name: text('name'), idNumber: text('idNumber')?.toUpperCase() ?? null, phone: text('phone'),
      employmentForm: text('employmentForm'), unitId: text('unitId') ? Number(text('unitId')) : null,
    } });
    form.reset();
    toast(`已登记职工：${member.name}`, 'ok');
    await open(member.id);
  });

  return h('section', { class: 'card', 'aria-labelledby': 'member-form-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'member-form-title', text: '登记职工' }),
      h('p', { text: context.is('UNIT_OPERATOR') ? '登记到本单位' : '' })),
    form);
}
