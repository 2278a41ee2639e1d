// 参保: enrol one member in the basic bundle (with shares) or in chosen items, plans and shares,
// then show the premium and who pays it.

import { api, busy, catalogue, clearErrors, field, fill, formError, GENDER, h, showErrors, toast, today, yuan } from '../lib.js';
import { enrolmentCard } from './members.js';
import * as refunds from './refunds.js';

export async function render(root, context) {
  const [terms, units] = await Promise.all([catalogue(), api('/api/v1/units?limit=500')]);
  const state = { member: null };

  // --- member ---
  const memberQuery = h('input', { type: 'search', id: 'enrol-member-query', autocomplete: 'off', placeholder: '姓名或 18 位身份证号码' });
  const memberFind = h('button', { type: 'button', class: 'btn', id: 'enrol-member-find' }, '查找');
  const memberSelect = h('select', { name: 'memberId', id: 'enrol-member' }, h('option', { value: '', text: '请先查找职工' }));
  const memberInfo = h('p', { class: 'hint', id: 'enrol-member-info' });

  // --- unit and date ---
  const unitSelect = h('select', { name: 'unitId', id: 'enrol-unit' },
    units.length === 1 ? null : h('option', { value: '', text: '请选择参保单位' }),
    units.map((u) => h('option', { value: u.id, text: u.name })));
  const paidOn = h('input', { type: 'date', name: 'paidOn', id: 'enrol-paid-on', max: today() });   // empty: awaiting payment unless the unit paid

  // --- what to enrol in ---
  const bundle = terms.bundles[0];
  const bundleMax = bundle ? Math.min(...bundle.items.map((ip) => terms.itemsByCode.get(ip.item)?.maxShares || 1)) : 1;
  const modeBundle = h('input', { type: 'radio', name: 'mode', value: 'bundle', checked: Boolean(bundle), disabled: !bundle });
  const modeItems = h('input', { type: 'radio', name: 'mode', value: 'items', checked: !bundle });
  const bundleSelect = h('select', { name: 'bundle', id: 'enrol-bundle' },
    terms.bundles.map((b) => h('option', { value: b.code, text: b.name })));
  const bundleShares = h('input', { type: 'number', name: 'shares', id: 'enrol-shares', min: 1, max: bundleMax, value: 1, inputmode: 'numeric' });
  const bundleItems = bundle ? [
    bundle.items.map((ip) => terms.itemName(ip.item)).join('、'),
    bundle.forWomenAlso.length ? `；女职工另含${bundle.forWomenAlso.map((ip) => terms.itemName(ip.item)).join('、')}` : '',
  ].join('') : '';
  const bundlePanel = h('div', { class: 'form-grid', id: 'enrol-bundle-panel' },
    h('div', { class: 'wide' }, field('保障套餐', bundleSelect, { hint: bundleItems ? `包含：${bundleItems}` : null })),
    field('份数', bundleShares, { hint: `每项 1 至 ${bundleMax} 份` }));

  const rows = terms.purchasable().map((item) => itemRow(item));
  const itemsError = h('p', { class: 'field-error', id: 'enrol-items-error', 'data-error-for': 'items' });
  const itemsPanel = h('div', { id: 'enrol-items-panel', hidden: true },
    h('div', { class: 'item-rows' }, rows.map((r) => r.el)), itemsError);

  const estimate = h('p', { class: 'muted', id: 'enrol-estimate', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'enrol-submit' }, '确认参保');
  const result = h('div', { id: 'enrol-result' });

  const form = h('form', { id: 'enrol-form', novalidate: true },
    h('div', { class: 'form-grid' },
      h('div', { class: 'field' },
        h('label', { for: memberQuery.id, text: '查找职工' }),
        h('div', { style: 'display:flex;gap:8px' }, memberQuery, memberFind)),
      field('职工', memberSelect),
      field('参保单位', unitSelect),
      field('缴费日期', paidOn, { hint: '单位已实际转账的才填写转账日期；留空则为待缴费，出具缴费单，缴清后自到账次日起生效。早于 7 天的须经财务确认后生效' })),
    memberInfo,
    h('fieldset', { class: 'choice', style: 'margin-top:18px' },
      h('legend', { text: '保障方式' }),
      h('label', {}, modeBundle, '基本保障套餐'),
      h('label', {}, modeItems, '自选保障项目')),
    h('div', { style: 'margin-top:14px' }, bundlePanel, itemsPanel),
    formError(),
    h('div', { class: 'form-actions' }, submit, estimate));

  const mode = () => (modeBundle.checked ? 'bundle' : 'items');
  const sync = () => {
    bundlePanel.hidden = mode() !== 'bundle';
    itemsPanel.hidden = mode() !== 'items';
    const gender = state.member?.gender;
    rows.forEach((r) => r.setGender(gender));
    estimate.textContent = estimateText();
  };

  function estimateText() {
    let total = 0;
    if (mode() === 'bundle' && bundle) {
      const lines = state.member?.gender === 'F' ? bundle.items.concat(bundle.forWomenAlso) : bundle.items;
      const shares = Number(bundleShares.value) || 0;
      for (const ip of lines) total += cents(priceOf(terms, ip.item, ip.plan)) * shares;
      if (!state.member) return `预计保费：男职工 ¥${fmt(sum(bundle.items) * shares)}，女职工 ¥${fmt(sum(bundle.items.concat(bundle.forWomenAlso)) * shares)}`;
    } else {
      for (const r of rows) if (r.checked()) total += cents(priceOf(terms, r.item.code, r.plan())) * r.shares();
    }
    return `预计保费：¥${fmt(total)}`;
  }
  const sum = (lines) => lines.reduce((s, ip) => s + cents(priceOf(terms, ip.item, ip.plan)), 0);

  function chooseMember(member) {
    state.member = member;
    memberInfo.textContent = member
      ? `${member.name}，${GENDER[member.gender] || ''}，${member.birthDate} 出生，身份证 ${member.maskedIdNumber}` : '';
    if (member?.unitId && units.some((u) => u.id === member.unitId)) unitSelect.value = String(member.unitId);
    sync();
  }

  let found = [];
  function listMembers(list) {
    found = list;
    fill(memberSelect,
      h('option', { value: '', text: list.length ? `找到 ${list.length} 名职工，请选择` : '没有找到职工' }),
      list.map((m) => h('option', { value: m.id, text: `${m.name}（${m.maskedIdNumber}）` })));
    if (list.length === 1) {
      memberSelect.value = String(list[0].id);
      chooseMember(list[0]);
    } else chooseMember(null);
  }
  async function findMembers() {
    const q = memberQuery.value.trim();
    const query = /^\d{17}[\dXx]$/.test(q) ? `idNumber=${encodeURIComponent(q.toUpperCase())}` : `name=${encodeURIComponent(q)}`;
    listMembers(await api(`/api/v1/members?${query}`));
  }
  memberFind.addEventListener('click', () => busy(memberFind, '查找中…', findMembers).catch((e) => toast(e.message, 'error')));
  memberQuery.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); memberFind.click(); }
  });
  memberSelect.addEventListener('change', () => chooseMember(found.find((m) => String(m.id) === memberSelect.value) || null));
  [modeBundle, modeItems].forEach((r) => r.addEventListener('change', sync));
  form.addEventListener('input', () => { estimate.textContent = estimateText(); });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    fill(result);
    const command = {
      unitId: unitSelect.value ? Number(unitSelect.value) : null,
      memberId: memberSelect.value ? Number(memberSelect.value) : null,
      paidOn: paidOn.value || null,
    };
    if (mode() === 'bundle') {
      command.bundle = bundleSelect.value;
      command.shares = bundleShares.value === '' ? null : Number(bundleShares.value);
    } else {
      const chosen = rows.filter((r) => r.checked());
      rows.forEach((r) => r.indexAs(null));
      chosen.forEach((r, k) => r.indexAs(k));
      command.items = chosen.map((r) => ({ item: r.item.code, plan: r.plan(), shares: r.sharesOrNull() }));
    }
    busy(submit, '正在参保…', async () => {
      try {
        const enrolment = await api('/api/v1/enrolments', { method: 'POST', json: command });
        fill(result, resultCard(enrolment, terms, state.member, context));
        result.scrollIntoView({ behavior: 'smooth', block: 'start' });
      } catch (e) {
        showErrors(form, e);
      }
    });
  });

  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '参保' }), h('p', { text: `按${terms.name}为职工办理参保，保障期自缴费次日起` }))),
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'enrol-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'enrol-title', text: '办理参保' })),
        form),
      result));

  const wanted = context.params.get('member');
  if (wanted) {
    const member = await api(`/api/v1/members/${Number(wanted)}`);
    memberQuery.value = member.name;
    listMembers([member]);
  }
  sync();
}

