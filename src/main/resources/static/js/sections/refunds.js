// 退保与退费: a unit operator or union staff asks to cancel an enrolment (one worker, or several lines of a bill) with a
// reason, after a preview of what it refunds to whom under which rule; unpaid ones are cancelled at once, paid ones wait
// for a second person (复核清单), whose approval hands the refund to 互助金支付 as a payout of kind 退费. Labels of
// statuses, stages and payouts come from the API.

import { api, busy, dateTime, field, fill, formError, h, responsive, submitting, toast, yuan } from '../lib.js';

const TONE = { DONE: '', PROPOSED: 'badge-amber', APPROVED: 'badge-green', REJECTED: 'badge-red' };

export async function render(root, context) {
  if (context.params.get('enrolment')) return cancelEnrolment(root, Number(context.params.get('enrolment')), context);
  if (context.params.get('bill')) return cancelBillLines(root, Number(context.params.get('bill')), context);
  const pending = h('div', { id: 'cancellations-pending' }, h('p', { class: 'loading', text: '正在加载…' }));
  const all = h('div', { id: 'cancellations-all' }, h('p', { class: 'loading', text: '正在加载…' }));
  const load = async () => {
    const [proposed, recent] = await Promise.all([api('/api/v1/enrolment-cancellations?status=PROPOSED&limit=200'),
      api('/api/v1/enrolment-cancellations?limit=100')]);
    fill(pending, proposed.length ? table(proposed, context, load, 'cancellations-pending-table') : h('p', { class: 'empty', text: '没有待复核的退保申请' }));
    fill(all, recent.length ? table(recent, context, null, 'cancellations-table') : h('p', { class: 'empty', text: '暂无退保记录' }));
  };
  fill(root,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '退保与退费' }),
      h('p', { text: '未缴费的参保即时退保并核减缴费单；已缴费的退费须由申请人以外的另一人复核，经互助金支付渠道退回付款方' }))),
    h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'cancellations-pending-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'cancellations-pending-title', text: '待复核' }),
          h('p', { text: context.can('ENROLMENT_CANCEL_APPROVE') ? '本人提出的申请须由他人复核' : '由工会工作人员复核' })),
        pending),
      h('section', { class: 'card', 'aria-labelledby': 'cancellations-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'cancellations-title', text: '退保记录' })), all)));
  await load();
}

/** Cancellations; with {@code reload} the ones the caller may decide carry 复核通过 / 驳回. */
function table(items, context, reload, id) {
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id },
    h('caption', { class: 'visually-hidden', text: '退保申请' }),
    h('thead', {}, h('tr', {}, h('th', { text: '职工' }), h('th', { text: '缴费单' }), h('th', { text: '退保原因与规则' }),
      h('th', { class: 'num', text: '退费' }), h('th', { text: '退给' }), h('th', { text: '状态' }), h('th', { text: '' }))),
    h('tbody', {}, items.map((c) => h('tr', { dataset: { id: c.id, status: c.status } },
      h('td', { class: 'nowrap' }, h('div', { text: c.memberName }), h('div', { class: 'muted', text: `参保记录 #${c.enrolmentId}` })),
      h('td', { class: 'nowrap' }, h('a', { href: `#bills?id=${c.billId}`, class: 'mono', text: c.billReference }), h('div', { class: 'muted', text: c.stageName })),
      h('td', {}, h('div', { text: c.reason }), h('div', { class: 'muted', text: c.rule })),
      h('td', { class: 'num' }, h('div', { text: yuan(c.toPayer) }), c.toSubsidy !== '0.00' ? h('div', { class: 'muted', text: `补贴退回预算 ${yuan(c.toSubsidy)}` }) : null),
      h('td', {}, c.payeeMaskedAccount ? [h('div', { text: c.payeeName || c.payerName }), h('div', { class: 'mono muted', text: `${c.payeeBank || ''} ${c.payeeMaskedAccount}` })] : '—'),
      h('td', {}, h('span', { class: `badge ${TONE[c.status] || ''}`, text: c.statusName }),
        h('div', { class: 'muted', text: `${c.requestedBy} · ${dateTime(c.requestedAt)}` }),
        c.decidedBy ? h('div', { class: 'muted', text: `复核：${c.decidedBy}${c.decisionNote ? '：' + c.decisionNote : ''}` }) : null,
        c.payoutReference ? h('div', { class: 'muted nowrap' }, `${c.payoutKindName || '退费'} `,
          context.can('PAYOUT_READ') ? h('a', { href: `#payouts?ref=${c.payoutReference}`, class: 'mono', text: c.payoutReference }) : h('span', { class: 'mono', text: c.payoutReference }),
          c.payoutStatusName ? ` · ${c.payoutStatusName}` : '') : null),
      h('td', { class: 'nowrap' }, c.canDecide && reload ? [decide(c, 'approve', '复核通过', reload), ' ', decide(c, 'reject', '驳回', reload)] : null)))))));
}

