// 我的申领 and one claim: what each photo was read as (to confirm or correct), the estimate, the materials still
// missing, when it will be paid, other items to claim too (一并申领), submit; after that the progress in plain words,
// each item's decision and reasons, the payout, more photos when materials are asked for, and withdrawing a draft.

import { h, field, showErrors, clearErrors, dateTime } from '/js/lib.js';
import { day } from '/m/cover.js';
import { photoPicker, appendPhotos } from '/m/claim.js';
import { appealCards } from '/m/appeal.js';

const money = (m) => (m == null ? '—' : `${m} 元`);

export async function myClaims({ api, show }) {
  const list = await api('/api/v1/m/claims');
  const start = h('button', { type: 'button', class: 'btn btn-primary', id: 'start-claim', text: '申领互助金' });
  start.addEventListener('click', () => { location.hash = '#claim'; });
  const items = list.map((c) => {
    const b = h('button', { type: 'button', class: 'tile', dataset: { id: c.id } },
      h('span', {}, h('strong', { text: `${c.reference} · ${c.statusName}` }),
        h('span', { class: 'sub', text: `${day(c.incidentDate)}　${c.approvedTotal ? `核准 ${c.approvedTotal} 元` : `预估 ${money(c.estimate)}`}` })),
      h('span', { class: 'go', 'aria-hidden': 'true', text: '›' }));
    b.addEventListener('click', () => { location.hash = `#claim/${c.id}`; });
    return b;
  });
  show('我的申领', start, ...(items.length ? items : [h('p', { class: 'empty', text: '还没有申领' })]));
}

/** One claim; re-drawn after each change, and every 2 seconds while a photo is being read. */
export async function oneClaim({ api, show, busy, formError }, id) {
  const c = await api(`/api/v1/m/claims/${id}`);
  const again = () => oneClaim({ api, show, busy, formError }, id);
  const act = async (button, label, work) => {
    const done = busy(button, label);
    try { await work(); await again(); } catch (e) { done(); showErrors(button.closest('form') || button.parentElement, e); }
  };
  const parts = [h('div', { class: 'card', id: 'claim-head' },
    h('h2', { id: 'claim-status', text: c.statusName }),
    h('p', { text: `${c.whatHappened}　${day(c.incidentDate)}${c.diagnoses.length ? `　${c.diagnoses.map((d) => d.name).join('、')}` : ''}` }),
    h('p', { class: 'big', id: 'claim-estimate', text: `${c.amountWords} ${money(c.estimate)}` }),
    c.promise ? h('p', { id: 'claim-promise', text: c.promise }) : null)];

  if (c.missingMaterials.length) {
    parts.push(h('div', { class: 'card', id: 'claim-missing' }, h('h2', { text: c.draft ? '还需要的材料' : '请补充材料' }),
      h('ul', { class: 'conditions' }, c.missingMaterials.map((m) => h('li', { text: m }))),
      c.askedWhy ? h('p', { id: 'claim-asked-why', text: `工作人员说明：${c.askedWhy}` }) : null,
      c.askedBy ? h('p', { class: 'sub', id: 'claim-asked-by', text: `请在 ${day(c.askedBy)} 前补充；补齐后自动继续办理，逾期未补申请将关闭（不是拒付）。` }) : null));
  }
  for (const p of c.prompts) {
    const also = h('button', { type: 'button', class: 'btn btn-primary', id: `claim-too-${p.item}`, text: '一并申领' });
    also.addEventListener('click', () => act(also, '正在加入…', () => api(`/api/v1/m/claims/${id}/items`, { method: 'POST', json: { item: p.item } })));
    parts.push(h('div', { class: 'card prompt', id: `prompt-${p.item}` }, h('p', { text: p.text }), formError(), also));
  }
  if (c.photos.length) parts.push(photos(c, api, id, again, busy, formError));
  if (c.decided && c.items.length) parts.push(decisions(c));   // each item's result once decided, not the estimate's
  if (c.payouts.length) {
    parts.push(h('div', { class: 'card', id: 'claim-payouts' }, h('h2', { text: '支付情况' }),
      ...c.payouts.map((p) => h('p', { text: `${p.amount} 元 → ${p.maskedAccount}：${p.statusName}${p.reason ? `（${p.reason}）` : ''}` }))));
  }
  parts.push(...appealCards(c));
  if (c.canAddPhotos) parts.push(await morePhotos(api, c, id, again, busy, formError));
  if (c.draft) parts.push(draftActions(c, api, id, again, busy, formError));
  parts.push(h('div', { class: 'card', id: 'claim-timeline' }, h('h2', { text: '办理进度' }),
    h('ol', { class: 'timeline' }, c.timeline.map((s) => h('li', {}, h('span', { class: 'when', text: dateTime(s.at) }), h('span', { text: s.text }))))));
  show(`申领 ${c.reference}`, ...parts);
  if (c.photos.some((p) => p.reading === 'PENDING')) {
    setTimeout(() => { if (location.hash === `#claim/${id}`) again(); }, 2000);
  }
}

