// 人员变动 on a member's page: 离职 (the cover stays the worker's), 信息更正 proposed by one person and approved
// or refused by another, 身故登记 (cover ends that day) and 继承人收款 for a deceased worker's pending claims
// (approved by a second person). Pending proposals are shown first, with the decision buttons for who may
// decide; then the history. Every label of a status comes from the API (statusName, kindName).

import { api, dateTime, field, fill, formError, h, responsive, submitting, today, toast } from '../lib.js';

/** The 人员变动 card of {@code member}; {@code refresh} redraws the member's page after a change. */
export async function lifeEventsCard(member, context, refresh) {
  const [events, corrections, heirs] = await Promise.all([
    api(`/api/v1/members/${member.id}/life-events`),
    api(`/api/v1/members/${member.id}/corrections`),
    api(`/api/v1/members/${member.id}/heir-payee-changes`),
  ]);
  const pendingCorrection = corrections.find((c) => c.status === 'PROPOSED');
  const pendingHeir = heirs.find((c) => c.status === 'PROPOSED');
  const slot = h('div', { id: 'life-form-slot' });
  const open = (button, form) => button.addEventListener('click', () => {
    fill(slot, form());
    slot.querySelector('input, select')?.focus();
  });
  const actions = [];
  const action = (id, label, form) => {
    const button = h('button', { type: 'button', class: 'btn', id }, label);
    open(button, form);
    actions.push(button);
  };
  if (member.status === 'ACTIVE' && member.unitId && context.can('MEMBER_LEAVE')) {
    action('life-leave', '离职', () => leaveForm(member, refresh));
  }
  if (!pendingCorrection && context.can('MEMBER_CORRECTION')) action('life-correct', '信息更正', () => correctionForm(member, refresh));
  if (member.status !== 'DECEASED' && context.can('DEATH_RECORD')) action('life-death', '身故登记', () => deathForm(member, refresh));
  if (member.status === 'DECEASED' && !pendingHeir && context.can('DEATH_RECORD')) {
    action('life-heir', '继承人收款', () => heirForm(member, refresh));
  }
  const badge = { ACTIVE: 'badge-green', LEFT_UNIT: 'badge-amber', DECEASED: 'badge-red' }[member.status] || '';
  const since = member.diedOn ? ` 身故日期 ${member.diedOn}，保障于当日终止` : member.leftUnitOn ? ` 离职日期 ${member.leftUnitOn}，已有保障继续有效至期满` : '';
  return h('section', { class: 'card', id: 'life-card', 'aria-labelledby': 'life-title', style: 'margin-top:18px' },
    h('div', { class: 'card-head' }, h('h2', { id: 'life-title', text: '人员变动' }),
      h('p', {}, h('span', { class: `badge ${badge}`, id: 'life-status', text: member.statusName }), since)),
    pendingCorrection ? correctionBox(member, pendingCorrection, refresh) : null,
    pendingHeir ? heirBox(member, pendingHeir, refresh) : null,
    actions.length ? h('div', { class: 'form-actions', id: 'life-actions' }, actions) : null,
    slot,
    events.length ? eventsTable(events) : null,
    corrections.some((c) => c.status !== 'PROPOSED') ? correctionsTable(corrections.filter((c) => c.status !== 'PROPOSED')) : null,
    heirs.some((c) => c.status !== 'PROPOSED') ? heirsTable(heirs.filter((c) => c.status !== 'PROPOSED')) : null,
    !events.length && !corrections.length && !heirs.length ? h('p', { class: 'empty', text: '暂无离职、身故或信息更正记录' }) : null);
}

function decide(path, label, done, refresh, primary) {
  const button = h('button', { type: 'button', class: primary ? 'btn btn-primary' : 'btn' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api(path, { method: 'POST', json: {} });
      toast(done, 'ok');
      await refresh();
    } catch (e) {
      toast(e.message, 'error');
      button.disabled = false;
    }
  });
  return button;
}

function changesList(changes) {
  return h('div', {}, changes.map((c) => h('div', {},
    h('span', { class: 'muted', text: `${c.label}：` }), `${c.before ?? '—'} → `, h('strong', { text: c.after ?? '—' }))));
}

function correctionBox(member, c, refresh) {
  const base = `/api/v1/members/${member.id}/corrections/${c.id}`;
  return h('div', { class: c.canDecide ? 'alert alert-warn' : 'alert', id: 'correction-pending', role: 'note', style: 'margin-bottom:12px' },
    h('div', {},
      h('strong', { text: `信息更正${c.statusName}` }),
      changesList(c.changes),
      h('p', { text: `${c.proposedBy} 于 ${dateTime(c.proposedAt)} 提出；原因：${c.reason}；证明材料：${c.evidence || '—'}` }),
      c.canDecide
        ? h('div', { class: 'form-actions' }, decide(`${base}/approve`, '审批同意', '信息更正已生效', refresh, true),
          decide(`${base}/reject`, '驳回', '已驳回信息更正，职工信息不变', refresh))
        : h('p', { class: 'muted', text: '须由提出人以外的管理员或工会工作人员审批' })));
}

