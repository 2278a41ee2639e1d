// 缴费真实性 (issue 16): on a bill, where to pay (the fund's receiving account and the reference to write on the
// transfer), whether the bank has shown the money the unit declared paid, back-dated declarations waiting for finance,
// and the documents (缴费通知单, 缴费凭证, 参保人员名单); for finance, the declarations awaiting confirmation and the
// declared payments the bank has not shown in time (未到账确认), each a page at a time under its true count and sum. Status
// words come from the API.

import { api, h, money, pagedList, responsive, toast, yuan } from '../lib.js';

const TONE = { CONFIRMED: 'badge-green', AWAITING: 'badge-amber', UNCONFIRMED: 'badge-red', PENDING: 'badge-amber', REFUSED: 'badge-red' };

function badge(status, text, id) {
  return h('span', { class: `badge ${TONE[status] || ''}`, id, dataset: { status }, text });
}

async function decide(d, confirm, reload) {
  try {
    if (confirm) {
      if (!window.confirm(`确认 ${d.billReference} 的补报缴费 ${yuan(d.amount)}（缴费日期 ${d.paidOn}）已实际到账？确认后按该日期入账，参保随即生效。`)) return;
      await api(`/api/v1/payment-declarations/${d.id}/confirmation`, { method: 'POST' });
      toast('已确认入账', 'ok');
    } else {
      const reason = window.prompt(`退回 ${d.billReference} 的补报缴费的原因（单位可见）：`);
      if (reason === null) return;
      await api(`/api/v1/payment-declarations/${d.id}/refusal`, { method: 'POST', json: { reason } });
      toast('已退回', 'ok');
    }
    await reload();
  } catch (e) {
    toast(e.message, 'error');
  }
}

function declarationActions(d, context, reload) {
  if (d.status !== 'PENDING' || !context.can('DECLARATION_CONFIRM')) return null;
  if (d.declaredBy === context.me.username) return h('span', { class: 'muted', text: '本人申报，须由他人确认' });
  return h('div', { class: 'form-actions', style: 'margin:0' },
    h('button', { type: 'button', class: 'btn btn-small btn-primary', dataset: { confirm: d.id }, onclick: () => decide(d, true, reload) }, '确认到账'),
    h('button', { type: 'button', class: 'btn btn-small', dataset: { refuse: d.id }, onclick: () => decide(d, false, reload) }, '退回'));
}

/** The bill page's card: receiving account, transfer reference, bank confirmation, declarations, downloads. */
export function billTruthCard(bill, context, reload) {
  const t = bill.transfer || {};
  const c = bill.confirmation || {};
  const paid = bill.status === 'PAID' || bill.status === 'OVERPAID';
  const downloads = h('div', { class: 'form-actions', id: 'bill-documents' },
    bill.status !== 'CANCELLED'
      ? h('a', { class: 'btn', id: 'download-notice', href: `/api/v1/bills/${bill.id}/payment-notice.pdf`, download: '' }, '下载缴费通知单') : null,
    paid ? h('a', { class: 'btn', id: 'download-receipt', href: `/api/v1/bills/${bill.id}/receipt.pdf`, download: '' }, '下载缴费凭证') : null,
    bill.unitId && context.can('INSURED_LIST')
      ? h('a', { class: 'btn', id: 'download-insured-list', href: `/api/v1/units/${bill.unitId}/insured-list.pdf`, download: '' }, '下载参保人员名单')
      : null);
  const declarations = c.declarations || [];
  return h('section', { class: 'card', id: 'bill-truth', 'aria-labelledby': 'bill-truth-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'bill-truth-title', text: '收款账户与到账确认' }),
      c.status ? badge(c.status, c.statusName, 'bill-confirmation') : null),
    h('dl', { class: 'split', 'aria-label': '收款账户' },
      h('div', {}, h('dt', { text: '户名' }), h('dd', { id: 'receiving-name', text: t.accountName || '请联系所属工会' })),
      h('div', {}, h('dt', { text: '开户银行' }), h('dd', { id: 'receiving-bank', text: t.bank || '—' })),
      h('div', {}, h('dt', { text: '账号' }), h('dd', { class: 'mono', id: 'receiving-number', text: t.accountNumber || '—' }))),
    h('p', { class: 'hint', id: 'transfer-note' }, '转账附言（用途）请填写 ', h('strong', { class: 'mono', id: 'transfer-reference', text: t.reference }),
      '：银行流水到达后按此自动对账。'),
    c.status === 'UNCONFIRMED'
      ? h('div', { class: 'alert alert-error', role: 'alert', id: 'bill-unconfirmed',
        text: `单位申报已缴的款项在 ${c.confirmBy} 前未见银行到账（未确认到账）：请单位核实转账，财务核对银行流水；此期间的理赔转人工审核。` })
      : c.status === 'AWAITING' ? h('p', { class: 'hint', text: `单位申报已缴，待银行流水确认（${c.confirmBy} 前）` }) : null,
    declarations.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'bill-declarations' },
      h('thead', {}, h('tr', {}, h('th', { text: '补报缴费' }), h('th', { text: '缴费日期' }), h('th', { class: 'num', text: '金额' }),
        h('th', { text: '申报人' }), h('th', { text: '状态' }), h('th', { text: '' }))),
      h('tbody', {}, declarations.map((d) => h('tr', { dataset: { id: d.id } },
        h('td', { text: `早于申报日 ${d.daysBack} 天` }),
        h('td', { class: 'nowrap', text: d.paidOn }),
        h('td', { class: 'num', text: yuan(d.amount) }),
        h('td', { text: d.declaredBy }),
        h('td', {}, badge(d.status, d.statusName), d.refusalReason ? h('div', { class: 'hint', text: `原因：${d.refusalReason}` }) : null),
        h('td', {}, declarationActions(d, context, reload)))))))) : null,
    downloads);
}

