// 审核分派与工作量: the workload section (审核工作量: per office and per reviewer, ageing against the 7-working-day
// promise, with a drill-down to the claims), the review queue's assignment filter and holder column, and the claim
// page's cards for its holder in review (take, reassign) and its follow-up notes (跟进记录).

import { api, busy, clearErrors, dateTime, field, fill, formError, h, responsive, showErrors, toast } from '../lib.js';

const LEVEL = { COUNTY: '县（区）级', CITY: '市（州）级', PROVINCE: '省级' };
/** The workload's counts, in the order of its tables' columns, with the drill-down each opens. */
const COLUMNS = [
  ['open', '在办', {}], ['pool', '待领取', { assigned: 'POOL' }], ['early', '0–2 日', { ageing: 'EARLY' }],
  ['middle', '3–4 日', { ageing: 'MIDDLE' }], ['late', '5–6 日', { ageing: 'LATE' }], ['lastDay', '今日到期', { ageing: 'LAST_DAY' }],
  ['overdue', '已超期', { ageing: 'OVERDUE' }], ['dueTomorrow', '明日到期', { dueTomorrow: 'true' }], ['escalated', '已提醒', { escalated: 'true' }],
];

// ---------- 审核工作量 ----------

export const workload = {
  async render(root, context) {
    const data = await api('/api/v1/claim-workload');
    const detail = h('section', { class: 'card', id: 'workload-detail', 'aria-live': 'polite', hidden: true });
    const rerender = () => workload.render(root, context).catch((e) => toast(e.message, 'error'));
    const drill = (title, query) => showDetail(detail, title, query, context).catch((e) => toast(e.message, 'error'));
    const t = data.total;
    const tile = (n, label, tone) => h('div', { class: `stat${tone && n ? ` ${tone}` : ''}` }, h('div', { class: 'n', text: n }), h('div', { class: 'l', text: label }));
    fill(root,
      h('div', { class: 'page-head' },
        h('div', {},
          h('h1', { text: '审核工作量' }),
          h('p', { text: `今天 ${data.today}，下一个工作日 ${data.nextWorkingDay}；材料齐全后 ${data.promisedWorkingDays} 个工作日内办结，按已用工作日统计` }))),
      h('div', { class: 'stack' },
      h('section', { class: 'card', 'aria-label': '合计' },
        h('div', { class: 'stats workload-stats', id: 'workload-total' },
          tile(t.open, '审核中'), tile(t.pool, '待领取', 'bad'), tile(t.dueTomorrow, '明日到期', 'bad'), tile(t.lastDay, '今日到期', 'bad'),
          tile(t.overdue, '已超期', 'bad'), tile(t.escalated, '已提醒'))),
      h('section', { class: 'card', 'aria-labelledby': 'workload-offices-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'workload-offices-title', text: '各工会' }),
          h('p', { text: '审核任务交给申请所在地、与审核层级相应的工会；点数字查看明细' })),
        data.offices.length ? countTable({
          id: 'workload-offices', title: '工会', extraHeader: '分派方式', rows: data.offices, drill,
          key: (o) => ({ office: o.officeId }), filter: (o) => ({ officeId: o.officeId }), caption: (o, label) => `${o.officeName} · ${label}`,
          leading: (o) => [
            h('td', { class: 'name' }, h('div', {}, o.officeName, h('div', { class: 'hint', text: `${o.levelName} · 审核员 ${o.reviewers} 人` }))),
            h('td', { class: 'nowrap wide' }, modeCell(o, context, rerender))],
        }) : h('p', { class: 'empty', text: '管辖范围内没有审核中的申请' })),
      h('section', { class: 'card', 'aria-labelledby': 'workload-reviewers-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'workload-reviewers-title', text: '各审核员' }),
          h('p', { text: '自动分派时，在办最少、最久未分到的审核员先得' })),
        data.reviewers.length ? countTable({
          id: 'workload-reviewers', title: '审核员', rows: data.reviewers.map((r) => ({ ...r, counts: { ...r.counts, pool: null } })), drill,
          key: (r) => ({ reviewer: r.username }), filter: (r) => ({ assignee: r.username }), caption: (r, label) => `${r.displayName} · ${label}`,
          leading: (r) => [h('td', { class: 'name' }, h('div', {}, r.displayName, h('div', { class: 'hint', text: r.officeName || r.username })))],
        }) : h('p', { class: 'empty', text: '管辖范围内没有审核员' })),
      detail));
  },
};

