// 事后抽查: the post-payment check queue of automatic approvals and the recoveries it opened (a console section), and
// the claim page's card with its check (result, a second person's confirmation) and its recovery (repayments and a
// write-off by two finance officers).

import { api, busy, clearErrors, dateTime, field, fill, formError, h, responsive, showErrors, toast, today, yuan } from '../lib.js';

const CHECK = { OPEN: ['待抽查', 'badge-amber'], FINDING: ['发现问题待复核', 'badge-red'], CLEARED: ['无问题', 'badge-green'],
  CONFIRMED: ['已确认，追回中', 'badge-red'] };
const RECOVERY = { OPEN: ['追回中', 'badge-amber'], REPAID: ['已追回', 'badge-green'], WRITTEN_OFF: ['已核销', ''] };

const badge = (table, status) => h('span', { class: `badge ${table[status]?.[1] || ''}`, dataset: { status }, text: table[status]?.[0] || status });

// ---------- 事后抽查 ----------

export const audits = {
  async render(root, context) {
    const checkStatus = h('select', { id: 'audits-status' }, h('option', { value: '', text: '全部' }),
      Object.entries(CHECK).map(([code, [text]]) => h('option', { value: code, text, selected: code === 'OPEN' })));
    const recoveryStatus = h('select', { id: 'recoveries-status' }, h('option', { value: '', text: '全部' }),
      Object.entries(RECOVERY).map(([code, [text]]) => h('option', { value: code, text })));
    const checks = h('div', { id: 'audits-results' }, h('p', { class: 'loading', text: '正在加载…' }));
    const recoveries = h('div', { id: 'recoveries-results' }, h('p', { class: 'loading', text: '正在加载…' }));
    const open = (id) => context.go('claims', { id });
    const loadChecks = () => api(`/api/v1/claim-audits${checkStatus.value ? `?status=${checkStatus.value}` : ''}`)
      .then((items) => fill(checks, checksTable(items, open))).catch((e) => toast(e.message, 'error'));
    const loadRecoveries = () => api(`/api/v1/recoveries${recoveryStatus.value ? `?status=${recoveryStatus.value}` : ''}`)
      .then((items) => fill(recoveries, recoveriesTable(items, open))).catch((e) => toast(e.message, 'error'));
    checkStatus.addEventListener('change', loadChecks);
    recoveryStatus.addEventListener('change', loadRecoveries);
    fill(root,
      h('div', { class: 'page-head' },
        h('div', {},
          h('h1', { text: '事后抽查' }),
          h('p', { text: '自动核准的申请按比例随机抽取，风险评分高的全部抽取；发现问题须另一人复核确认后追回' }))),
      h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-labelledby': 'audits-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'audits-title', text: '抽查队列' })),
        h('div', { class: 'search-bar audit-filter', role: 'search', 'aria-label': '筛选抽查' }, field('抽查状态', checkStatus)),
        h('div', { style: 'margin-top:14px' }, checks)),
      h('section', { class: 'card', 'aria-labelledby': 'recoveries-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'recoveries-title', text: '互助金追回' }),
          h('p', { text: '应收款：确认时记入 1221 其他应收款—互助金追回' })),
        h('div', { class: 'search-bar audit-filter', role: 'search', 'aria-label': '筛选追回' }, field('追回状态', recoveryStatus)),
        h('div', { style: 'margin-top:14px' }, recoveries))));
    await Promise.all([loadChecks(), loadRecoveries()]);
  },
};

function checksTable(items, open) {
  if (!items.length) return h('p', { class: 'empty', text: '没有符合条件的抽查' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'audits-table' },
    h('thead', {}, h('tr', {}, h('th', { text: '编号' }), h('th', { text: '抽中日期' }), h('th', { text: '抽取方式' }),
      h('th', { class: 'num', text: '风险评分' }), h('th', { class: 'num', text: '已付金额' }), h('th', { text: '状态' }),
      h('th', { class: 'num', text: '拟追回' }))),
    h('tbody', {}, items.map((c) => h('tr', { dataset: { id: c.claimId, status: c.status } },
      h('td', { class: 'nowrap' }, h('button', { type: 'button', class: 'linklike', onclick: () => open(c.claimId) }, c.reference)),
      h('td', { class: 'nowrap', text: c.drawnOn }),
      h('td', { class: 'nowrap', text: c.drawnByShare ? '随机抽取' : '风险评分' }),
      h('td', { class: 'num', title: c.riskFactors.map((f) => f.name).join('；'), text: c.riskScore }),
      h('td', { class: 'num', text: yuan(c.paidAmount) }),
      h('td', {}, badge(CHECK, c.status)),
      h('td', { class: 'num', text: c.findingAmount ? yuan(c.findingAmount) : '—' })))))));
}