/** What each photo was read as; on a draft the worker confirms or corrects the receipts, the stay and the amounts. */
function photos(c, api, id, again, busy, formError) {
  const read = c.photos.filter((p) => p.reading === 'READ' && p.fields.invoiceNumber);
  const list = h('ul', { class: 'read-photos', id: 'claim-photos' }, c.photos.map((p) => h('li', { dataset: { reading: p.reading || '' } },
    h('strong', { text: p.kindName }), h('span', { class: 'sub', text: `　${p.message || '已上传'}` }),
    p.suggestion ? suggestion(c, p, api, id, again, busy) : null)));
  if (!c.draft || !read.length) return h('div', { class: 'card' }, h('h2', { text: '已上传的照片' }), list);
  const input = (name, value, label, attrs = {}) => field(label, h('input', { name, value: value || '', ...attrs }));
  const receipts = read.map((p, i) => h('fieldset', { class: 'receipt', dataset: { i } }, h('legend', { text: `票据 ${i + 1}` }),
    input(`code-${i}`, p.fields.invoiceCode, '票据代码', { inputmode: 'numeric' }),
    input(`number-${i}`, p.fields.invoiceNumber, '票据号码', { inputmode: 'numeric' }),
    input(`amount-${i}`, c.receipts[i]?.amount || p.fields.total, '金额合计（元）', { inputmode: 'decimal' })));
  const first = read[0].fields;
  const stay = c.hospitalStay || { admission: first.admissionDate, discharge: first.dischargeDate };
  const e = c.expenses || { total: first.total, fundPaid: first.fundPaid, selfPaid: first.selfPaid, selfFunded: first.selfFunded };
  const confirm = h('button', { type: 'submit', class: 'btn btn-primary', id: 'claim-confirm', text: '核对无误，确认' });
  const form = h('form', { class: 'card', id: 'claim-read', novalidate: true }, h('h2', { text: '请核对识别结果' }), list, ...receipts,
    input('admission', stay.admission, '入院日期', { type: 'date' }), input('discharge', stay.discharge, '出院日期', { type: 'date' }),
    input('selfPaid', e.selfPaid, '个人自付（元）', { inputmode: 'decimal' }), input('selfFunded', e.selfFunded, '个人自费（元）', { inputmode: 'decimal' }),
    input('fundPaid', e.fundPaid, '医保统筹支付（元）', { inputmode: 'decimal' }), input('total', e.total, '费用合计（元）', { inputmode: 'decimal' }),
    formError(), confirm);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const v = (n) => form.elements[n].value.trim() || null;
    const body = {
      receipts: read.map((p, i) => ({ invoiceCode: v(`code-${i}`), invoiceNumber: v(`number-${i}`), amount: v(`amount-${i}`) })),
      hospitalStay: v('admission') && v('discharge') ? { admission: v('admission'), discharge: v('discharge') } : null,
      expenses: v('total') ? { total: v('total'), fundPaid: v('fundPaid') || '0.00', selfPaid: v('selfPaid') || '0.00', selfFunded: v('selfFunded') || '0.00' } : null,
    };
    const done = busy(confirm, '正在保存…');
    try { await api(`/api/v1/m/claims/${id}/receipts`, { method: 'PUT', json: body }); await again(); } catch (err) { done(); showErrors(form, err); }
  });
  return form;
}

/**
 * The diagnosis read from a discharge summary or certificate and the one the worker may take for this claim (采用此诊断);
 * nothing changes until they choose.
 */