/** Finance's card on the bills page: declarations awaiting confirmation, and declared money the bank has not shown. */
export function financeTruthCard(context) {
  const reload = () => Promise.all([pending.reload(), unconfirmed.reload()]);
  const pending = pagedList({
    id: 'pending-declarations', path: '/api/v1/payment-declarations', title: '待确认的补报缴费', style: 'margin:14px 0 8px',
    empty: '没有待确认的补报缴费', table: (items) => pendingTable(items, context, reload), sums: (s) => `合计 ${money(s.amount)}`,
  });
  const unconfirmed = pagedList({
    id: 'unconfirmed-payments', path: '/api/v1/unconfirmed-payments', title: '未到账确认', style: 'margin:18px 0 8px',
    empty: '没有逾期未到账的申报', table: unconfirmedTable,
    sums: (s) => `申报合计 ${money(s.amount)}，未到账 ${money(s.outstanding)}`,
  });
  reload();
  return h('section', { class: 'card', id: 'payment-truth', 'aria-labelledby': 'truth-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'truth-title', text: '补报缴费确认与未到账确认' })),
    h('p', { class: 'hint', text: '缴费日期早于 7 天的单位申报须由申报人以外的财务人员核实到账后确认；申报已缴 10 个工作日仍未与银行流水匹配的列为未确认到账，保障期内的理赔转人工审核。' }),
    h('div', { id: 'truth-lists' }, pending.el, unconfirmed.el));
}

function pendingTable(pending, context, reload) {
  return h('table', { id: 'pending-declarations' },
    h('thead', {}, h('tr', {}, h('th', { text: '缴费单号' }), h('th', { text: '单位' }), h('th', { text: '缴费日期' }),
      h('th', { class: 'num', text: '金额' }), h('th', { text: '申报人' }), h('th', { text: '' }))),
    h('tbody', {}, pending.map((d) => h('tr', { dataset: { id: d.id } },
      h('td', { class: 'mono' }, h('a', { href: `#bills?id=${d.billId}`, text: d.billReference })),
      h('td', { text: d.unitName || '—' }),
      h('td', { class: 'nowrap', text: `${d.paidOn}（早 ${d.daysBack} 天）` }),
      h('td', { class: 'num', text: yuan(d.amount) }),
      h('td', { text: `${d.declaredBy}（${d.declaredOn}）` }),
      h('td', {}, declarationActions(d, context, reload))))));
}

function unconfirmedTable(unconfirmed) {
  return h('table', { id: 'unconfirmed-payments' },
    h('thead', {}, h('tr', {}, h('th', { text: '缴费单号' }), h('th', { text: '单位' }), h('th', { class: 'num', text: '申报金额' }),
      h('th', { class: 'num', text: '银行已确认' }), h('th', { text: '缴费日期' }), h('th', { text: '应到账截止' }))),
    h('tbody', {}, unconfirmed.map((p) => h('tr', { dataset: { id: p.paymentId } },
      h('td', { class: 'mono' }, h('a', { href: `#bills?id=${p.billId}`, text: p.billReference })),
      h('td', { text: p.unitName || '—' }),
      h('td', { class: 'num', text: yuan(p.amount) }),
      h('td', { class: 'num', text: yuan(p.bankConfirmed) }),
      h('td', { class: 'nowrap', text: p.paidOn }),
      h('td', { class: 'nowrap', text: p.confirmBy })))));
}