function recoveriesTable(items, open) {
  if (!items.length) return h('p', { class: 'empty', text: '没有追回记录' });
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'recoveries-table' },
    h('thead', {}, h('tr', {}, h('th', { text: '编号' }), h('th', { text: '原因' }), h('th', { class: 'num', text: '应追回' }),
      h('th', { class: 'num', text: '已到账' }), h('th', { class: 'num', text: '已核销' }), h('th', { class: 'num', text: '尚欠' }),
      h('th', { text: '状态' }))),
    h('tbody', {}, items.map((r) => h('tr', { dataset: { id: r.id, claim: r.claimId } },
      h('td', { class: 'nowrap' }, h('button', { type: 'button', class: 'linklike', onclick: () => open(r.claimId) }, r.reference)),
      h('td', { text: r.reasonName }),
      h('td', { class: 'num', text: yuan(r.amount) }),
      h('td', { class: 'num', text: yuan(r.repaid) }),
      h('td', { class: 'num', text: yuan(r.writtenOff) }),
      h('td', { class: 'num', text: yuan(r.outstanding) }),
      h('td', {}, h('div', { class: 'badges' }, badge(RECOVERY, r.status),
        r.writeOffProposedBy && r.status === 'OPEN' ? h('span', { class: 'badge badge-blue', text: '核销待批准' }) : null))))))));
}

// ---------- the claim page ----------

let findingCodes = null;

/** The claim's post-payment check and recovery, for those who may see checks; nothing for a claim never drawn. */
export function auditCard(claim, context, reload) {
  if (!context.can('CLAIM_AUDIT') || !['APPROVED', 'PAYMENT_PENDING', 'PAID', 'PAYMENT_FAILED'].includes(claim.status)) return null;
  const card = h('section', { class: 'card', id: 'audit-card', 'aria-labelledby': 'audit-title' });
  findingCodes = findingCodes || api('/api/v1/claim-audits/finding-codes').catch((e) => { findingCodes = null; throw e; });
  Promise.all([api(`/api/v1/claims/${claim.id}/audit`), findingCodes]).then(([check, codes]) => {
    if (!check.drawn) {
      card.remove();
      return;
    }
    fill(card, ...auditParts(check, codes, claim, reload));
  }).catch((e) => fill(card, h('p', { class: 'alert alert-error', text: e.message })));
  return card;
}

function auditParts(c, codes, claim, reload) {
  const fact = (label, value) => h('div', {}, h('dt', { text: label }), h('dd', {}, value ?? '—'));
  const parts = [
    h('div', { class: 'card-head' }, h('h2', { id: 'audit-title', text: '事后抽查' }), badge(CHECK, c.status)),
    h('dl', { class: 'facts' },
      fact('抽中', `${c.drawnOn} · ${c.drawnByShare ? '随机抽取' : '按风险评分抽取'}`),
      fact('风险评分', h('span', { id: 'audit-risk' }, String(c.riskScore))),
      fact('已付金额', yuan(c.paidAmount)),
      c.findingCode ? fact('发现问题', `${c.findingName}，拟追回 ${yuan(c.findingAmount)}`) : null),
    c.riskFactors.length ? h('ul', { class: 'plain-list risk-factors' }, c.riskFactors.map((f) => h('li', { dataset: { code: f.code } },
      h('span', { class: 'badge badge-amber', text: `+${f.weight}` }), ` ${f.name}`))) : null,
    c.note ? h('p', { class: 'hint', text: `说明：${c.note}` }) : null,
  ];
  if (c.canRecord) parts.push(resultForm(c, codes, claim, reload));
  if (c.canConfirm) parts.push(secondLook(c, claim, reload));
  if (c.steps.length) {
    parts.push(h('ol', { class: 'plain-list audit-steps' }, c.steps.map((s) => h('li', { dataset: { step: s.step } },
      h('strong', { text: s.stepName }), h('span', { class: 'hint', text: ` · ${s.actorName} · ${dateTime(s.at)}${s.note ? ` · ${s.note}` : ''}` })))));
  }
  if (c.recovery) parts.push(recoveryPart(c.recovery, claim, reload));
  return parts;
}