function itemRow(item) {
  const check = h('input', { type: 'checkbox', dataset: { item: item.code }, id: `enrol-item-${item.code}` });
  const plan = h('select', { id: `enrol-plan-${item.code}`, 'aria-label': `${item.name}方案` },
    item.plans.map((p) => h('option', { value: p.code, text: `${p.name.replace(item.name, '').replace(/^[（(]|[)）]$/g, '') || '标准'} · ¥${p.price}/份` })));
  plan.value = item.defaultPlan;
  const shares = h('input', { type: 'number', id: `enrol-shares-${item.code}`, min: 1, max: item.maxShares, value: 1, inputmode: 'numeric', 'aria-label': `${item.name}份数` });
  const error = h('p', { class: 'field-error', id: `enrol-item-${item.code}-error` });
  check.setAttribute('aria-describedby', error.id);
  const restriction = item.onlyGender === 'F' ? '仅限女职工' : '';
  const el = h('div', { class: 'item-row', dataset: { item: item.code } },
    h('label', { class: 'check', for: check.id }, check,
      h('span', {}, item.name, h('br'), h('span', { class: 'price', text: [`最多 ${item.maxShares} 份`, restriction].filter(Boolean).join(' · ') }))),
    h('div', {}, h('span', { class: 'visually-hidden', text: '方案' }), plan),
    h('div', {}, shares),
    h('div', { style: 'grid-column:1/-1' }, error));
  const toggle = () => el.classList.toggle('on', check.checked);
  check.addEventListener('change', toggle);
  return {
    el,
    item,
    checked: () => check.checked,
    plan: () => plan.value,
    shares: () => Number(shares.value) || 0,
    sharesOrNull: () => (shares.value === '' ? null : Number(shares.value)),
    indexAs: (k) => { error.dataset.errorFor = k === null ? '' : `items[${k}]`; },
    setGender: (gender) => {
      const blocked = item.onlyGender && gender && gender !== item.onlyGender;
      check.disabled = Boolean(blocked);
      if (blocked) { check.checked = false; toggle(); }
    },
  };
}

