// 缴费与对账: the bills in scope (缴费单 HZB-…) and one bill's lines and payments; for finance the
// forms to register a payment or the union's subsidy, reverse one registered in error, import the
// bank statement, assign money that named no bill, and run the day's reconciliation.

import { addDays, api, busy, clearErrors, dateTime, exportButton, field, fill, formError, h, responsive, showErrors, toast, today, yuan } from '../lib.js';
import * as refunds from './refunds.js';
import { billTruthCard, financeTruthCard } from './payment-truth.js';


const STATUS = {
  OPEN: ['待缴费', 'badge-amber'], PARTIALLY_PAID: ['部分缴费', 'badge-blue'], PAID: ['已缴清', 'badge-green'], OVERPAID: ['超额缴费', 'badge-red'],
};
const LINE_STATUS = {
  NEW: ['未处理', ''], MATCHED: ['已匹配', 'badge-green'], PARTIAL: ['部分缴费', 'badge-blue'], OVERPAID: ['超额缴费', 'badge-amber'],
  CONFIRMED: ['已确认到账', 'badge-green'], UNMATCHED: ['待清分', 'badge-red'], ASSIGNED: ['已认领', 'badge-green'], DEBIT: ['支出', ''],
};
const SOURCE = { HAND: '财务登记', STATEMENT: '银行流水', DECLARED: '单位申报' };
const BATCH = { ENROLMENT: '单笔参保', ROSTER_IMPORT: '花名册导入', RENEWAL: '单位续保' };

function badge(map, status, id) {
  const [text, tone] = map[status] || [status, ''];
  return h('span', { class: `badge ${tone}`, id, dataset: { status }, text });
}

function stat(label, value, tone) {
  return h('div', { class: `stat ${tone || ''}` }, h('div', { class: 'n', style: 'font-size:20px', text: value }), h('div', { class: 'l', text: label }));
}

function alertError(e) {
  return h('div', { class: 'alert alert-error', role: 'alert', text: e.message });
}

export async function render(root, context) {
  const id = context.params.get('id');
  if (id) return showBill(root, Number(id), context);
  const finance = context.can('PAYMENT_REGISTER');
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '缴费与对账' }),
        h('p', { text: '参保按批次出具缴费单，单位转账时在附言中注明缴费单号（HZB-编号）；缴清后待缴费的参保自到账次日起生效' }))),
    h('div', { class: 'stack' },
      context.can('DECLARATION_CONFIRM') ? financeTruthCard(context) : null,
      billsCard(context),
      finance ? statementCard(context) : null,
      finance ? unmatchedCard(context) : null,
      finance ? reconciliationCard() : null));
}

// ---------- 缴费单 list ----------

function billsCard(context) {
  const status = h('select', { id: 'bills-status', 'aria-label': '缴费单状态' },
    h('option', { value: '', text: '全部状态' }),
    Object.entries(STATUS).map(([code, [text]]) => h('option', { value: code, text })));
  const body = h('div', { id: 'bills-list' }, h('p', { class: 'loading', text: '正在加载缴费单…' }));
  const exported = exportButton(context, '/api/v1/bills', { id: 'bills-export' });
  async function load() {
    exported.set(status.value ? { status: status.value } : {});
    const query = status.value ? `?status=${status.value}&limit=200` : '?limit=200';
    const bills = await api(`/api/v1/bills${query}`);
    if (!bills.length) { fill(body, h('p', { class: 'muted', text: '没有符合条件的缴费单' })); return; }
    fill(body, h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'bills-table' },
      h('caption', { class: 'visually-hidden', text: '缴费单' }),
      h('thead', {}, h('tr', {},
        h('th', { text: '缴费单号' }), h('th', { text: '单位' }), h('th', { text: '批次' }), h('th', { class: 'num', text: '应缴' }),
        h('th', { class: 'num', text: '已缴' }), h('th', { class: 'num', text: '欠缴' }), h('th', { class: 'num', text: '工会补贴未到' }),
        h('th', { text: '状态' }), h('th', { text: '缴清日期' }))),
      h('tbody', {}, bills.map((b) => h('tr', { dataset: { id: b.id } },
        h('td', { class: 'mono' }, h('a', { href: `#bills?id=${b.id}`, text: b.reference })),
        h('td', { text: b.unitName || `单位 #${b.unitId}` }),
        h('td', { text: `${BATCH[b.batchKind] || b.batchKind} #${b.batchId}${b.settlement === 'DECLARED' ? '（已申报缴费）' : ''}` }),
        h('td', { class: 'num', text: yuan(b.amountDue) }),
        h('td', { class: 'num', text: yuan(b.received) }),
        h('td', { class: 'num', text: yuan(b.outstanding) }),
        h('td', { class: 'num', text: yuan(b.unionSubsidyOutstanding) }),
        h('td', {}, badge(STATUS, b.status)),
        h('td', { class: 'nowrap', text: b.paidOn || '—' }))))))));
  }
  status.addEventListener('change', () => load().catch((e) => fill(body, alertError(e))));
  load().catch((e) => fill(body, alertError(e)));
  return h('section', { class: 'card', 'aria-labelledby': 'bills-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'bills-title', text: '缴费单' }), h('div', { class: 'export-tools' }, status, exported.el)),
    body);
}