/**
 * A table of counts, one row per office or reviewer ({@code key}: the row's data attributes); each count above zero
 * opens its claims ({@code filter} and the column's query, titled {@code caption}). A column null in every row is left out.
 */
function countTable({ id, title, extraHeader, rows, leading, key, filter, caption, drill }) {
  const columns = COLUMNS.filter(([name]) => rows.some((r) => r.counts[name] !== null));
  return h('div', { class: 'table-wrap' }, responsive(h('table', { id, class: 'counts' },
    h('thead', {}, h('tr', {}, h('th', { text: title }), extraHeader ? h('th', { text: extraHeader }) : null,
      columns.map(([, label]) => h('th', { class: 'num', text: label })))),
    h('tbody', {}, rows.map((r) => h('tr', { dataset: key(r) },
      leading(r),
      columns.map(([name, label, query]) => h('td', { class: 'num' }, r.counts[name] > 0
        ? h('button', { type: 'button', class: 'linklike', dataset: { count: name },
          onclick: () => drill(caption(r, label), { ...filter(r), ...query }) }, String(r.counts[name]))
        : h('span', { class: 'muted', dataset: { count: name }, text: '0' })))))))));
}

/** An office's way of handing out claims, which its head may switch. */
function modeCell(office, context, rerender) {
  const badge = h('span', { class: `badge ${office.mode === 'POOL' ? 'badge-amber' : 'badge-blue'}`, text: office.modeName });
  if (!context.can('CLAIM_ASSIGN')) return badge;
  const next = office.mode === 'POOL' ? 'AUTO' : 'POOL';
  const button = h('button', { type: 'button', class: 'btn btn-small btn-ghost', id: `office-mode-${office.officeId}` },
    next === 'POOL' ? '改为自行领取' : '改为自动分派');
  button.addEventListener('click', () => busy(button, '保存中…', async () => {
    const after = await api(`/api/v1/review-offices/${office.officeId}/mode`, { method: 'PUT', json: { mode: next } });
    toast(`${after.officeName}：${after.modeName}`, 'ok');
    await rerender();
  }).catch((e) => toast(e.message, 'error')));
  return h('div', { class: 'mode-cell' }, badge, button);
}

async function showDetail(detail, title, query, context) {
  detail.hidden = false;
  const close = h('button', { type: 'button', class: 'btn btn-small', id: 'workload-detail-close', onclick: () => { detail.hidden = true; } }, '收起');
  const head = h('div', { class: 'card-head' }, h('h2', { id: 'workload-detail-title', text: title }), close);
  fill(detail, head, h('p', { class: 'loading', text: '正在加载…' }));
  detail.scrollIntoView({ block: 'start' });
  const lines = await api(`/api/v1/review-queue?${new URLSearchParams({ ...query, limit: 500 })}`);
  fill(detail, head, lines.length ? h('div', { class: 'table-wrap' }, responsive(h('table', { id: 'workload-claims' },
    h('thead', {}, h('tr', {}, h('th', { text: '编号' }), h('th', { text: '审核层级' }), h('th', { text: '负责工会' }),
      h('th', { text: '审核员' }), h('th', { class: 'num', text: '已用工作日' }), h('th', { text: '承诺办结' }))),
    h('tbody', {}, lines.map((c) => h('tr', { dataset: { id: c.id } },
      h('td', { class: 'nowrap' }, h('button', { type: 'button', class: 'linklike', onclick: () => context.go('claims', { id: c.id }) }, c.reference)),
      h('td', { class: 'nowrap', text: LEVEL[c.reviewLevel] || '—' }),
      h('td', { text: c.officeName || '—' }),
      h('td', {}, holderCell(c)),
      h('td', { class: 'num', text: c.workingDaysElapsed ?? '—' }),
      h('td', { class: 'nowrap' }, c.promiseDueOn || h('span', { class: 'muted', text: c.ageingName }))))))))
    : h('p', { class: 'empty', text: '没有符合条件的申请' }));
}