function resultCard(enrolment, terms, member, context) {
  return h('section', { class: 'card', id: 'enrol-done', 'aria-labelledby': 'enrol-done-title' },
    enrolment.status === 'AWAITING_PAYMENT'
      ? h('div', { class: 'alert alert-ok', role: 'status' },
        h('div', {}, h('strong', { id: 'enrol-done-title', text: '已登记参保，待缴费' }),
          `${member ? member.name : '职工'}的参保待缴费：请单位转账时在附言中注明缴费单号 `,
          h('a', { href: `#bills?id=${enrolment.billId}`, class: 'mono', id: 'enrol-bill', text: enrolment.billReference }),
          '，缴清后自到账次日起生效。'))
      : h('div', { class: 'alert alert-ok', role: 'status' },
        h('div', {}, h('strong', { id: 'enrol-done-title', text: '参保成功' }),
          `${member ? member.name : '职工'}已参保，保障期自 ${enrolment.coverages[0]?.from || ''} 起。`)),
    h('div', { class: 'total-line', style: 'margin-top:14px' },
      h('span', { class: 'muted', text: '保费合计' }),
      h('span', { class: 'big', id: 'enrol-premium', text: yuan(enrolment.premium) })),
    enrolmentCard(enrolment, terms, refunds.cancelAction(enrolment, context)),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'btn', onclick: () => context.go('members', { id: enrolment.memberId }) }, '查看职工参保记录')));
}

function priceOf(terms, itemCode, planCode) {
  const item = terms.itemsByCode.get(itemCode);
  return item?.plans.find((p) => p.code === (planCode || item.defaultPlan))?.price || '0.00';
}

/** Exact money arithmetic for the estimate: strings like "100.00" to whole cents. */
function cents(amount) {
  const [yuanPart, fen = ''] = String(amount).split('.');
  return Number(yuanPart) * 100 + Number((fen + '00').slice(0, 2));
}

function fmt(totalCents) {
  return `${Math.floor(totalCents / 100)}.${String(totalCents % 100).padStart(2, '0')}`;
}