// ---------- one bill ----------

async function showBill(root, id, context) {
  const finance = context.can('PAYMENT_REGISTER');
  const holder = h('div', { class: 'stack', id: 'bill-page' }, h('p', { class: 'loading', text: '正在加载缴费单…' }));
  fill(root,
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: '缴费单' }), h('p', { text: '应缴、到账、欠缴与参保明细' })),
      h('button', { type: 'button', class: 'btn', onclick: () => context.go('bills') }, '返回缴费单列表')),
    holder);
  async function load() {
    const bill = await api(`/api/v1/bills/${id}`);
    fill(holder,
      billSummary(bill),
      billTruthCard(bill, context, load),
      finance ? paymentForms(bill, load) : null,
      paymentsCard(bill, finance, load),
      linesCard(bill, context));
  }
  await load();
}

function billSummary(b) {
  return h('section', { class: 'card', 'aria-labelledby': 'bill-title' },
    h('div', { class: 'card-head' },
      h('h2', { id: 'bill-title' }, h('span', { class: 'mono', id: 'bill-reference', text: b.reference }), ' ', b.unitName || ''),
      badge(STATUS, b.status, 'bill-status')),
    h('p', { class: 'hint', text: `${BATCH[b.batchKind] || b.batchKind} #${b.batchId}，${b.lineCount} 条参保记录，出具于 ${b.createdOn}`
      + (b.paidOn ? `；${b.paidOn} 缴清` : '；缴清后参保自到账次日起生效') }),
    h('div', { class: 'totals' },
      stat('应缴（单位＋个人）', yuan(b.amountDue)),
      stat('已缴', yuan(b.received), 'ok'),
      stat('欠缴', yuan(b.outstanding), b.outstanding !== '0.00' ? 'bad' : 'ok'),
      stat('超额（预收）', yuan(b.excess), b.excess !== '0.00' ? 'bad' : null)),
    h('dl', { class: 'split', 'aria-label': '应缴构成' },
      h('div', {}, h('dt', { text: '单位部分' }), h('dd', { text: yuan(b.unitPart) })),
      h('div', {}, h('dt', { text: '个人部分（单位代收）' }), h('dd', { text: yuan(b.memberPart) })),
      h('div', {}, h('dt', { text: '工会补贴（另行拨付）' }),
        h('dd', { id: 'bill-union', text: `${yuan(b.unionSubsidyReceived)} / ${yuan(b.unionSubsidyDue)}` }))));
}

