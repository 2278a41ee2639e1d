// 申诉与决定书 on a claim's page: the appeal card among the actions (lodging an appeal for a worker until the claim's
// appealableUntil; deciding it, for a reviewer: keep the original decision with a reason, or change it with the
// items' figures), the appeal beside the timeline, the decision letters (决定书); and the appeals in the review queue,
// 50 at a time under their whole count.
// Everything shown comes from the claim's view (appeal, appealableUntil, letters); the server decides who may act.

import { api, busy, clearErrors, dateTime, field, formError, h, pagedList, showErrors, yuan } from '../lib.js';
import { DOCUMENT_KINDS } from './claims.js';
import { checks, waivers } from './claim-evidence.js';

/** The claim page's appeal parts: {@code action}, a card among the actions (or null); {@code beside}, cards beside the timeline. */
export async function appealCards(claim, context, terms, reload) {
  const a = claim.appeal;
  let action = null;
  if (a && a.pending && context.can('CLAIM_DECIDE')) action = decideCard(claim, terms, await api('/api/v1/claims/review-rules'), reload, context);
  else if (!a && claim.appealableUntil && context.can('CLAIM_FILE')) action = lodgeCard(claim, reload);
  return { action, beside: [a ? appealSummary(claim) : null, claim.letters.length ? lettersCard(claim) : null] };
}

// ---------- lodging for a worker ----------

function lodgeCard(claim, reload) {
  const reason = h('textarea', { name: 'reason', id: 'appeal-reason', rows: 3, maxlength: 500, placeholder: '职工认为原决定有误的理由，例如：补充的出院小结可以证明住院属实' });
  const kind = h('select', { id: 'appeal-kind' }, Object.entries(DOCUMENT_KINDS).map(([code, text]) => h('option', { value: code, text })));
  const file = h('input', { type: 'file', id: 'appeal-file', multiple: true, accept: '.pdf,.ofd,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg' });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'appeal-lodge' }, '提出申诉');
  const form = h('form', { id: 'appeal-form', novalidate: true },
    field('申诉理由', reason, { hint: '必填，不超过 500 字' }),
    h('div', { class: 'upload-row' },
      field('补充材料类型', kind),
      field('补充材料（可不选，可多份）', file, { errorFor: 'documents' })),
    formError(),
    h('div', { class: 'form-actions' }, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = new FormData();
    body.append('reason', reason.value.trim());
    for (const f of file.files) { body.append('file', f); body.append('kind', kind.value); }
    busy(send, '正在提交…', async () => {
      try {
        const after = await api(`/api/v1/claims/${claim.id}/appeal`, { method: 'POST', form: body });
        await reload({ kind: 'ok', title: '已提出申诉', text: `由${after.appeal.levelName}未参与原决定的审核人员复核。` });
      } catch (e) {
        if (e.status === 409) await reload({ kind: 'error', title: '未能提出申诉', text: e.message });
        else showErrors(form, e);
      }
    });
  });
  const against = claim.status === 'REJECTED' ? '拒付' : '核减';
  return h('section', { class: 'card', id: 'appeal-card', 'aria-labelledby': 'appeal-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'appeal-title', text: '申诉' }),
      h('p', { id: 'appeal-until', text: `可代职工对${against}提出申诉，截止 ${claim.appealableUntil}；每件申领只能申诉一次` })),
    form);
}

// ---------- deciding ----------