function heirBox(member, c, refresh) {
  const base = `/api/v1/members/${member.id}/heir-payee-changes/${c.id}`;
  return h('div', { class: c.canDecide ? 'alert alert-warn' : 'alert', id: 'heir-pending', role: 'note', style: 'margin-bottom:12px' },
    h('div', {},
      h('strong', { text: `继承人收款${c.statusName}：${c.payeeName}（${c.relation}） ${c.bankName} ${c.maskedAccount}` }),
      h('p', { text: `${c.proposedBy} 于 ${dateTime(c.proposedAt)} 提出；继承证明：${c.documentRef}` }),
      c.canDecide
        ? h('div', { class: 'form-actions' }, decide(`${base}/approve`, '复核同意', '继承人收款已生效，待付互助金将付给继承人', refresh, true),
          decide(`${base}/reject`, '驳回', '已驳回继承人收款变更', refresh))
        : h('p', { class: 'muted', text: '须由提出人以外的管理员或工会工作人员复核' })));
}

function eventsTable(events) {
  return h('div', { class: 'table-wrap', style: 'margin-top:12px' }, responsive(h('table', { id: 'life-events' },
    h('caption', { class: 'visually-hidden', text: '离职与身故记录' }),
    h('thead', {}, h('tr', {}, h('th', { text: '事项' }), h('th', { text: '日期' }), h('th', { text: '单位' }),
      h('th', { text: '证明 / 说明' }), h('th', { text: '登记' }))),
    h('tbody', {}, events.map((e) => h('tr', { dataset: { kind: e.kind } },
      h('td', { text: e.kindName }), h('td', { class: 'nowrap', text: e.date }), h('td', { text: e.unitName || '—' }),
      h('td', { text: [e.documentRef, e.note].filter(Boolean).join('；') || '—' }),
      h('td', {}, who(e.recordedBy, e.recordedAt))))))));
}

function correctionsTable(list) {
  return h('div', { class: 'table-wrap', style: 'margin-top:12px' }, responsive(h('table', { id: 'correction-history' },
    h('caption', { class: 'visually-hidden', text: '信息更正记录' }),
    h('thead', {}, h('tr', {}, h('th', { text: '更正内容' }), h('th', { text: '提出' }), h('th', { text: '审批' }),
      h('th', { text: '原因' }), h('th', { text: '状态' }))),
    h('tbody', {}, list.map((c) => h('tr', { dataset: { id: c.id, status: c.status } },
      h('td', {}, changesList(c.changes)), h('td', {}, who(c.proposedBy, c.proposedAt)),
      h('td', {}, c.decidedBy ? who(c.decidedBy, c.decidedAt) : '—'),
      h('td', { text: [c.reason, c.decisionNote].filter(Boolean).join('；') }),
      h('td', {}, h('span', { class: `badge ${c.status === 'APPROVED' ? 'badge-green' : ''}`, text: c.statusName }))))))));
}

function heirsTable(list) {
  return h('div', { class: 'table-wrap', style: 'margin-top:12px' }, responsive(h('table', { id: 'heir-history' },
    h('caption', { class: 'visually-hidden', text: '继承人收款记录' }),
    h('thead', {}, h('tr', {}, h('th', { text: '继承人' }), h('th', { text: '收款账户' }), h('th', { text: '提出' }),
      h('th', { text: '复核' }), h('th', { text: '状态' }))),
    h('tbody', {}, list.map((c) => h('tr', { dataset: { id: c.id, status: c.status } },
      h('td', { text: `${c.payeeName}（${c.relation}）` }),
      h('td', { class: 'nowrap' }, h('div', { text: c.bankName }), h('div', { class: 'mono', text: c.maskedAccount })),
      h('td', {}, who(c.proposedBy, c.proposedAt)), h('td', {}, c.decidedBy ? who(c.decidedBy, c.decidedAt) : '—'),
      h('td', {}, h('span', { class: `badge ${c.status === 'APPROVED' ? 'badge-green' : ''}`, text: c.statusName }))))))));
}

function who(name, at) {
  return h('div', {}, h('div', { text: name }), h('div', { class: 'muted nowrap', text: dateTime(at) }));
}

/** A form in the card's slot: its fields, a submit button and what to send. */
function lifeForm(id, title, hint, fields, submitLabel, send) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: `${id}-submit` }, submitLabel);
  const cancel = h('button', { type: 'button', class: 'btn', onclick: (e) => fill(e.target.closest('#life-form-slot')) }, '取消');
  const form = h('form', { id, novalidate: true, style: 'margin-top:14px' },
    h('h3', { text: title }), hint ? h('p', { class: 'hint', text: hint }) : null,
    h('div', { class: 'form-grid' }, fields), formError(), h('div', { class: 'form-actions' }, submit, cancel));
  submitting(form, submit, '提交中…', send);
  return form;
}