function resultForm(c, codes, claim, reload) {
  const clear = h('input', { type: 'radio', name: 'outcome', value: 'NO_ISSUE', id: 'audit-outcome-clear', checked: true });
  const found = h('input', { type: 'radio', name: 'outcome', value: 'FINDING', id: 'audit-outcome-finding' });
  const code = h('select', { id: 'audit-finding', name: 'findingCode' }, h('option', { value: '', text: '— 请选择 —' }),
    codes.map((x) => h('option', { value: x.code, text: x.name })));
  const amount = h('input', { type: 'text', inputmode: 'decimal', id: 'audit-amount', name: 'amount', placeholder: `不超过 ${c.paidAmount}` });
  const note = h('textarea', { id: 'audit-note', name: 'note', rows: 2, maxlength: 500 });
  const finding = h('div', { class: 'form-grid', hidden: true }, field('问题类型', code), field('应追回金额（元）', amount));
  const toggle = () => { finding.hidden = !found.checked; };
  clear.addEventListener('change', toggle);
  found.addEventListener('change', toggle);
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'audit-record' }, '登记抽查结论');
  const form = h('form', { id: 'audit-form', novalidate: true },
    h('fieldset', { class: 'choice' }, h('legend', { text: '抽查结论' }), h('label', {}, clear, '无问题'), h('label', {}, found, '发现问题，须追回')),
    h('p', { class: 'field-error', 'data-error-for': 'outcome', id: 'audit-outcome-error' }),
    finding, h('div', { style: 'margin-top:12px' }, field('说明', note)), formError(), h('div', { class: 'form-actions' }, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = found.checked ? { outcome: 'FINDING', findingCode: code.value || null, amount: amount.value.trim() || null, note: note.value.trim() || null }
      : { outcome: 'NO_ISSUE', note: note.value.trim() || null };
    busy(send, '保存中…', async () => {
      try {
        await api(`/api/v1/claims/${claim.id}/audit/result`, { method: 'POST', json: body });
        await reload({ kind: 'ok', title: '已登记抽查结论', text: found.checked ? '须由另一人复核确认后开立追回。' : '本申请抽查无问题。' });
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  return form;
}

function secondLook(c, claim, reload) {
  const note = h('input', { type: 'text', id: 'audit-decision-note', name: 'note', maxlength: 200 });
  const confirm = h('button', { type: 'button', class: 'btn btn-primary', id: 'audit-confirm' }, '确认并开立追回');
  const refuse = h('button', { type: 'button', class: 'btn', id: 'audit-refuse' }, '退回');
  const form = h('form', { id: 'audit-decision', novalidate: true },
    h('p', { class: 'alert alert-warn', text: `${c.checkedByName} 登记了问题：${c.findingName}，拟追回 ${yuan(c.findingAmount)}。请复核：确认后开立追回应收款，不同意请写明理由后退回。` }),
    h('div', { style: 'margin-top:12px' }, field('复核意见', note)), formError(), h('div', { class: 'form-actions' }, confirm, refuse));
  const decide = (button, path, label, title) => button.addEventListener('click', () => busy(button, label, async () => {
    clearErrors(form);
    try {
      await api(`/api/v1/claims/${claim.id}/audit/${path}`, { method: 'POST', json: { note: note.value.trim() || null } });
      await reload({ kind: 'ok', title, text: '' });
    } catch (e) {
      showErrors(form, e);
    }
  }));
  decide(confirm, 'confirmation', '确认中…', '已确认，开立追回');
  decide(refuse, 'refusal', '退回中…', '已退回，抽查重新待登记');
  return form;
}

function recoveryPart(r, claim, reload) {
  const parts = [h('hr', { class: 'divider' }),
    h('div', { class: 'card-head' }, h('h3', { text: '互助金追回' }), badge(RECOVERY, r.status)),
    h('dl', { class: 'split', id: 'recovery-amounts' },
      h('div', {}, h('dt', { text: '应追回' }), h('dd', { text: yuan(r.amount) })),
      h('div', {}, h('dt', { text: '已到账' }), h('dd', { text: yuan(r.repaid) })),
      h('div', {}, h('dt', { text: '已核销' }), h('dd', { text: yuan(r.writtenOff) })),
      h('div', {}, h('dt', { text: '尚欠' }), h('dd', { id: 'recovery-outstanding', text: yuan(r.outstanding) }))),
    r.repayments.length ? h('ul', { class: 'plain-list', id: 'recovery-repayments' }, r.repayments.map((p) => h('li', {},
      `${p.receivedOn} 到账 ${yuan(p.amount)}`, h('span', { class: 'hint', text: ` · 流水号 ${p.bankReference} · ${p.recordedBy}` })))) : null,
    r.writeOffProposedBy && r.status === 'OPEN' ? h('p', { class: 'alert alert-info', style: 'margin-top:10px',
      text: `${r.writeOffProposedBy} 提出核销余额：${r.writeOffReason}` }) : null];
  if (r.canRepay) parts.push(repaymentForm(r, claim, reload));
  if (r.canProposeWriteOff) parts.push(writeOffForm(r, reload));
  if (r.canDecideWriteOff) {
    const approve = h('button', { type: 'button', class: 'btn btn-primary', id: 'recovery-approve' }, '批准核销');
    const refuse = h('button', { type: 'button', class: 'btn', id: 'recovery-refuse' }, '不同意核销');
    const act = (button, path, title) => button.addEventListener('click', () => busy(button, '处理中…', async () => {
      await api(`/api/v1/recoveries/${r.id}/write-off/${path}`, { method: 'POST' });
      await reload({ kind: 'ok', title, text: '' });
    }).catch((e) => toast(e.message, 'error')));
    act(approve, 'approval', '已核销追回余额');
    act(refuse, 'refusal', '已退回核销申请');
    parts.push(h('div', { class: 'form-actions' }, approve, refuse));
  }
  return h('div', { id: 'recovery' }, parts);
}

function repaymentForm(r, claim, reload) {
  const amount = h('input', { type: 'text', inputmode: 'decimal', id: 'repay-amount', name: 'amount', value: r.outstanding });
  const on = h('input', { type: 'date', id: 'repay-on', name: 'receivedOn', max: today() });   // no default: the bank's date
  const reference = h('input', { type: 'text', id: 'repay-reference', name: 'bankReference', maxlength: 64, autocomplete: 'off' });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'recovery-repay' }, '登记到账');
  const form = h('form', { id: 'repay-form', novalidate: true, style: 'margin-top:12px' },
    h('div', { class: 'form-grid' }, field('到账金额（元）', amount), field('到账日期', on), field('银行流水号', reference)),
    formError(), h('div', { class: 'form-actions' }, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    busy(send, '登记中…', async () => {
      try {
        await api(`/api/v1/recoveries/${r.id}/repayments`, { method: 'POST',
          json: { amount: amount.value.trim() || null, receivedOn: on.value || null, bankReference: reference.value.trim() || null } });
        await reload({ kind: 'ok', title: '已登记追回款到账', text: `理赔 ${claim.reference}` });
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  return form;
}

function writeOffForm(r, reload) {
  const reason = h('input', { type: 'text', id: 'write-off-reason', name: 'reason', maxlength: 500, placeholder: '例如：职工已离世，无可执行财产' });
  const send = h('button', { type: 'submit', class: 'btn', id: 'recovery-propose' }, '提出核销余额');
  const form = h('form', { id: 'write-off-form', novalidate: true, style: 'margin-top:12px' },
    field('核销原因（须另一名财务人员批准）', reason), formError(), h('div', { class: 'form-actions' }, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    busy(send, '提交中…', async () => {
      try {
        await api(`/api/v1/recoveries/${r.id}/write-off`, { method: 'POST', json: { reason: reason.value.trim() || null } });
        await reload({ kind: 'ok', title: '已提出核销', text: '待另一名财务人员批准。' });
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  return form;
}