function decideCard(claim, terms, rules, reload, context) {
  const a = claim.appeal;
  const proposed = new Map(a.proposed.map((p) => [p.item, p.amount]));
  const keep = h('input', { type: 'radio', name: 'outcome', value: 'UPHELD_ORIGINAL', id: 'appeal-keep' });
  const change = h('input', { type: 'radio', name: 'outcome', value: 'CHANGED', id: 'appeal-change', checked: Boolean(a.proposedBy) });
  const lines = claim.benefits.filter((b) => b.decision !== 'REJECT').map((b, k) => figureLine(b, k, terms, rules, proposed.get(b.item)));
  // changing a rejection to an approval needs the same evidence as any approval: waivers and acknowledged cross-checks
  const waived = a.kind === 'REJECTION' ? waivers(claim, rules) : { el: null, values: () => [] };
  const crossChecked = a.kind === 'REJECTION' ? checks(claim, true, context.me.username) : { card: null, acknowledged: () => [] };
  const figures = h('div', { class: 'adjust-rows', id: 'appeal-figures', hidden: !a.proposedBy }, lines.map((l) => l.el),
    crossChecked.card, waived.el, h('p', { class: 'field-error', 'data-error-for': 'acknowledged' }));
  const reason = h('textarea', { name: 'reason', id: 'appeal-decision-reason', rows: 2, maxlength: 500 });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'appeal-decide' }, '提交复核决定');
  [keep, change].forEach((r) => r.addEventListener('change', () => { figures.hidden = !change.checked; }));
  const form = h('form', { id: 'appeal-decide-form', novalidate: true },
    h('fieldset', { class: 'choice' }, h('legend', { text: '复核结论' }),
      h('label', {}, keep, '维持原决定'),
      h('label', {}, change, a.kind === 'REJECTION' ? '改为核准给付' : '调增给付（不低于原核定金额）')),
    h('p', { class: 'field-error', id: 'appeal-outcome-error', 'data-error-for': 'outcome' }),
    figures,
    h('p', { class: 'field-error', id: 'appeal-items-error', 'data-error-for': 'items' }),
    h('div', { style: 'margin-top:12px' }, field('复核意见', reason, { hint: '维持原决定须写明理由；记入办理进度' })),
    formError(),
    h('div', { class: 'form-actions' }, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const outcome = keep.checked ? 'UPHELD_ORIGINAL' : change.checked ? 'CHANGED' : null;
    const body = { outcome, reason: reason.value.trim() || null, items: change.checked ? lines.map((l) => l.value()) : null,
      waivers: change.checked ? waived.values() : null, acknowledged: change.checked ? crossChecked.acknowledged() : null };
    busy(send, '正在提交…', async () => {
      try {
        const after = await api(`/api/v1/claims/${claim.id}/appeal/decision`, { method: 'POST', json: body });
        const waiting = after.appeal.pending;
        await reload({ kind: 'ok', title: waiting ? '已初审，待另一名审核员复核' : `申诉已复核：${after.appeal.outcomeName}`,
          text: waiting ? '金额须由另一名审核员按相同金额复核后生效。' : '复核决定已记入办理进度，并已通知职工及单位。' });
      } catch (e) {
        if (e.status === 409) await reload({ kind: 'error', title: '未能完成申诉复核', text: e.message });
        else showErrors(form, e);
      }
    });
  });
  return h('section', { class: 'card', id: 'appeal-decide-card', 'aria-labelledby': 'appeal-decide-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'appeal-decide-title', text: '申诉复核' }),
      h('p', { text: `${a.kindName}：须由未参与原决定的${a.levelName}审核员复核；合计 ¥${rules.dualApprovalFrom} 及以上或高于测算金额须两名审核员先后核准` })),
    a.proposedBy ? h('p', { class: 'alert alert-info', id: 'appeal-proposed', text: `${a.proposedBy} 已提出下列金额，须由另一名审核员按相同金额复核。` }) : null,
    form);
}

/** One item's figure on appeal: the amount (the standing one, or the one proposed), a coded reason when it differs from the computed one. */
function figureLine(b, k, terms, rules, proposedAmount) {
  const standing = b.adjustedAmount || b.amount;
  const amount = h('input', { type: 'text', inputmode: 'decimal', id: `appeal-amount-${b.item}`, value: proposedAmount || standing });
  const code = h('select', { id: `appeal-code-${b.item}` }, h('option', { value: '', text: '— 请选择 —' }),
    rules.adjustmentReasons.map((r) => h('option', { value: r.code, text: r.name, selected: r.code === b.adjustReasonCode })));
  return {
    value: () => ({ item: b.item, amount: amount.value.trim() || null, reasonCode: code.value || null }),
    el: h('div', { class: 'adjust-row', dataset: { item: b.item } },
      h('div', { class: 'adjust-name' }, h('strong', { text: terms.itemName(b.item) }),
        h('span', { class: 'hint', text: `测算 ${yuan(b.amount)} · 原核定 ${yuan(standing)}` })),
      field('核定金额（元）', amount, { errorFor: `items[${k}].amount` }),
      field('调整原因（与测算不同时）', code, { errorFor: `items[${k}].reasonCode` })),
  };
}

// ---------- beside the timeline ----------