function paymentForms(bill, reload) {
  const pay = moneyForm('bill-pay', '登记单位到账', '到账日期', 'paidOn', async (body) => {
    const result = await api(`/api/v1/bills/${bill.id}/payments`, { method: 'POST', json: body });
    toast(result.duplicate ? '该流水号已登记过，未重复入账' : `已登记到账 ${yuan(result.payment.amount)}`, result.duplicate ? 'info' : 'ok');
  }, reload, bill.outstanding !== '0.00' ? bill.outstanding : '');
  const union = moneyForm('bill-union', '登记工会补贴到账', '到账日期', 'receivedOn', async (body) => {
    const result = await api('/api/v1/union-subsidies/receipts', { method: 'POST', json: { billId: bill.id, ...body } });
    toast(result.duplicate ? '该流水号已登记过，未重复入账' : `已登记工会补贴 ${yuan(result.payment.amount)}`, result.duplicate ? 'info' : 'ok');
  }, reload, bill.unionSubsidyOutstanding !== '0.00' ? bill.unionSubsidyOutstanding : '');
  return h('section', { class: 'card', 'aria-labelledby': 'bill-forms-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'bill-forms-title', text: '登记到账' })),
    h('p', { class: 'hint', text: '银行对账单导入后会按附言中的缴费单号自动匹配；此处用于凭回单手工登记。同一流水号只入账一次，银行流水到达后自动确认、不重复入账。' }),
    h('div', { class: 'form-grid' }, pay, union));
}

function moneyForm(id, title, dateLabel, dateField, send, reload, suggested) {
  const amount = h('input', { type: 'text', name: 'amount', id: `${id}-amount`, inputmode: 'decimal', value: suggested, placeholder: '0.00' });
  const date = h('input', { type: 'date', name: dateField, id: `${id}-date`, max: today() });   // no default: the slip's own date
  const reference = h('input', { type: 'text', name: 'reference', id: `${id}-reference`, maxlength: 100, autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: `${id}-submit` }, title);
  const form = h('form', { id, novalidate: true },
    h('h3', { text: title }),
    field('金额（元）', amount),
    field(dateLabel, date),
    field('银行流水号或回单号', reference),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    busy(submit, '正在登记…', async () => {
      try {
        await send({ amount: amount.value.trim() || null, [dateField]: date.value || null, reference: reference.value.trim() || null });
        await reload();
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  return form;
}

function paymentsCard(bill, finance, reload) {
  const rows = bill.payments || [];
  async function reverse(p) {
    const reason = window.prompt(`冲销到账 ${yuan(p.amount)}（流水号 ${p.reference}）的原因：`);
    if (reason === null) return;
    try {
      await api(`/api/v1/bills/${bill.id}/payments/${p.id}/reversal`, { method: 'POST', json: { reason } });
      toast('已冲销', 'ok');
      await reload();
    } catch (e) {
      toast(e.message, 'error');
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'bill-payments-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'bill-payments-title', text: '到账记录' })),
    rows.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'bill-payments' },
      h('thead', {}, h('tr', {},
        h('th', { text: '来源' }), h('th', { text: '缴款方' }), h('th', { class: 'num', text: '金额' }), h('th', { text: '到账日期' }),
        h('th', { text: '流水号' }), h('th', { class: 'num', text: '超额' }), h('th', { text: '银行确认' }), h('th', { text: '' }))),
      h('tbody', {}, rows.map((p) => h('tr', { dataset: { id: p.id }, class: p.reversed ? 'muted' : null },
        h('td', { text: SOURCE[p.source] || p.source }),
        h('td', { text: p.part === 'UNION_SUBSIDY' ? '工会' : '单位' }),
        h('td', { class: 'num', text: yuan(p.amount) }),
        h('td', { class: 'nowrap', text: p.paidOn }),
        h('td', { class: 'mono', text: p.reference }),
        h('td', { class: 'num', text: p.excess !== '0.00' ? yuan(p.excess) : '—' }),
        h('td', {}, p.reversed ? h('span', { class: 'badge badge-red', text: `已冲销 ${p.reversedOn}` })
          : p.awaitingBankConfirmation ? h('span', { class: 'badge badge-amber', text: `待银行确认（已确认 ${yuan(p.bankConfirmed)}）` })
            : h('span', { class: 'badge badge-green', text: '银行已确认' })),
        h('td', {}, finance && p.source === 'HAND' && !p.reversed && p.bankConfirmed === '0.00'
          ? h('button', { type: 'button', class: 'btn btn-small', onclick: () => reverse(p) }, '冲销') : null)))))))
      : h('p', { class: 'muted', text: '尚无到账' }));
}

function linesCard(bill, context) {
  const lines = bill.lines || [];
  return h('section', { class: 'card', 'aria-labelledby': 'bill-lines-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'bill-lines-title', text: `参保明细（${bill.lineCount} 条）` }), refunds.billAction(bill, context)),
    h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'bill-lines' },
      h('thead', {}, h('tr', {},
        h('th', { text: '参保记录' }), h('th', { text: '职工' }), h('th', { class: 'num', text: '单位' }),
        h('th', { class: 'num', text: '工会补贴' }), h('th', { class: 'num', text: '个人' }))),
      h('tbody', {}, lines.map((l) => h('tr', {},
        h('td', { class: 'mono', text: `#${l.enrolmentId}` }),
        h('td', {}, h('a', { href: `#members?id=${l.memberId}`, text: l.memberName || '—' }), ' ', h('span', { class: 'mono muted', text: l.maskedIdNumber || '' })),
        h('td', { class: 'num', text: yuan(l.unit) }),
        h('td', { class: 'num', text: yuan(l.union) }),
        h('td', { class: 'num', text: yuan(l.member) }))))))),
    bill.lineCount > lines.length ? h('p', { class: 'hint', text: `仅显示前 ${lines.length} 条` }) : null);
}