function decide(c, action, label, reload) {
  const button = h('button', { type: 'button', class: action === 'approve' ? 'btn btn-small btn-primary' : 'btn btn-small', dataset: { [action]: c.id } }, label);
  button.addEventListener('click', () => {
    const note = action === 'reject' ? window.prompt('驳回理由') : '';
    if (note === null) return;
    busy(button, '处理中…', async () => {
      const done = await api(`/api/v1/enrolment-cancellations/${c.id}/${action}`, { method: 'POST', json: { note } });
      toast(action === 'approve' ? `已退保，退费 ${yuan(done.toPayer)} 已生成支付指令 ${done.payoutReference || ''}` : '已驳回退保申请', 'ok');
      await reload();
    }).catch((e) => toast(e.message, 'error'));
  });
  return button;
}

/** The preview of one enrolment's cancellation: stage, rule, refund and to whom; refused ones say why. */
function previewCard(p) {
  const fact = (label, value) => h('div', {}, h('dt', { text: label }), h('dd', {}, value ?? '—'));
  return h('section', { class: 'card', id: 'cancellation-preview', 'aria-labelledby': 'cancellation-preview-title', dataset: { allowed: p.allowed } },
    h('div', { class: 'card-head' }, h('h2', { id: 'cancellation-preview-title', text: `退保预览 · ${p.memberName} · 参保记录 #${p.enrolmentId}` })),
    p.allowed ? null : h('div', { class: 'alert alert-error', role: 'alert', id: 'cancellation-refusal', style: 'margin-bottom:14px', text: p.refusal }),
    h('dl', { class: 'facts' },
      fact('阶段', p.stageName),
      p.allowed ? [
        fact('适用规则', p.rule),
        fact('退给付款方', `${yuan(p.toPayer)}（${p.payerName}）`),
        fact('退回工会补贴预算', yuan(p.toSubsidy)),
        fact('收款账户', p.payer === 'MEMBER' ? (p.payeeMaskedAccount || '职工未登记收款账户') : p.toPayer !== '0.00' ? '单位退费账户（下方填写）' : null),
        fact('复核', p.needsApproval ? '须由另一人复核后退费' : '无需复核，即时退保')] : null));
}

async function cancelEnrolment(root, id, context) {
  const preview = await api(`/api/v1/enrolments/${id}/cancellation-preview`);
  fill(root, head(context), h('div', { class: 'stack' }, previewCard(preview),
    preview.allowed ? cancelForm(`/api/v1/enrolments/${id}/cancellations`, preview.payer === 'UNIT' && preview.toPayer !== '0.00', null,
      preview.payerName, context) : null));
}