function appealSummary(claim) {
  const a = claim.appeal;
  const fact = (label, value, id) => h('div', { id }, h('dt', { text: label }), h('dd', {}, value ?? '—'));
  const state = a.pending ? h('span', { class: 'badge badge-amber', text: a.proposedBy ? '待另一名审核员复核' : '待复核' })
    : h('span', { class: `badge ${a.outcome === 'CHANGED' ? 'badge-green' : ''}`, text: a.outcomeName });
  return h('section', { class: 'card', id: 'appeal-summary', 'aria-labelledby': 'appeal-summary-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'appeal-summary-title', text: '申诉' }), state),
    h('dl', { class: 'facts' },
      fact('类型', a.kindName),
      fact('提出人', `${a.lodgedBy}${a.onBehalf ? '（代职工提出）' : '（职工本人）'}`, 'appeal-lodged-by'),
      fact('提出时间', dateTime(a.lodgedAt)),
      fact('复核层级', a.levelName, 'appeal-level'),
      fact('原决定金额', yuan(a.originalTotal)),
      a.documentIds.length ? fact('补充材料', `${a.documentIds.length} 份（见申领材料）`) : null,
      a.pending ? null : fact('复核人', a.decidedBy, 'appeal-decided-by'),
      a.pending ? null : fact('复核时间', dateTime(a.decidedAt)),
      a.decidedTotal ? fact('复核后金额', yuan(a.decidedTotal), 'appeal-decided-total') : null,
      a.supplement ? fact('补发金额', yuan(a.supplement), 'appeal-supplement') : null),
    h('p', { class: 'timeline-reason', id: 'appeal-reason-text', text: `申诉理由：${a.reason ?? '（仅审核人员与职工本人可见）'}` }),
    a.decisionReason ? h('p', { class: 'timeline-reason', id: 'appeal-decision-text', text: `复核意见：${a.decisionReason}` }) : null);
}

function lettersCard(claim) {
  return h('section', { class: 'card', id: 'claim-letters', 'aria-labelledby': 'letters-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'letters-title', text: '决定书' }), h('p', { text: '不含诊断与完整证件、银行账号，可交单位留存' })),
    h('ul', { class: 'plain-list' }, claim.letters.map((l) => h('li', {},
      h('a', { href: `/api/v1/claims/${claim.id}/letters/${l.number}`, download: '', dataset: { number: l.number }, text: `${l.title}（${l.decidedOn}）` })))));
}

// ---------- the review queue ----------

/**
 * 申诉复核: the appeals the reviewer's office may decide, oldest first, 50 at a time under their whole count;
 * {@code open(id)} opens one claim (deciding it there, the queue is shown again from its first page on coming back).
 */
export function appealQueue(open) {
  const list = pagedList({
    id: 'appeal-queue', path: '/api/v1/claims/appeals', title: '待复核的申诉', style: 'margin:4px 0 8px',
    empty: '没有待复核的申诉', unit: '件', table: (rows) => queueTable(rows, open),
  });
  list.reload();
  return h('section', { class: 'card', id: 'appeal-queue', 'aria-labelledby': 'appeal-queue-title', style: 'margin-bottom:18px' },
    h('div', { class: 'card-head' }, h('h2', { id: 'appeal-queue-title', text: '申诉复核' }),
      h('p', { text: '职工对拒付或核减提出的申诉，须由未参与原决定的审核员复核' })),
    list.el);
}

function queueTable(rows, open) {
  return h('table', { id: 'appeal-queue-table' },
    h('thead', {}, h('tr', {}, h('th', { text: '编号' }), h('th', { text: '申诉' }), h('th', { text: '状态' }),
      h('th', { class: 'num', text: '原决定金额' }), h('th', { text: '复核层级' }), h('th', { text: '提出时间' }))),
    h('tbody', {}, rows.map((r) => h('tr', { dataset: { id: r.claimId } },
      h('td', { class: 'nowrap' }, h('button', { type: 'button', class: 'linklike', onclick: () => open(r.claimId), title: '查看申请' }, r.reference)),
      h('td', { text: `${r.kindName}${r.onBehalf ? '（代提）' : ''}` }),
      h('td', { text: r.statusName }),
      h('td', { class: 'num', text: yuan(r.originalTotal) }),
      h('td', { class: 'nowrap', text: r.levelName }),
      h('td', { class: 'nowrap', text: dateTime(r.lodgedAt) })))));
}