function suggestion(c, p, api, id, again, busy) {
  const s = p.suggestion;
  const box = h('div', { class: 'read-diagnosis', id: `suggestion-${p.id}` },
    h('p', { class: 'sub', text: `识别到的诊断：${s.diagnosis}` }),
    h('p', {}, h('span', { text: '建议诊断：' }), h('strong', { text: s.name })));
  if (s.decision) {
    box.append(h('p', { class: 'sub', text: s.decision === 'ACCEPTED' ? '已采用此诊断' : '未采用，诊断保持不变' }));
    return box;
  }
  if (!c.draft) return box;
  const decide = (accept, button) => async () => {
    const done = busy(button, accept ? '正在采用…' : '正在保存…');
    try {
      await api(`/api/v1/m/claims/${id}/photos/${p.id}/diagnosis`, { method: 'POST', json: { accept } });
      await again();
    } catch (e) { done(); box.append(h('p', { class: 'form-error', role: 'alert', text: e.message })); }
  };
  const adopt = h('button', { type: 'button', class: 'btn btn-primary', id: `adopt-${p.id}`, text: '采用此诊断' });
  const keep = h('button', { type: 'button', class: 'btn', id: `keep-${p.id}`, text: '不采用' });
  adopt.addEventListener('click', decide(true, adopt));
  keep.addEventListener('click', decide(false, keep));
  box.append(h('div', { class: 'actions' }, adopt, keep));
  return box;
}

function decisions(c) {
  return h('div', { class: 'card', id: 'claim-decisions' }, h('h2', { text: '各项目结果' }),
    ...c.items.map((i) => h('div', { class: 'decision', dataset: { item: i.item } },
      h('p', {}, h('strong', { text: i.itemName }), h('span', { text: `　${i.decisionName}　${money(i.amount)}` })),
      i.reasons.length ? h('p', { class: 'sub', text: `原因：${i.reasons.join('；')}` }) : null)));
}

async function morePhotos(api, c, id, again, busy, formError) {
  const picker = await photoPicker(api, 'more-photos', c.missingKinds[0]);
  const send = h('button', { type: 'submit', class: 'btn', id: 'more-upload', text: '上传补充照片' });
  const form = h('form', { class: 'card', novalidate: true }, h('h2', { text: '补拍材料' }), picker.element, formError(), send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = new FormData();
    appendPhotos(body, picker.photos());
    const done = busy(send, '正在上传…');
    try { await api(`/api/v1/m/claims/${id}/photos`, { method: 'POST', form: body }); await again(); } catch (e) { done(); showErrors(form, e); }
  });
  return form;
}

/** Submit, or withdraw after a confirmation in the page (a withdrawn draft frees its receipts). */
function draftActions(c, api, id, again, busy, formError) {
  const submit = h('button', { type: 'button', class: 'btn btn-primary', id: 'claim-submit', text: '提交申请' });
  const withdraw = h('button', { type: 'button', class: 'btn btn-quiet', id: 'claim-withdraw', text: '撤回申请' });
  const sure = h('div', { class: 'confirm', id: 'withdraw-confirm', hidden: true },
    h('p', { text: '确定撤回这份申请吗？撤回后不能再提交，票据可以用于新的申请。' }));
  const yes = h('button', { type: 'button', class: 'btn btn-primary', id: 'withdraw-yes', text: '确定撤回' });
  const no = h('button', { type: 'button', class: 'btn', id: 'withdraw-no', text: '不撤回' });
  sure.append(yes, no);
  const box = h('div', { class: 'card', id: 'claim-actions' }, formError(), submit, withdraw, sure);
  const run = async (button, label, path) => {
    clearErrors(box);
    const done = busy(button, label);
    try { await api(path, { method: 'POST' }); await again(); } catch (e) { done(); showErrors(box, e); }
  };
  submit.addEventListener('click', () => run(submit, '正在提交…', `/api/v1/m/claims/${id}/submit`));
  withdraw.addEventListener('click', () => { sure.hidden = false; withdraw.hidden = true; });
  no.addEventListener('click', () => { sure.hidden = true; withdraw.hidden = false; });
  yes.addEventListener('click', () => run(yes, '正在撤回…', `/api/v1/m/claims/${id}/withdraw`));
  return box;
}