async function cancelBillLines(root, billId, context) {
  const bill = await api(`/api/v1/bills/${billId}`);
  const previews = await Promise.all((bill.lines || []).map((l) => api(`/api/v1/enrolments/${l.enrolmentId}/cancellation-preview`)));
  const choices = h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'cancel-lines' },
    h('caption', { class: 'visually-hidden', text: '选择退保的职工' }),
    h('thead', {}, h('tr', {}, h('th', { text: '' }), h('th', { text: '职工' }), h('th', { text: '阶段与规则' }), h('th', { class: 'num', text: '退费' }))),
    h('tbody', {}, previews.map((p) => h('tr', { dataset: { id: p.enrolmentId } },
      h('td', {}, h('input', { type: 'checkbox', name: 'enrolmentIds', value: p.enrolmentId, disabled: !p.allowed, 'aria-label': `选择 ${p.memberName}` })),
      h('td', { class: 'nowrap' }, h('div', { text: p.memberName }), h('div', { class: 'muted', text: `参保记录 #${p.enrolmentId}` })),
      h('td', {}, h('div', { text: p.stageName || '' }), h('div', { class: p.allowed ? 'muted' : 'error-text', text: p.allowed ? p.rule : p.refusal })),
      h('td', { class: 'num', text: p.allowed ? yuan(p.toPayer) : '—' })))))));
  const paid = previews.some((p) => p.allowed && p.toPayer !== '0.00');
  fill(root, head(context), h('div', { class: 'stack' },
    h('section', { class: 'card', 'aria-labelledby': 'cancel-lines-title' },
      h('div', { class: 'card-head' }, h('h2', { id: 'cancel-lines-title', text: `缴费单 ${bill.reference} · 选择退保的职工` }),
        h('p', { text: `${bill.unitName || ''} · ${bill.statusName}` })),
      choices),
    cancelForm(`/api/v1/bills/${billId}/cancellations`, paid && bill.unitId, choices, bill.unitName, context)));
}

function head(context) {
  return h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: '申请退保' }),
    h('p', { text: '请填写退保原因；已缴费的，退费退回付款单位的账户（个人缴费退回职工本人账户）' })),
  h('button', { type: 'button', class: 'btn', onclick: () => context.go('refunds') }, '返回退保与退费'));
}

/** The reason, and for a unit's paid enrolment the unit's account the refund is paid to. */
function cancelForm(path, unitAccount, choices, unitName, context) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'cancel-submit' }, '提交退保');
  const form = h('form', { id: 'cancel-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field('退保原因', h('input', { type: 'text', name: 'reason', id: 'cancel-reason', maxlength: 200, required: true })),
      unitAccount ? [
        field('退费账户户名', h('input', { type: 'text', name: 'accountName', id: 'cancel-account-name', value: unitName || '', maxlength: 140 })),
        field('开户银行', h('input', { type: 'text', name: 'bankName', id: 'cancel-bank', maxlength: 60 })),
        field('银行账号', h('input', { type: 'text', name: 'accountNumber', id: 'cancel-account', maxlength: 40, autocomplete: 'off', spellcheck: 'false' })),
      ] : null),
    choices ? h('div', { hidden: true }, field('职工', h('span'), { errorFor: 'enrolmentIds' })) : null,
    formError(),
    h('div', { class: 'form-actions' }, submit));
  submitting(form, submit, '提交中…', async (text) => {
    const json = { reason: text('reason'), accountName: text('accountName'), bankName: text('bankName'), accountNumber: text('accountNumber') };
    if (choices) json.enrolmentIds = [...choices.querySelectorAll('input[name=enrolmentIds]:checked')].map((i) => Number(i.value));
    const done = await api(path, { method: 'POST', json });
    const list = Array.isArray(done) ? done : [done];
    toast(list.every((c) => c.status === 'DONE') ? '已退保，缴费单已核减' : '已提交退保申请，待另一人复核后退费', 'ok');
    context.go('refunds');
  });
  return h('section', { class: 'card', 'aria-labelledby': 'cancel-form-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'cancel-form-title', text: '退保申请' })), form);
}

/** The 退保 action on an enrolment (members' enrolment cards): for whoever may ask, on an enrolment not cancelled. */
export function cancelAction(e, context) {
  if (!context.can('ENROLMENT_CANCEL') || e.status === 'CANCELLED') return null;
  return h('button', { type: 'button', class: 'btn btn-small', dataset: { cancelEnrolment: e.id }, onclick: () => context.go('refunds', { enrolment: e.id }) }, '退保');
}

/** The 退保 action on a bill (its lines card): choose one or several workers of the bill. */
export function billAction(bill, context) {
  if (!context.can('ENROLMENT_CANCEL') || bill.status === 'CANCELLED' || !(bill.lines || []).length) return null;
  return h('button', { type: 'button', class: 'btn btn-small', id: 'bill-cancel-lines', onclick: () => context.go('refunds', { bill: bill.id }) }, '退保');
}