// ---------- the review queue (审核队列) ----------

/** The queue's filter: the claims the caller holds, those waiting to be taken within their reach, or all. */
export function assignedFilter() {
  return h('select', { id: 'claims-assigned', name: 'assigned' },
    h('option', { value: '', text: '全部' }), h('option', { value: 'ME', text: '分派给我' }), h('option', { value: 'POOL', text: '待领取' }));
}

/** One page of the review queue, oldest first. */
export function reviewQueue(assigned, overdue, limit, offset) {
  const query = new URLSearchParams({ limit, offset });
  if (assigned) query.set('assigned', assigned);
  if (overdue) query.set('overdue', 'true');
  return api(`/api/v1/review-queue?${query}`);
}

/** Who holds a claim in review (or 待领取), and whether it falls due on the next working day or was escalated. */
export function holderCell(c) {
  return h('div', { class: 'badges holder' },
    c.assignee ? h('span', { class: 'nowrap', dataset: { assignee: c.assignee }, text: c.assigneeName || c.assignee })
      : h('span', { class: 'badge badge-amber', dataset: { assignee: '' }, text: '待领取' }),
    c.dueTomorrow ? h('span', { class: 'badge badge-red', text: '明日到期' }) : null,
    c.escalated ? h('span', { class: 'badge badge-red', title: '已提醒审核员与工会', text: '已提醒' }) : null);
}

// ---------- the claim page ----------

/** The claim page's cards: its holder in review and its follow-up notes (each only for those who may see it). */
export function officeCards(claim, context, reload) {
  return {
    assignment: context.can('CLAIM_WORKLOAD') ? assignmentCard(claim, context, reload) : null,
    notes: context.can('CLAIM_NOTE') ? notesCard(claim) : null,
  };
}

function assignmentCard(claim, context, reload) {
  const card = h('section', { class: 'card', id: 'assignment-card', 'aria-labelledby': 'assignment-title' });
  api(`/api/v1/claims/${claim.id}/assignment`).then(async (a) => {
    if (!a.inReview && !a.history.length) {
      card.remove();
      return;
    }
    const candidates = a.canReassign ? await api(`/api/v1/claims/${claim.id}/assignment/candidates`) : [];
    fill(card, ...assignment(a, candidates, claim, reload));
  }).catch((e) => fill(card, h('p', { class: 'alert alert-error', text: e.message })));
  return card;
}

function assignment(a, candidates, claim, reload) {
  const fact = (label, value, attrs) => h('div', attrs || {}, h('dt', { text: label }), h('dd', {}, value ?? '—'));
  const flags = [a.dueTomorrow ? h('span', { class: 'badge badge-red', text: '明日到期' }) : null,
    a.escalated ? h('span', { class: 'badge badge-red', id: 'assignment-escalated', text: `已于 ${a.escalatedOn} 提醒` }) : null];
  const parts = [
    h('div', { class: 'card-head' }, h('h2', { id: 'assignment-title', text: '审核分派' }),
      h('p', { text: a.inReview ? '由负责工会的审核员审核；负责人可改派' : '申请已不在审核中' })),
    h('dl', { class: 'facts' },
      fact('负责工会', a.officeName ? `${a.officeName}（${a.modeName}）` : null),
      fact('审核员', a.assignee ? h('span', { id: 'assignment-assignee', dataset: { assignee: a.assignee }, text: a.assigneeName })
        : h('span', { class: 'badge badge-amber', id: 'assignment-assignee', dataset: { assignee: '' }, text: '待领取' })),
      fact('分派时间', a.assignedAt ? dateTime(a.assignedAt) : null),
      fact('承诺办结', a.promiseDueOn ? h('span', { class: 'badges' }, a.promiseDueOn, flags) : null)),
  ];
  if (a.canTake) {
    const take = h('button', { type: 'button', class: 'btn btn-primary', id: 'assignment-take' }, '领取审核');
    take.addEventListener('click', () => busy(take, '领取中…', async () => {
      await api(`/api/v1/claims/${claim.id}/assignment/take`, { method: 'POST' });
      await reload({ kind: 'ok', title: '已领取', text: '本申请由您审核。' });
    }).catch((e) => toast(e.message, 'error')));
    parts.push(h('div', { class: 'form-actions' }, take));
  }
  if (a.canReassign) parts.push(reassignForm(a, candidates, claim, reload));
  if (a.history.length) {
    parts.push(h('details', { class: 'assignment-history', id: 'assignment-history' },
      h('summary', { text: `分派记录（${a.history.length}）` }),
      h('ol', { class: 'plain-list' }, a.history.map((x) => h('li', { dataset: { how: x.how } },
        h('span', { class: 'badge', text: x.howName }), ' ',
        x.assignee ? `${x.assigneeName}` : `${x.officeName || ''}待领取`,
        h('span', { class: 'hint', text: ` · ${x.actorName} · ${dateTime(x.at)}${x.note ? ` · ${x.note}` : ''}` }))))));
  }
  return parts;
}

