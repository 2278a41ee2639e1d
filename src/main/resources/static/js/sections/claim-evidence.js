// What stands behind a decision on a claim's page (issue 19): the requests for materials (退回补件) and the form to
// make one, the cross-checks of what was read against the claim (each acknowledged before approving), the waivers a
// reviewer gives for a missing material, the hint's item added to the claim, and the documents viewed inline, page by
// page, beside what was read from them. The codes and their Chinese come from GET /api/v1/claims/review-rules.

import { api, busy, clearErrors, dateTime, field, formError, h, showErrors, toast } from '../lib.js';

/** The requests for materials made of the claim, the open one first. */
export function requestsCard(claim) {
  const requests = claim.evidence.materialRequests;
  if (!requests.length) return null;
  const tone = { OPEN: 'badge-amber', ANSWERED: 'badge-green', LAPSED: '' };
  return h('section', { class: 'card', id: 'material-requests', 'aria-labelledby': 'requests-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'requests-title', text: '退回补件' }),
      h('p', { text: '补件期间暂停 7 个工作日时限；所需材料补齐之日重新起算' })),
    h('ol', { class: 'plain-list requests' }, [...requests].reverse().map((r) => h('li', { dataset: { status: r.status } },
      h('p', {}, h('span', { class: `badge ${tone[r.status]}`, text: r.statusName }),
        h('span', { class: 'hint', text: ` ${dateTime(r.requestedAt)} · ${r.requestedBy} · 请于 ${r.dueOn} 前补充` })),
      h('p', { text: `原因：${r.reasons.map((x) => x.name).join('；')}` }),
      h('p', { text: `所需材料：${r.requirements.map((x) => x.name).join('、')}` }),
      r.note ? h('p', { class: 'hint', text: `说明：${r.note}` }) : null))));
}

/**
 * The cross-checks: each warning with the document it came from; for a deciding reviewer a box to tick per warning
 * (every one must be ticked to approve). Returns the card and the keys ticked.
 */