// ---------- 银行对账单 ----------

function statementCard(context) {
  const file = h('input', { type: 'file', name: 'file', id: 'statement-file', accept: '.xml,.csv,text/csv,application/xml,text/xml' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'statement-submit' }, '导入对账单');
  const result = h('div', { id: 'statement-result' });
  const form = h('form', { id: 'statement-form', novalidate: true },
    field('对账单文件（camt.053 XML 或 CSV）', file, {
      hint: 'CSV 列：交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号；收入为正、支出为负；UTF-8 或 GBK。同一流水只入账一次。',
    }),
    formError(),
    h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!file.files.length) {
      showErrors(form, { errors: [{ field: 'file', message: '请选择对账单文件' }], message: '请选择文件' });
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    busy(submit, '正在导入…', async () => {
      try {
        const summary = await api('/api/v1/bank-statements', { method: 'POST', form: data });
        file.value = '';
        fill(result, statementSummary(summary));
        toast(`已导入：新增 ${summary.newLines} 条，重复 ${summary.duplicates} 条`, 'ok');
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'statement-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'statement-title', text: '导入银行对账单' })),
    form, result);
}

function statementSummary(s) {
  return h('div', { style: 'margin-top:14px' },
    h('div', { class: 'totals' },
      stat('流水', String(s.lines)), stat('新增', String(s.newLines)), stat('重复（未入账）', String(s.duplicates)),
      stat('已匹配', String(s.matched), 'ok'), stat('部分缴费', String(s.partial)), stat('待清分', String(s.unmatched), s.unmatched ? 'bad' : null)),
    s.results.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'statement-lines' },
      h('thead', {}, h('tr', {},
        h('th', { text: '位置' }), h('th', { text: '流水号' }), h('th', { text: '起息日' }), h('th', { class: 'num', text: '金额' }),
        h('th', { text: '结果' }), h('th', { text: '说明' }))),
      h('tbody', {}, s.results.map((r) => h('tr', {},
        h('td', { text: r.position }),
        h('td', { class: 'mono', text: r.bankReference || '—' }),
        h('td', { class: 'nowrap', text: r.valueDate }),
        h('td', { class: 'num', text: `${r.credit ? '' : '-'}${yuan(r.amount)}` }),
        h('td', {}, badge(LINE_STATUS, r.status)),
        h('td', {}, r.matchedReference ? h('a', { href: `#bills?id=${r.matchedReference.replace('HZB-', '')}`, class: 'mono', text: r.matchedReference }) : null,
          r.note ? ` ${r.note}` : '')))))))
      : null);
}

// ---------- 待清分收款 ----------

function unmatchedCard(context) {
  const exported = exportButton(context, '/api/v1/bank-statement-lines', { id: 'unmatched-export', personal: true });
  exported.set({ status: 'UNMATCHED' });
  const body = h('div', { id: 'unmatched-list' }, h('p', { class: 'loading', text: '正在加载…' }));
  async function load() {
    const lines = await api('/api/v1/bank-statement-lines?status=UNMATCHED&limit=200');
    if (!lines.length) { fill(body, h('p', { class: 'muted', text: '没有待清分的收款' })); return; }
    fill(body, h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'unmatched-table' },
      h('thead', {}, h('tr', {},
        h('th', { text: '起息日' }), h('th', { class: 'num', text: '金额' }), h('th', { text: '付款方' }), h('th', { text: '附言' }),
        h('th', { text: '流水号' }), h('th', { text: '认领至缴费单' }))),
      h('tbody', {}, lines.map((l) => h('tr', { dataset: { id: l.id } },
        h('td', { class: 'nowrap', text: l.valueDate }),
        h('td', { class: 'num', text: yuan(l.amount) }),
        h('td', { text: l.counterpartyName || '—' }),
        h('td', { text: l.remittance || '—' }),
        h('td', { class: 'mono', text: l.bankReference || '—' }),
        h('td', {}, assignForm(l, load)))))))));
  }
  load().catch((e) => fill(body, alertError(e)));
  return h('section', { class: 'card', 'aria-labelledby': 'unmatched-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'unmatched-title', text: '待清分收款' }), exported.el),
    h('p', { class: 'hint', text: '附言中没有（或写错）缴费单号的收款已记入待清分（2241）；核实后认领至缴费单。' }),
    body);
}

