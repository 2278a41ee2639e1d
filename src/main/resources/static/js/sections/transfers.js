// 职工调动: a unit asks for a worker registered in another unit (ID number and name); the old unit's
// operator or a union office over both units approves or rejects. The asking side sees the worker's
// former unit only after approval; nobody approves their own request. The transfers come 50 at a time
// under their whole count, from the first page again after a request or a decision.

import { api, busy, dateTime, field, fill, formError, h, pagedList, submitting, toast } from '../lib.js';

const STATUS = { REQUESTED: 'badge-amber', APPROVED: 'badge-green', REJECTED: 'badge-red', CANCELLED: '' };

export async function render(root, context) {
  const list = pagedList({
    id: 'transfers', path: '/api/v1/member-transfers', title: '申请记录', style: 'margin:4px 0 8px',
    empty: '暂无调动申请', table: (items) => transfersTable(items, list.reload),
  });
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '职工调动' }),
        h('p', { text: '职工已在其他单位登记时，由新单位申请调入，原单位或同时管辖两个单位的工会审批；原有保障继续有效' }))),
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'transfers-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'transfers-title', text: '调动申请' }), h('p', { text: '本单位（本级）提出的申请和待您审批的申请' })),
        h('div', { id: 'transfers-results' }, list.el)),
      await requestForm(context, list.reload)));
  await list.reload();
}

function transfersTable(items, reload) {
  return h('table', { id: 'transfers-table' },
    h('caption', { class: 'visually-hidden', text: '调动申请' }),
    h('thead', {}, h('tr', {}, h('th', { text: '职工' }), h('th', { text: '调出单位' }), h('th', { text: '调入单位' }),
      h('th', { text: '申请' }), h('th', { text: '状态' }), h('th', { text: '' }))),
    h('tbody', {}, items.map((t) => h('tr', { dataset: { id: t.id, status: t.status } },
      h('td', { class: 'nowrap' }, h('div', { text: t.memberName }), h('div', { class: 'mono muted', text: t.maskedIdNumber })),
      h('td', { text: t.fromUnitName || (t.status === 'APPROVED' ? '—' : '审批后显示') }),
      h('td', { text: t.toUnitName }),
      h('td', {}, h('div', { class: 'nowrap', text: `${t.requestedBy} · ${dateTime(t.requestedAt)}` }), t.reason ? h('div', { class: 'muted', text: t.reason }) : null),
      h('td', {}, h('span', { class: `badge ${STATUS[t.status] || ''}`, text: t.statusName }),
        t.decidedBy ? h('div', { class: 'muted', text: `${t.decidedBy}${t.decision ? '：' + t.decision : ''}` }) : null),
      h('td', { class: 'nowrap' }, t.canDecide ? [decide(t, 'approve', '同意', reload), ' ', decide(t, 'reject', '驳回', reload)] : null)))));
}

function decide(t, action, label, reload) {
  const button = h('button', { type: 'button', class: action === 'approve' ? 'btn btn-small btn-primary' : 'btn btn-small', dataset: { [action]: t.id } }, label);
  button.addEventListener('click', () => busy(button, '处理中…', async () => {
    await api(`/api/v1/member-transfers/${t.id}/${action}`, { method: 'POST', json: {} });
    toast(action === 'approve' ? `${t.memberName} 已调入 ${t.toUnitName}` : '已驳回调动申请', 'ok');
    await reload();
  }).catch((e) => toast(e.message, 'error')));
  return button;
}

async function requestForm(context, reload) {
  const units = context.is('UNIT_OPERATOR') ? [] : await api('/api/v1/units?limit=500');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'transfer-submit' }, '提交调动申请');
  const form = h('form', { id: 'transfer-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('姓名', h('input', { type: 'text', name: 'name', id: 'transfer-name', maxlength: 50, autocomplete: 'off' })),
      field('身份证号码', h('input', { type: 'text', name: 'idNumber', id: 'transfer-id', maxlength: 18, autocomplete: 'off', spellcheck: 'false' })),
      units.length ? field('调入单位', h('select', { name: 'toUnitId', id: 'transfer-unit' },
        h('option', { value: '', text: '请选择单位' }), units.map((u) => h('option', { value: u.id, text: u.name }))), { errorFor: 'toUnitId' }) : null,
      field('调动原因', h('input', { type: 'text', name: 'reason', id: 'transfer-reason', maxlength: 200 }))),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  submitting(form, submit, '提交中…', async (text) => {
    const t = await api('/api/v1/member-transfers', { method: 'POST', json: {
      name: text('name'), idNumber: text('idNumber')?.toUpperCase() ?? null, reason: text('reason'),
      toUnitId: text('toUnitId') ? Number(text('toUnitId')) : null } });
    form.reset();
    toast(t.message || '已提交调动申请', 'ok');
    await reload();
  });
  return h('section', { class: 'card', 'aria-labelledby': 'transfer-form-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'transfer-form-title', text: '申请调入职工' }),
      h('p', { text: context.is('UNIT_OPERATOR') ? '调入本单位' : '' })),
    form);
}