function leaveForm(member, refresh) {
  return lifeForm('leave-form', '登记离职', '离职后职工不再列入本单位在职名单、续保时不再列入；已缴费的保障属于职工本人，继续有效至保障期满。', [
    field('离职日期', h('input', { type: 'date', name: 'leftOn', id: 'leave-date', max: today(), value: today() })),
    field('离职原因', h('input', { type: 'text', name: 'reason', id: 'leave-reason', maxlength: 200 })),
  ], '确认离职', async (text) => {
    await api(`/api/v1/members/${member.id}/leaving`, { method: 'POST', json: { leftOn: text('leftOn'), reason: text('reason') } });
    toast(`${member.name} 已登记离职，保障继续有效至期满`, 'ok');
    await refresh();
  });
}

function correctionForm(member, refresh) {
  return lifeForm('correction-form', '信息更正', '只填写需要更正的项目；性别、出生日期随身份证号码更正。提交后须由另一名管理员或工会工作人员审批后生效。', [
    field('姓名', h('input', { type: 'text', name: 'name', id: 'correction-name', maxlength: 50, placeholder: member.name })),
    field('身份证号码', h('input', { type: 'text', name: 'idNumber', id: 'correction-id', maxlength: 18, autocomplete: 'off', spellcheck: 'false', placeholder: member.maskedIdNumber })),
    field('就业形态', h('select', { name: 'employmentForm', id: 'correction-form-kind' },
      h('option', { value: '', text: '不变' }), h('option', { value: 'REGULAR', text: '常规就业' }), h('option', { value: 'NEW_FORM', text: '新就业形态' }))),
    field('更正原因', h('input', { type: 'text', name: 'reason', id: 'correction-reason', maxlength: 200 })),
    field('证明材料', h('input', { type: 'text', name: 'evidence', id: 'correction-evidence', maxlength: 500 }), { hint: '例如：身份证复印件、户籍证明' }),
  ], '提出更正', async (text) => {
    await api(`/api/v1/members/${member.id}/corrections`, { method: 'POST', json: { name: text('name'), idNumber: text('idNumber'),
      employmentForm: text('employmentForm'), reason: text('reason'), evidence: text('evidence') } });
    toast('已提出信息更正，待另一人审批后生效', 'ok');
    await refresh();
  });
}

function deathForm(member, refresh) {
  return lifeForm('death-form', '身故登记', '登记后职工的保障于身故当日终止；身故后发生的事故或疾病不能申领。已提交、身故前发生的申领继续办理，可登记继承人收款。', [
    field('身故日期', h('input', { type: 'date', name: 'diedOn', id: 'death-date', max: today() })),
    field('证明文件编号', h('input', { type: 'text', name: 'documentRef', id: 'death-document', maxlength: 200 }), { hint: '死亡医学证明或户籍注销证明的编号' }),
    field('备注', h('input', { type: 'text', name: 'note', id: 'death-note', maxlength: 500 })),
  ], '确认登记', async (text) => {
    await api(`/api/v1/members/${member.id}/death`, { method: 'POST', json: { diedOn: text('diedOn'), documentRef: text('documentRef'), note: text('note') } });
    toast(`已登记 ${member.name} 身故，保障于当日终止`, 'ok');
    await refresh();
  });
}

function heirForm(member, refresh) {
  return lifeForm('heir-form', '继承人收款', '职工身故后尚未支付的互助金改付继承人；须由另一名管理员或工会工作人员复核后生效。', [
    field('继承人姓名', h('input', { type: 'text', name: 'payeeName', id: 'heir-name', maxlength: 50 })),
    field('与职工关系', h('input', { type: 'text', name: 'relation', id: 'heir-relation', maxlength: 20, placeholder: '配偶、子女、父母' })),
    field('开户银行', h('input', { type: 'text', name: 'bankName', id: 'heir-bank', maxlength: 60 })),
    field('银行账号', h('input', { type: 'text', name: 'accountNumber', id: 'heir-account', maxlength: 30, inputmode: 'numeric', autocomplete: 'off' })),
    field('继承证明文件编号', h('input', { type: 'text', name: 'documentRef', id: 'heir-document', maxlength: 200 }), { hint: '继承公证书或法院文书编号' }),
  ], '提出变更', async (text) => {
    await api(`/api/v1/members/${member.id}/heir-payee`, { method: 'POST', json: { payeeName: text('payeeName'), relation: text('relation'),
      bankName: text('bankName'), accountNumber: text('accountNumber'), documentRef: text('documentRef') } });
    toast('已提出继承人收款，待另一人复核后生效', 'ok');
    await refresh();
  });
}