function reassignForm(a, candidates, claim, reload) {
  const to = h('select', { id: 'assignment-to', name: 'assignee' },
    h('option', { value: '', text: '— 退回待领取 —' }),
    candidates.map((c) => h('option', { value: c.username, selected: c.username === a.assignee,
      text: `${c.displayName}（${c.officeName}，在办 ${c.held} 件）` })));
  const note = h('input', { type: 'text', id: 'assignment-note', name: 'note', maxlength: 200, placeholder: '例如：原审核员休假' });
  const send = h('button', { type: 'submit', class: 'btn', id: 'assignment-reassign' }, '改派');
  const form = h('form', { id: 'assignment-form', class: 'reassign-row', novalidate: true },
    field('改派给', to), field('说明（可选）', note), h('div', { class: 'reassign-send' }, send), formError());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    busy(send, '改派中…', async () => {
      try {
        const after = await api(`/api/v1/claims/${claim.id}/assignment`, { method: 'PUT',
          json: { assignee: to.value || null, note: note.value.trim() || null } });
        await reload({ kind: 'ok', title: '已改派', text: after.assignee ? `改由${after.assigneeName}审核。` : '已退回待领取。' });
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  return form;
}

function notesCard(claim) {
  const list = h('ol', { class: 'notes', id: 'claim-notes' });
  const text = h('textarea', { id: 'note-text', name: 'text', rows: 3, maxlength: 1000, placeholder: '例如：已电话联系职工，出院小结原件周五送到' });
  const left = h('span', { class: 'hint', id: 'note-left', text: '还可输入 1000 字' });
  text.addEventListener('input', () => { left.textContent = `还可输入 ${1000 - text.value.length} 字`; });
  const add = h('button', { type: 'submit', class: 'btn', id: 'note-add' }, '添加跟进记录');
  const form = h('form', { id: 'note-form', novalidate: true }, field('跟进情况', text), formError(),
    h('div', { class: 'form-actions' }, add, left));
  const show = (notes) => fill(list, notes.length ? notes.map((n) => h('li', { dataset: { author: n.author } },
    h('p', { class: 'note-text', text: n.text }),
    h('p', { class: 'hint', text: `${n.authorName}${n.officeName ? ` · ${n.officeName}（${n.officeLevelName}）` : ''} · ${dateTime(n.at)}` })))
    : h('li', { class: 'muted', text: '暂无跟进记录' }));
  const load = () => api(`/api/v1/claims/${claim.id}/notes`).then(show);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    busy(add, '保存中…', async () => {
      try {
        await api(`/api/v1/claims/${claim.id}/notes`, { method: 'POST', json: { text: text.value } });
        text.value = '';
        left.textContent = '还可输入 1000 字';
        await load();
      } catch (e) {
        showErrors(form, e);
      }
    });
  });
  load().catch((e) => fill(list, h('li', { class: 'alert alert-error', text: e.message })));
  return h('section', { class: 'card', id: 'notes-card', 'aria-labelledby': 'notes-title' },
    h('div', { class: 'card-head' }, h('h2', { id: 'notes-title', text: '跟进记录' }),
      h('p', { text: '省、市、县工会专人跟进；记录后不能修改' })),
    list, form);
}