function assignForm(line, reload) {
  const bill = h('input', { type: 'text', name: 'billId', inputmode: 'numeric', placeholder: 'HZB-编号', 'aria-label': '缴费单号', style: 'width:9em' });
  const submit = h('button', { type: 'submit', class: 'btn btn-small' }, '认领');
  const form = h('form', { novalidate: true, style: 'display:flex;gap:6px;align-items:center' }, bill, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const billId = Number(bill.value.replace(/[^0-9]/g, ''));
    if (!billId) { toast('请填写缴费单号', 'error'); return; }
    busy(submit, '…', async () => {
      try {
        const result = await api(`/api/v1/bank-statement-lines/${line.id}/assignment`, { method: 'POST', json: { billId } });
        toast(`已认领至 ${result.bill.reference}`, 'ok');
        await reload();
      } catch (e) {
        toast(e.message, 'error');
      }
    });
  });
  return form;
}

// ---------- 对账 ----------

function reconciliationCard() {
  const date = h('input', { type: 'date', id: 'reconcile-date', max: today(), value: addDays(today(), -1) });
  const run = h('button', { type: 'button', class: 'btn btn-primary', id: 'reconcile-run' }, '对账');
  const show = h('button', { type: 'button', class: 'btn', id: 'reconcile-show' }, '查看上次结果');
  const body = h('div', { id: 'reconcile-result' });
  run.addEventListener('click', () => busy(run, '正在对账…', async () => {
    try {
      fill(body, runView(await api('/api/v1/reconciliations', { method: 'POST', json: { date: date.value || null } })));
    } catch (e) {
      fill(body, alertError(e));
    }
  }));
  show.addEventListener('click', () => api(`/api/v1/reconciliations/${date.value}`)
    .then((r) => fill(body, runView(r))).catch((e) => fill(body, alertError(e))));
  return h('section', { class: 'card', 'aria-labelledby': 'reconcile-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'reconcile-title', text: '银行对账' })),
    h('p', { class: 'hint', text: '按起息日核对银行流水、业务账面与总账银行存款（1002），列出全部差异；对账只记录差异，不改变任何到账状态。每日 06:30 自动核对前一日。' }),
    h('div', { style: 'display:flex;gap:8px;align-items:end;flex-wrap:wrap' }, field('对账日期', date), run, show),
    body);
}

function runView(r) {
  return h('div', { style: 'margin-top:14px', id: 'reconcile-run-view' },
    h('div', { class: 'card-head' },
      h('h3', { text: `${r.date} 对账结果` }),
      r.clean ? h('span', { class: 'badge badge-green', id: 'reconcile-clean', text: '✓ 账实相符' })
        : h('span', { class: 'badge badge-red', id: 'reconcile-clean', text: `${r.differenceCount} 项差异` })),
    h('div', { class: 'totals' },
      stat('银行流水净额', yuan(r.statementTotal)), stat('业务账面合计', yuan(r.booksTotal)), stat('总账 1002 发生额', yuan(r.ledgerTotal))),
    r.differences.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'reconcile-differences' },
      h('thead', {}, h('tr', {},
        h('th', { text: '差异类型' }), h('th', { text: '业务编号' }), h('th', { class: 'num', text: '银行' }), h('th', { class: 'num', text: '账面' }),
        h('th', { text: '说明' }))),
      h('tbody', {}, r.differences.map((d) => h('tr', { dataset: { kind: d.kind } },
        h('td', { class: 'nowrap', text: d.kindName }),
        h('td', { class: 'mono', text: d.reference || '—' }),
        h('td', { class: 'num', text: d.statementAmount ? yuan(d.statementAmount) : '—' }),
        h('td', { class: 'num', text: d.booksAmount ? yuan(d.booksAmount) : '—' }),
        h('td', { text: d.message })))))))
      : null,
    h('p', { class: 'hint', text: `${r.runBy} 于 ${dateTime(r.runAt)} 核对` }));
}