export function checks(claim, deciding, username) {
  const list = claim.evidence.checks;
  if (!list.length) return { card: null, acknowledged: () => [] };
  const boxes = [];
  const card = h('section', { class: 'alert alert-warn', id: 'claim-checks', role: 'note' },
    h('div', {}, h('strong', { text: `核对提示（${list.length}）：识别结果与申请不一致` }),
      h('ul', { class: 'plain-list' }, list.map((c) => {
        const done = c.acknowledgedBy === username;
        const box = deciding && !done ? h('input', { type: 'checkbox', id: `ack-${c.key.replace(':', '-')}`, value: c.key }) : null;
        if (box) boxes.push(box);
        return h('li', { dataset: { code: c.code } },
          box ? h('label', { class: 'check' }, box, h('span', {}, h('strong', { text: c.title }), ` ${c.message}`))
            : h('span', {}, h('strong', { text: c.title }), ` ${c.message}`,
              c.acknowledgedBy ? h('span', { class: 'hint', text: `（${c.acknowledgedBy} 已确认）` }) : null));
      })),
      deciding && boxes.length ? h('p', { class: 'hint', text: '请对照材料逐条核对并勾选确认后再核准；确认记入办理进度。' }) : null));
  return { card, acknowledged: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

/** For each required material still missing: a coded waiver reason and a note, to approve without it. */
export function waivers(claim, rules) {
  const waived = new Set(claim.evidence.waivers.map((w) => w.requirement.code));
  const missing = claim.evidence.missingRequirements.filter((r) => !waived.has(r.code));
  if (!missing.length) return { el: null, values: () => [] };
  const rows = missing.map((r, i) => {
    const code = h('select', { id: `waive-${i}`, dataset: { requirement: r.code } },
      h('option', { value: '', text: '— 未豁免（须补件）—' }), rules.waiverReasons.map((w) => h('option', { value: w.code, text: w.name })));
    const note = h('input', { type: 'text', id: `waive-note-${i}`, maxlength: 200, placeholder: '说明（原因为「其他」时必填）' });
    return { r, code, note, el: h('div', { class: 'adjust-row' },
      h('div', { class: 'adjust-name' }, h('strong', { text: r.name }), h('span', { class: 'hint', text: '尚未提交' })),
      field('豁免原因', code, { errorFor: `waivers[${i}].reasonCode` }), field('说明', note, { errorFor: `waivers[${i}].note` })) };
  });
  return {
    el: h('div', { id: 'waivers', class: 'adjust-rows' },
      h('p', { class: 'alert alert-warn', text: `尚缺 ${missing.length} 项申领材料：请退回补件；确有理由不需补交的，逐项选择豁免原因后方可核准。` }),
      rows.map((x) => x.el), h('p', { class: 'field-error', 'data-error-for': 'waivers' })),
    values: () => rows.filter((x) => x.code.value).map((x) => ({ requirement: x.r.code, reasonCode: x.code.value, note: x.note.value.trim() || null })),
  };
}

/** 退回补件: coded reasons, the materials wanted (the missing ones ticked), a note. */
export function sendBackCard(claim, rules, reload) {
  const missing = new Set(claim.evidence.missingRequirements.flatMap((r) => r.code.split('|')));
  const reasons = rules.materialRequestReasons.map((r) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'reasons', value: r.code, checked: r.code === 'MISSING' && missing.size > 0 }), h('span', { text: r.name })));
  const kinds = rules.materialKinds.map((k) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'materials', value: k.code, checked: missing.has(k.code) }), h('span', { text: k.name })));
  const note = h('textarea', { name: 'note', id: 'send-back-note', rows: 2, maxlength: 500, placeholder: '例如：票据金额一栏模糊，请重新拍照' });
  const send = h('button', { type: 'submit', class: 'btn', id: 'claim-send-back' }, '退回补件');
  const form = h('form', { id: 'send-back-form', novalidate: true },
    h('fieldset', { class: 'checks' }, h('legend', { text: '退回原因' }), reasons, h('p', { class: 'field-error', 'data-error-for': 'reasons' })),
    h('fieldset', { class: 'checks' }, h('legend', { text: '需补充的材料' }), kinds, h('p', { class: 'field-error', 'data-error-for': 'materials' })),
    field('说明（可选，原因为「其他」时必填）', note),
    formError(), h('div', { class: 'form-actions' }, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const picked = (name) => [...form.querySelectorAll(`input[name=${name}]:checked`)].map((x) => x.value);
    busy(send, '正在退回…', async () => {
      try {
        await api(`/api/v1/claims/${claim.id}/send-back`, { method: 'POST',
          json: { reasons: picked('reasons'), materials: picked('materials'), note: note.value.trim() || null } });
        await reload({ kind: 'ok', title: '已退回补件', text: `已通知职工与单位经办人，请于 ${rules.materialsDueDays} 天内补充；补齐后回到审核。` });
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  return h('section', { class: 'card', id: 'send-back-card', 'aria-labelledby': 'send-back-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'send-back-title', text: '退回补件' }),
      h('p', { text: '缺材料不拒付：写明原因和所需材料，职工在掌上办或通过单位补交' })),
    form);
}

/** The hint's item added to a claim in review by the reviewer (增补申领项目). */
export function addItemButton(claim, hint, reload) {
  const add = h('button', { type: 'button', class: 'btn btn-small', id: `add-item-${hint.item}`, text: '增补申领该项目' });
  add.addEventListener('click', () => busy(add, '正在增补…', async () => {
    try {
      const after = await api(`/api/v1/claims/${claim.id}/items`, { method: 'POST', json: { item: hint.item } });
      await reload({ kind: 'ok', title: `已增补：${hint.itemName}`,
        text: after.missingMaterials.length ? `重新测算完成；还需材料：${after.missingMaterials.join('、')}。` : '重新测算完成。' });
    } catch (e) {
      toast(e.message, 'error');
    }
  }));
  return add;
}

/** A button that shows the document inline below its row: every page as an image, zoomable, beside what was read. */
export function viewButton(claim, d, fields) {
  const view = h('button', { type: 'button', class: 'btn btn-small', id: `view-${d.id}`, text: '查看' });
  let shown = null;
  view.addEventListener('click', async () => {
    const row = view.closest('tr');
    if (shown) { shown.remove(); shown = null; view.textContent = '查看'; return; }
    try {
      const { pages } = await api(`/api/v1/claims/${claim.id}/documents/${d.id}/pages`);
      const images = Array.from({ length: pages }, (_, i) => h('img', {
        src: `/api/v1/claims/${claim.id}/documents/${d.id}/pages/${i}`, alt: `${d.kindName} 第 ${i + 1} 页`, class: 'doc-page', loading: 'lazy',
      }));
      let zoom = 1;
      const frame = h('div', { class: 'doc-pages' }, images);
      const setZoom = (z) => { zoom = Math.min(4, Math.max(0.5, z)); images.forEach((img) => { img.style.width = `${zoom * 100}%`; }); };
      const tools = h('div', { class: 'doc-tools' },
        h('button', { type: 'button', class: 'btn btn-small', text: '放大', onclick: () => setZoom(zoom * 1.5) }),
        h('button', { type: 'button', class: 'btn btn-small', text: '缩小', onclick: () => setZoom(zoom / 1.5) }),
        h('button', { type: 'button', class: 'btn btn-small', text: '适合宽度', onclick: () => setZoom(1) }),
        h('span', { class: 'hint', text: `共 ${pages} 页 · 查看记入操作日志` }));
      const read = d.reading && d.reading.status === 'READ' ? h('dl', { class: 'facts doc-read' },
        Object.entries(d.reading.fields).map(([k, v]) => h('div', {}, h('dt', { text: fields[k] || k }), h('dd', { text: v })))) : null;
      const cell = h('td', { colspan: 4 }, h('div', { class: 'doc-viewer', id: `viewer-${d.id}` }, h('div', {}, tools, frame), read));
      shown = h('tr', { class: 'doc-viewer-row' }, cell);
      row.after(shown);
      view.textContent = '收起';
    } catch (e) {
      toast(e.message, 'error');
    }
  });
  return view;
}
